// `npm run package:check`: builds the app, packages it with electron-builder `--dir` (Linux) with
// a stand-in Electron distribution (no download, no network), then opens the packaged app.asar
// and checks that every require/import of the bundles resolves inside the package, that worker
// scripts and .wasm files sit where the code reads them, that no test, benchmark, emulator,
// source-map or unused file is shipped, and that the Electron fuses were flipped in the
// packaged executable. Prints the package size. Options: --no-build (reuse out/), --keep (keep
// the packaged folder and print where it is).
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBuilderConfig } from './checkBuilderConfig.mjs';
import {
  checkFuseConfig,
  checkFuseWire,
  requiredFuses,
  writeStandInElectron,
} from './packageCheck/fuses.mjs';
import { checkModuleGraph } from './packageCheck/moduleGraph.mjs';
import { openAsar } from './packageCheck/packageView.mjs';
import { checkShippedFiles, megabytes, packageSizes } from './packageCheck/shippedFiles.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the app's code starts: the main process (package.json main), the preload, the page. */
export function appEntries(packagedPackageJson) {
  return [
    { path: packagedPackageJson.main ?? 'index.js', kind: 'node' },
    { path: 'out/preload/index.js', kind: 'preload' },
    { path: 'out/renderer/index.html', kind: 'browser' },
  ];
}

/** Packages `root` for Linux into `outputDir` with the stand-in Electron; resolves to the app folder. */
async function packageOffline(electronDist, outputDir) {
  const { build, Platform } = require('electron-builder');
  let appOutDir;
  let executableName;
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: {
      electronDist,
      npmRebuild: false,
      directories: { output: outputDir },
      afterPack: (context) => {
        appOutDir = context.appOutDir;
        executableName = context.packager.executableName;
      },
    },
  });
  if (!appOutDir || !executableName) throw new Error('electron-builder did not report the packaged folder');
  return { appOutDir, executable: join(appOutDir, executableName) };
}

/** One line per problem, but a package's many files with the same problem on a few lines. */
export function summarize(problems, shown = 3) {
  const groups = new Map();
  for (const { file, message } of problems) {
    const owner = /^(?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+\//.exec(file)?.[0] ?? file;
    const key = `${owner}\0${message}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(`${file}: ${message}`);
  }
  return [...groups.values()].flatMap((lines) =>
    lines.length <= shown + 1
      ? lines
      : [...lines.slice(0, shown), `… and ${lines.length - shown} more like these`],
  );
}

async function main(args) {
  const started = performance.now();
  // Never fetch anything: the stand-in replaces the Electron download and nothing else is needed.
  process.env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
  process.env.ELECTRON_BUILDER_OFFLINE = 'true';
  const problems = [];

  const config = await checkBuilderConfig();
  problems.push(...checkFuseConfig(config));

  if (!args.includes('--no-build')) {
    const bin = join(root, 'node_modules/electron-vite/bin/electron-vite.js');
    const result = spawnSync(process.execPath, [bin, 'build'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (result.status !== 0) throw new Error('electron-vite build failed');
  }

  const work = await mkdtemp(join(tmpdir(), 'redivis-package-check-'));
  try {
    const electronVersion = require('electron/package.json').version;
    const electronDist = join(work, 'electron-dist');
    await writeStandInElectron(electronDist, electronVersion);
    const { appOutDir, executable } = await packageOffline(electronDist, join(work, 'release'));

    const view = openAsar(join(appOutDir, 'resources', 'app.asar'));
    const packaged = JSON.parse(view.read('package.json').toString('utf8'));
    const graph = checkModuleGraph(view, appEntries(packaged));
    problems.push(...graph.problems);
    problems.push(...checkShippedFiles(view, graph));
    const fuseProblems = await checkFuseWire(executable);
    problems.push(...fuseProblems);

    const sizes = packageSizes(view);
    const wasm = [...graph.loadedFiles].filter((path) => path.endsWith('.wasm'));
    const runtime = Object.keys(packaged.dependencies ?? {});
    console.log(`\nPackaged app (linux-unpacked, stand-in Electron ${electronVersion}):`);
    console.log(
      `  app.asar: ${megabytes(sizes.total)} in ${sizes.files} files` +
        (sizes.unpacked ? ` (${megabytes(sizes.unpacked)} unpacked)` : ''),
    );
    for (const [part, bytes] of sizes.parts.slice(0, 8))
      console.log(`    ${megabytes(bytes).padStart(8)}  ${part}`);
    console.log(`  runtime dependencies (node_modules): ${runtime.join(', ') || 'none'}`);
    console.log(
      `  module graph: ${graph.reached.size} files reached from main, preload and page; ` +
        `${graph.workers} worker start(s); wasm: ${wasm.join(', ') || 'none'}`,
    );
    console.log(
      `  fuses read back from ${executable.slice(appOutDir.length + 1)}: ` +
        (fuseProblems.length
          ? 'NOT as required'
          : Object.entries(requiredFuses)
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')),
    );
    if (args.includes('--keep')) console.log(`  kept: ${appOutDir}`);
  } finally {
    if (!args.includes('--keep')) await rm(work, { recursive: true, force: true });
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (problems.length > 0) {
    console.error(`\npackage:check found ${problems.length} problem(s):`);
    for (const line of summarize(problems)) console.error(`  ${line}`);
    process.exitCode = 1;
  } else {
    console.log(`\npackage:check passed in ${seconds} s.`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error.stack ?? error.message);
    process.exitCode = 1;
  });
}
