import { isBundled, useBundledWorkers } from './workerLauncher';

/**
 * Reads where the built app's worker files are (electron-vite's `?modulePath` imports, one
 * module each) and has threads started from them. Imported by the main process alone
 * (download/downloadThread.ts): a worker's own bundle cannot hold `?modulePath` imports, so the
 * paths reach threads as data. From source there is nothing to read.
 */
export async function loadBundledWorkers(): Promise<void> {
  if (!isBundled()) return;
  const [downloadWorker, exportWorker, formatWorker, parquetPartWorker] = await Promise.all([
    import('../download/downloadWorkerPath'),
    import('../writers/exportWorkerPath'),
    import('../writers/formatWorkerPath'),
    import('../writers/parquetPartWorkerPath'),
  ]);
  useBundledWorkers({
    downloadWorker: downloadWorker.default,
    exportWorker: exportWorker.default,
    formatWorker: formatWorker.default,
    parquetPartWorker: parquetPartWorker.default,
  });
}
