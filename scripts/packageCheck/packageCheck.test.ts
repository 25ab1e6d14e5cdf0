import asar from '@electron/asar';
import fuses from '@electron/fuses';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBuilderConfig } from '../checkBuilderConfig.mjs';
import { appEntries, summarize } from '../checkPackage.mjs';
import { checkFuseConfig, checkFuseWire, requiredFuses, writeStandInElectron } from './fuses.mjs';
import { checkModuleGraph, resolveExports, type Entry } from './moduleGraph.mjs';
import { openAsar, openFolder, type PackageView } from './packageView.mjs';
import { checkShippedFiles, packageSizes } from './shippedFiles.mjs';

type Tree = Record<string, string | Buffer>;
const json = (value: unknown) => JSON.stringify(value);

/** A small packaged app laid out like ours: a CommonJS main, a worker, a preload, a page, packages. */
const goodApp: Tree = {
  'package.json': json({ name: 'app', main: 'out/main/index.js' }),
  'out/main/index.js': `"use strict";
const node_path = require("node:path");
const { Worker } = require("node:worker_threads");
const { app } = require("electron");
const lib = require("cjs-lib");
const feature = require("dual/feature");
const page = (0, node_path.join)(__dirname, "../renderer/index.html");
const preload = (0, node_path.join)(__dirname, "../preload/index.js");
const workerPath = Promise.resolve().then(() => require("./chunks/workerPath.js"));
workerPath.then((m) => new Worker(m.default));
import("esm-only").then(() => {});
// A code generator's string, not a require of the bundle:
const standalone = \`require("ajv/dist/runtime/validation_error").default\`;
`,
  'out/main/chunks/workerPath.js': `exports.default = (0, require("path").join)(__dirname, "./worker.js");`,
  'out/main/chunks/worker.js': `const wasm = require("wasm-lib");`,
  'out/preload/index.js': `"use strict"; const { contextBridge } = require("electron"); require("events");`,
  'out/renderer/index.html': `<!doctype html><html><head>
<script type="module" crossorigin src="./assets/index.js"></script>
<link rel="stylesheet" href="./assets/index.css"></head><body></body></html>`,
  'out/renderer/assets/index.js': `import "./chunk.js"; const later = () => import("./lazy.js");`,
  'out/renderer/assets/chunk.js': 'export const x = 1;',
  'out/renderer/assets/lazy.js': 'export const y = 2;',
  'out/renderer/assets/index.css': 'body {}',
  'node_modules/cjs-lib/package.json': json({ name: 'cjs-lib', main: 'lib/main' }),
  'node_modules/cjs-lib/lib/main.js': 'module.exports = 1;',
  'node_modules/dual/package.json': json({
    name: 'dual',
    type: 'module',
    exports: { './feature': { import: './feature.js', require: './feature.cjs' } },
  }),
  'node_modules/dual/feature.js': 'export default 1;',
  'node_modules/dual/feature.cjs': 'module.exports = 1;',
  'node_modules/esm-only/package.json': json({ name: 'esm-only', type: 'module', exports: './index.js' }),
  'node_modules/esm-only/index.js': 'export default 1;',
  'node_modules/wasm-lib/package.json': json({ name: 'wasm-lib', main: 'index.js' }),
  'node_modules/wasm-lib/index.js':
    'const bytes = require("fs").readFileSync(`${__dirname}/lib_bg.wasm`); module.exports = bytes;',
  'node_modules/wasm-lib/lib_bg.wasm': Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]),
};

