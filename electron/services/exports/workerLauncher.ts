import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** Defined (true) by the app's build; absent when running from source. */
declare const __BUNDLED_EXPORT_WORKER__: boolean | undefined;

/**
 * The encoders format a slice of rows at a time; a modest heap makes V8 collect their garbage
 * strings early instead of letting the process grow during a long export.
 */
const resourceLimits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 };

export type WorkerName = 'exportWorker' | 'formatWorker';

async function bundledPath(name: WorkerName): Promise<string> {
  if (name === 'exportWorker') return (await import('./exportWorkerPath')).default;
  return (await import('./formatWorkerPath')).default;
}

/**
 * Starts one of the export threads (the file encoder, or a text formatter of the pool). In the
 * built app electron-vite bundles each worker file on its own and hands its path over; from source (tests, browser mode through tsx) the
 * TypeScript file is loaded through tsx's require hook.
 */
export async function startExportWorker(
  workerData: unknown,
  name: WorkerName = 'exportWorker',
): Promise<Worker> {
  if (typeof __BUNDLED_EXPORT_WORKER__ !== 'undefined' && __BUNDLED_EXPORT_WORKER__) {
    return new Worker(await bundledPath(name), { workerData, resourceLimits });
  }
  const source = join(__dirname, `${name}.ts`);
  const tsxHook = createRequire(join(__dirname, 'noop.js')).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsxHook)}); require(${JSON.stringify(source)});`, {
    eval: true,
    workerData,
    resourceLimits,
  });
}
