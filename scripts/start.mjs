// Starts Redivis Desktop: the Electron app when its binary is available, otherwise the same
// app in browser mode (services on 127.0.0.1, renderer in your browser).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const demo = args.includes('--demo');
const forceBrowser = args.includes('--browser') || process.env.REDIVIS_BROWSER_MODE === '1';

function electronBinary() {
  // The electron package fetches its binary on first run. Try that quietly; where it cannot
  // be had (no internet), browser mode takes over instead of a wall of stack traces.
  const pkg = join(root, 'node_modules/electron');
  const located = () => {
    const pathFile = join(pkg, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const relative = readFileSync(pathFile, 'utf8');
    const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
    const full = join(base, relative);
    return existsSync(full) ? full : undefined;
  };
  if (located()) return located();
  if (!existsSync(join(pkg, 'install.js'))) return undefined;
  const install = spawnSync(process.execPath, [join(pkg, 'install.js')], {
    cwd: pkg,
    stdio: 'ignore',
    timeout: 180_000,
  });
  return install.status === 0 ? located() : undefined;
}

function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

const build = spawnSync(
  process.execPath,
  [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const binary = forceBrowser ? undefined : electronBinary();
if (binary && demo) {
  startDemoThenElectron(binary);
} else if (binary) {
  run(binary, ['.']);
} else {
  if (!binary) {
    console.log(
      'The Electron binary is not available here (it is downloaded on first run, which needs internet), so Redivis Desktop starts in browser mode.',
    );
  }
  const cli = [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'electron/web/cli.ts')];
  if (demo) cli.push('--demo');
  run(process.execPath, cli);
}

// `npm run demo` with Electron: the emulator runs as a child process with the demo data, and
// the app learns its address from REDIVIS_DEMO_ENDPOINT (the sign-in screen preselects it).
function startDemoThenElectron(electron, port = 8400) {
  const emulator = spawn(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'emulator/cli.ts'), '--port', String(port)],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let started = false;
  let output = '';
  emulator.stdout.on('data', (chunk) => {
    if (started) return;
    output += chunk.toString();
    const match = /listening at (http:\/\/127\.0\.0\.1:\d+\/api\/v1)/.exec(output);
    if (!match) return;
    started = true;
    console.log(`Local demo server (Redivis emulator): ${match[1]}`);
    const app = spawn(electron, ['.'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, REDIVIS_DEMO_ENDPOINT: match[1] },
    });
    const stop = (code) => {
      emulator.kill('SIGTERM');
      process.exit(code ?? 0);
    };
    app.on('exit', stop);
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
  });
  emulator.on('exit', (code) => {
    if (started) return;
    // Port 8400 is taken (perhaps by an earlier demo): let the emulator pick a free one.
    if (port !== 0) startDemoThenElectron(electron, 0);
    else process.exit(code ?? 1);
  });
}