// The same entries package:check uses for the real app.
const entries: Entry[] = appEntries({ main: 'out/main/index.js' });

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function writeTree(tree: Tree): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rd-package-check-'));
  temps.push(dir);
  for (const [path, content] of Object.entries(tree)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

async function folder(tree: Tree): Promise<PackageView> {
  return openFolder(await writeTree(tree));
}

/** All problems of both checks, as "file: message" lines, sorted. */
function check(view: PackageView, options?: { allow?: RegExp[] }): string[] {
  const graph = checkModuleGraph(view, entries);
  return [...graph.problems, ...checkShippedFiles(view, graph, options)]
    .map((p) => `${p.file}: ${p.message}`)
    .sort();
}

describe('the module graph check', () => {
  it('passes a package whose every require, import, worker and wasm resolves inside it', async () => {
    const view = await folder(goodApp);
    const graph = checkModuleGraph(view, entries);
    expect(check(view)).toEqual([]);
    expect([...graph.reached.keys()]).toEqual(
      expect.arrayContaining([
        'out/main/chunks/worker.js',
        'node_modules/dual/feature.cjs',
        'node_modules/esm-only/index.js',
        'node_modules/cjs-lib/lib/main.js',
        'out/renderer/assets/lazy.js',
        'node_modules/wasm-lib/lib_bg.wasm',
      ]),
    );
    expect(graph.reached.get('out/preload/index.js')).toBe('preload');
    expect(graph.workers).toBe(1);
  });

  it('fails an ESM-only package required from the CommonJS main (oauth4webapi today)', async () => {
    const view = await folder({
      ...goodApp,
      'out/main/index.js': `${goodApp['out/main/index.js']}\nconst oauth = require("oauth4webapi");`,
      'node_modules/oauth4webapi/package.json': json({
        name: 'oauth4webapi',
        type: 'module',
        exports: { '.': { types: './build/index.d.ts', default: './build/index.js' } },
      }),
      'node_modules/oauth4webapi/build/index.js': 'export const x = 1;',
    });
    expect(check(view)).toEqual([
      'node_modules/oauth4webapi: package shipped that nothing loads: bundle it (make it a devDependency) or drop it',
      'out/main/index.js: require "oauth4webapi": node_modules/oauth4webapi/build/index.js is an ES module (ESM-only package), which CommonJS cannot require()',
    ]);
  });

  it('fails a require that resolves only through the developer’s node_modules (a package not shipped)', async () => {
    const view = await folder({
      ...goodApp,
      'out/main/index.js': `${goodApp['out/main/index.js']}\nrequire("ajv-formats/dist/formats");`,
    });
    expect(check(view)).toEqual([
      'out/main/index.js: require "ajv-formats/dist/formats": cannot find package "ajv-formats" in the packaged node_modules',
    ]);
  });

  it('fails a subpath the package does not export, and a missing relative file', async () => {
    const view = await folder({
      ...goodApp,
      'out/main/index.js': `${goodApp['out/main/index.js']}\nrequire("dual/internal"); require("./gone.js");`,
    });
    expect(check(view)).toEqual([
      'out/main/index.js: require "./gone.js": out/main/gone.js is not in the package',
      'out/main/index.js: require "dual/internal": "dual/internal" is not exported by node_modules/dual/package.json',
    ]);
  });

  it('fails a worker script or a .wasm that is not where the code reads it, and a .wasm nothing loads', async () => {
    const {
      'out/main/chunks/worker.js': _worker,
      'node_modules/wasm-lib/lib_bg.wasm': wasm,
      ...rest
    } = goodApp;
    const view = await folder({ ...rest, 'node_modules/wasm-lib/esm/lib_bg.wasm': wasm as Buffer });
    expect(check(view)).toEqual([
      'node_modules/wasm-lib/esm/lib_bg.wasm: .wasm shipped that no packaged code loads',
      'node_modules/wasm-lib: package shipped that nothing loads: bundle it (make it a devDependency) or drop it',
      'out/main/chunks/workerPath.js: reads "worker.js" (out/main/chunks/worker.js), which is not in the package',
    ]);
  });

  it('fails a sandboxed preload that requires more than Electron offers it, and a bare import in the page', async () => {
    const view = await folder({
      ...goodApp,
      'out/preload/index.js': 'require("electron"); require("node:fs"); require("zod");',
      'out/renderer/assets/chunk.js': 'import { z } from "zod"; export const x = z;',
    });
    expect(check(view)).toEqual([
      'out/preload/index.js: require "node:fs": a sandboxed preload can load only electron, events, timers and url',
      'out/preload/index.js: require "zod": a sandboxed preload can load only electron, events, timers and url',
      'out/renderer/assets/chunk.js: import "zod": the page can only import files of the package',
    ]);
  });

  it('fails a missing entry point and a file that does not parse', async () => {
    const { 'out/preload/index.js': _preload, ...rest } = goodApp;
    const view = await folder({ ...rest, 'out/main/chunks/worker.js': 'export default 1;' });
    const problems = check(view);
    expect(problems).toContain('out/preload/index.js: entry point is not in the package');
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^out\/main\/chunks\/worker\.js: cannot be parsed as CommonJS: 'import' and 'export'/,
      ),
    );
  });
});

