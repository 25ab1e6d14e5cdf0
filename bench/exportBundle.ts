import { build, type Plugin } from 'esbuild';
import { join } from 'node:path';
import { dependencies } from '../package.json';

/**
 * Builds the download process and its worker threads the way the app ships them: bundled
 * JavaScript run by plain node, not TypeScript compiled on the fly. What the benchmark then
 * measures (memory above all) is what the app's main process would use; tsx alone adds about
 * 100 MB to a process and to each worker thread.
 */
const exportsDir = join(__dirname, '../electron/services/exports');
/** The dependencies electron.vite.config.ts bundles into the main process (`externalizeDeps.exclude`). */
const BUNDLED_DEPENDENCIES = ['apache-arrow', 'electron-store', 'conf'];
export const bundleDir = join(__dirname, '../node_modules/.cache/bench-export');

/** electron-vite's `?modulePath` imports: the path of a worker bundled beside the main file. */
const workerPaths: Plugin = {
  name: 'worker-paths',
  setup(builder) {
    builder.onResolve({ filter: /\?modulePath$/ }, (args) => ({
      path: args.path.replace(/^.*\//, '').replace(/\?modulePath$/, ''),
      namespace: 'worker-path',
    }));
    builder.onLoad({ filter: /.*/, namespace: 'worker-path' }, (args) => ({
      contents: `module.exports = require('node:path').join(__dirname, ${JSON.stringify(`${args.path}.js`)});`,
      loader: 'js',
    }));
  },
};

/**
 * The "encoder ceiling" build: the formatter's text encoder is replaced by one that only fills
 * its output (fillingEncoder.ts), so a CSV export costs everything but spelling the cells.
 */
const fillingEncoder: Plugin = {
  name: 'filling-encoder',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/text\/textBatchEncoder$/ }, () => ({
      path: join(__dirname, 'fillingEncoder.ts'),
    }));
  },
};

/** Builds the download process and its workers; `ceiling` swaps in the filling encoder. */
export async function buildExportBundle(variant: 'app' | 'ceiling' = 'app'): Promise<string> {
  const outdir = variant === 'app' ? bundleDir : `${bundleDir}-ceiling`;
  await build({
    // Named entries: the bundles land side by side, where `?modulePath` expects them.
    entryPoints: {
      downloadProcess: join(exportsDir, 'testing/downloadProcess.ts'),
      downloadWorker: join(exportsDir, 'download/downloadWorker.ts'),
      formatWorker: join(exportsDir, 'writers/formatWorker.ts'),
      exportWorker: join(exportsDir, 'writers/exportWorker.ts'),
      parquetPartWorker: join(exportsDir, 'writers/parquetPartWorker.ts'),
    },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Dependencies stay in node_modules, as electron-vite leaves them in the app, but for those
    // its config bundles (apache-arrow, whose ~200 modules took 100 ms to load in every thread).
    external: Object.keys(dependencies)
      .filter((name) => !BUNDLED_DEPENDENCIES.includes(name))
      .flatMap((name) => [name, `${name}/*`]),
    define: { __BUNDLED_EXPORT_WORKER__: 'true' },
    plugins: variant === 'app' ? [workerPaths] : [workerPaths, fillingEncoder],
    logLevel: 'warning',
  });
  return join(outdir, 'downloadProcess.js');
}
