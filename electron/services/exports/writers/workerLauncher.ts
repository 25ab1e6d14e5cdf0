import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** Defined (true) by the app's build; absent when running from source. */
declare const __BUNDLED_EXPORT_WORKER__: boolean | undefined;

export type WorkerName = 'exportWorker' | 'formatWorker' | 'parquetPartWorker';

/**
 * A modest old generation makes V8 collect early instead of letting the process grow during a
 * long export. A formatter's young generation is larger: each batch it decodes lives through
 * many scavenges of a 4 MB one and is promoted and marked, which cost about a fifth of its CPU.
 */
const resourceLimits: Record<WorkerName, ResourceLimits> = {
  exportWorker: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 },
  formatWorker: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
  parquetPartWorker: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 },
};

async function bundledPath(name: WorkerName): Promise<string> {
  switch (name) {
    case 'exportWorker':
      return (await import('./exportWorkerPath')).default;
    case 'formatWorker':
      return (await import('./formatWorkerPath')).default;
    case 'parquetPartWorker':
      return (await import('./parquetPartWorkerPath')).default;
  }
}

/**
 * Starts one of the export threads (the file encoder, or a text formatter of the pool); it
 * learns what to write from its first message (exportThread.ts). In the
 * built app electron-vite bundles each worker file on its own and hands its path over; from source (tests, browser mode through tsx) the
 * TypeScript file is loaded through tsx's require hook.
 */
export async function startExportWorker(name: WorkerName): Promise<Worker> {
  if (typeof __BUNDLED_EXPORT_WORKER__ !== 'undefined' && __BUNDLED_EXPORT_WORKER__) {
    return new Worker(await bundledPath(name), { resourceLimits: resourceLimits[name] });
  }
  const source = join(__dirname, `${name}.ts`);
  const tsxHook = createRequire(join(__dirname, 'noop.js')).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsxHook)}); require(${JSON.stringify(source)});`, {
    eval: true,
    resourceLimits: resourceLimits[name],
  });
}