describe('the shipped-files check', () => {
  it('fails source maps, tests, benchmarks, emulator files, TypeScript sources and unused packages', async () => {
    const view = await folder({
      ...goodApp,
      'out/main/index.js.map': '{}',
      'out/main/exportJob.test.js': '',
      'out/main/testing/catalogTestBed.js': '',
      'out/bench/run.js': '',
      'out/emulator/cli.js': '',
      'node_modules/cjs-lib/src/main.ts': '',
      'node_modules/unused/package.json': json({ name: 'unused' }),
      'node_modules/unused/index.js': '',
    });
    expect(check(view)).toEqual([
      'node_modules/cjs-lib/src/main.ts: TypeScript source shipped',
      'node_modules/unused: package shipped that nothing loads: bundle it (make it a devDependency) or drop it',
      'out/bench/run.js: benchmark shipped',
      'out/emulator/cli.js: emulator file shipped',
      'out/main/exportJob.test.js: test file shipped',
      'out/main/index.js.map: source map shipped',
      'out/main/testing/catalogTestBed.js: test file shipped',
    ]);
    expect(
      check(view, {
        allow: [/\.map$/, /^out\/(bench|emulator)\//, /\.test\.js$/, /\/testing\//, /\.ts$/, /unused/],
      }),
    ).toEqual([]);
  });

  it('reads a real app.asar, unpacked files included, and notices a missing unpacked file', async () => {
    const src = await writeTree(goodApp);
    const archive = join(await writeTree({}), 'app.asar');
    await asar.createPackageWithOptions(src, archive, { unpack: '*.wasm' });
    const view = openAsar(archive);
    expect(view.files.get('node_modules/wasm-lib/lib_bg.wasm')).toEqual({ size: 8, unpacked: true });
    expect(check(view)).toEqual([]);
    expect(packageSizes(view).unpacked).toBe(8);
    await rm(`${archive}.unpacked/node_modules/wasm-lib/lib_bg.wasm`);
    asar.uncacheAll();
    expect(check(openAsar(archive))).toEqual([
      'node_modules/wasm-lib/lib_bg.wasm: marked unpacked in app.asar but missing from app.asar.unpacked',
    ]);
  });
});

describe('package.json "exports" resolution', () => {
  const exportsField = {
    '.': { node: { require: './node.cjs', import: './node.mjs' }, default: './browser.js' },
    './sub/*': { require: './cjs/*.js', default: './esm/*.js' },
    './sub/private/*': null,
    './package.json': './package.json',
  };
  it('follows the conditions in the order the package lists them', () => {
    expect(resolveExports(exportsField, '.', ['node', 'require', 'default'])).toBe('./node.cjs');
    expect(resolveExports(exportsField, '.', ['node', 'import', 'default'])).toBe('./node.mjs');
    expect(resolveExports(exportsField, '.', ['browser', 'import', 'default'])).toBe('./browser.js');
    expect(resolveExports('./index.js', '.', ['require'])).toBe('./index.js');
    expect(resolveExports({ require: './a.cjs', import: './a.mjs' }, '.', ['import'])).toBe('./a.mjs');
  });
  it('expands subpath patterns, most specific first, and honours null', () => {
    expect(resolveExports(exportsField, './sub/a/b', ['require'])).toBe('./cjs/a/b.js');
    expect(resolveExports(exportsField, './sub/a', ['import', 'default'])).toBe('./esm/a.js');
    expect(resolveExports(exportsField, './sub/private/x', ['require'])).toBeNull();
    expect(resolveExports(exportsField, './other', ['require'])).toBeNull();
  });
});

describe('Electron fuses', () => {
  it('electron-builder.yml sets every required fuse (and the check notices a missing one)', async () => {
    const config = await checkBuilderConfig();
    expect(checkFuseConfig(config)).toEqual([]);
    const { onlyLoadAppFromAsar: _, ...fewer } = requiredFuses;
    expect(checkFuseConfig({ electronFuses: { ...fewer, runAsNode: true } })).toEqual([
      { file: 'electron-builder.yml', message: 'electronFuses.runAsNode must be false (is true)' },
      { file: 'electron-builder.yml', message: 'electronFuses.onlyLoadAppFromAsar must be true (is unset)' },
    ]);
  });

  it('the stand-in executable starts with Electron’s defaults, and passes once @electron/fuses flips it', async () => {
    const executable = await writeStandInElectron(await writeTree({}), '45.4.1');
    expect((await checkFuseWire(executable)).map((p) => p.message)).toEqual([
      'fuse runAsNode is on, must be off',
      'fuse enableCookieEncryption is off, must be on',
      'fuse enableNodeOptionsEnvironmentVariable is on, must be off',
      'fuse enableNodeCliInspectArguments is on, must be off',
      'fuse enableEmbeddedAsarIntegrityValidation is off, must be on',
      'fuse onlyLoadAppFromAsar is off, must be on',
    ]);
    const { FuseV1Options, FuseVersion, flipFuses } = fuses;
    await flipFuses(executable, {
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
    expect(await checkFuseWire(executable)).toEqual([]);
  });

  it('a binary without a fuse wire fails loudly', async () => {
    const dir = await writeTree({ electron: '#!/bin/sh\nexit 1\n' });
    await expect(checkFuseWire(join(dir, 'electron'))).rejects.toThrow(/sentinel/);
  });
});

describe('the report', () => {
  it('lists each problem, but shortens a package with many files of the same kind', () => {
    const many = Array.from({ length: 6 }, (_, i) => ({
      file: `node_modules/zod/t${i}.test.js`,
      message: 'test file shipped',
    }));
    const one = {
      file: 'out/main/index.js',
      message: 'require "x": cannot find package "x" in the packaged node_modules',
    };
    expect(summarize([one, ...many])).toEqual([
      'out/main/index.js: require "x": cannot find package "x" in the packaged node_modules',
      'node_modules/zod/t0.test.js: test file shipped',
      'node_modules/zod/t1.test.js: test file shipped',
      'node_modules/zod/t2.test.js: test file shipped',
      '… and 3 more like these',
    ]);
  });
});
