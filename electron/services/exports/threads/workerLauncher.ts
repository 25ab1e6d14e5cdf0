import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** Defined (true) by the app's build; absent when running from source. */
declare const __BUNDLED_EXPORT_WORKER__: boolean | undefined;

export function isBundled(): boolean {
  return typeof __BUNDLED_EXPORT_WORKER__ !== 'undefined' && __BUNDLED_EXPORT_WORKER__;
}

export type WorkerName = 'downloadWorker' | 'exportWorker' | 'formatWorker' | 'parquetPartWorker';

/**
 * A modest old generation makes V8 collect early instead of letting the process grow during a
 * long export. A formatter's young generation is larger: each batch it decodes lives through
 * many scavenges of a 4 MB one and is promoted and marked, which cost about a fifth of its CPU.
 */
const resourceLimits: Record<WorkerName, ResourceLimits> = {
  // The download thread holds the batches in flight between the sockets and the writers.
  downloadWorker: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
  exportWorker: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 },
  formatWorker: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
  parquetPartWorker: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 },
};

/**
 * The built app's worker files, by name. A worker bundle cannot hold electron-vite's `?modulePath`
 * imports, so the main process reads them (bundledWorkers.ts) and hands them to every thread it
 * starts, which hands them on: a download thread starts its writer threads from them.
 */
let bundledPaths: Partial<Record<WorkerName, string>> = {};

export function useBundledWorkers(paths: Partial<Record<WorkerName, string>>): void {
  bundledPaths = { ...bundledPaths, ...paths };
}

/** What every export thread is started with. */
export interface ExportThreadData {
  /** What it prepares before it is taken (see threadReserve.ts). */
  variant?: string;
  bundledWorkers: Partial<Record<WorkerName, string>>;
}

/** Where each thread's source is, from this folder (when running from source). */
const sourceFiles: Record<WorkerName, string> = {
  downloadWorker: '../download/downloadWorker.ts',
  exportWorker: '../writers/exportWorker.ts',
  formatWorker: '../writers/formatWorker.ts',
  parquetPartWorker: '../writers/parquetPartWorker.ts',
};

/**
 * Starts one of the export threads (a download, the file encoder, or a text formatter of the
 * pool); it learns what to do from its first message (exportThread.ts); `variant` is what it may
 * prepare before then (a download thread: the format whose writer threads it starts). In the
 * built app electron-vite bundles each worker file on its own (see `useBundledWorkers`); from
 * source (tests, browser mode through tsx) the TypeScript file is loaded through tsx's require hook.
 */
export function startExportWorker(name: WorkerName, variant?: string): Worker {
  const workerData: ExportThreadData = { variant, bundledWorkers: bundledPaths };
  // Spelled out, not isBundled(): the build then drops the branch that runs from source.
  if (typeof __BUNDLED_EXPORT_WORKER__ !== 'undefined' && __BUNDLED_EXPORT_WORKER__) {
    const path = bundledPaths[name];
    if (!path) throw new Error(`The app was built without its ${name} thread.`);
    return new Worker(path, { resourceLimits: resourceLimits[name], workerData });
  }
  const source = join(__dirname, sourceFiles[name]);
  const tsxHook = createRequire(join(__dirname, 'noop.js')).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsxHook)}); require(${JSON.stringify(source)});`, {
    eval: true,
    resourceLimits: resourceLimits[name],
    workerData,
  });
}
