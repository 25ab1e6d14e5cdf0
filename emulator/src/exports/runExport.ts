/**
 * The asynchronous export job: `queued` → `running` (percentCompleted advancing part by part)
 * → `completed` with part files under `<dataDir>/exports/<id>/`, or `failed`.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Schema } from 'apache-arrow';
import type { EmulatorDeps } from '../http/routeModule.js';
import { fsyncDir } from '../store/atomicFile.js';
import type { RowSource } from '../store/tableSources.js';
import type { WritableFormat } from './exportFormats.js';
import { exportBatches } from './exportRows.js';
import { openPartWriter, type PartWriter } from './partWriters.js';

export const DEFAULT_EXPORT_PART_MAX_ROWS = 1_000_000;
export const EXPORTS_DIR = 'exports';

/** How often (at most) progress is written to the store while a part is being produced. */
const PROGRESS_INTERVAL_MS = 200;

export interface ExportJob {
  exportId: string;
  format: WritableFormat;
  sources: RowSource[];
  output: Schema;
  limit: number | null;
  partMaxRows: number;
}

async function run(deps: EmulatorDeps, job: ExportJob): Promise<void> {
  const { store } = deps;
  const totalRows = Math.min(
    job.limit ?? Number.POSITIVE_INFINITY,
    job.sources.reduce((sum, s) => sum + s.segment.numRows, 0),
  );
  await store.updateExport(job.exportId, { status: 'running', percentCompleted: 0 });
  const relDir = `${EXPORTS_DIR}/${job.exportId}`;
  await fsp.mkdir(store.absolutePath(relDir), { recursive: true });
  const files: string[] = [];
  let size = 0;
  let done = 0;
  let lastProgress = Date.now();
  let writer: PartWriter | null = null;
  let rowsInPart = 0;
  const reportProgress = async (): Promise<void> => {
    lastProgress = Date.now();
    if (totalRows === 0) return;
    // Held below 100 until every file is complete.
    const percentCompleted = Math.min(99, Math.floor((done / totalRows) * 100));
    await store.updateExport(job.exportId, { percentCompleted });
  };
  const openPart = (): PartWriter => {
    const rel = `${relDir}/${String(files.length).padStart(6, '0')}.${job.format}`;
    files.push(rel);
    rowsInPart = 0;
    return openPartWriter(store.absolutePath(rel), job.output, job.format);
  };
  try {
    for await (const batch of exportBatches(store.dataDir, job.sources, job.output, job.limit)) {
      let offset = 0;
      while (offset < batch.numRows) {
        if (!writer || rowsInPart >= job.partMaxRows) {
          if (writer) {
            size += await writer.close();
            await reportProgress();
          }
          writer = openPart();
        }
        const take = Math.min(batch.numRows - offset, job.partMaxRows - rowsInPart);
        await writer.write(
          offset === 0 && take === batch.numRows ? batch : batch.slice(offset, offset + take),
        );
        offset += take;
        rowsInPart += take;
        done += take;
      }
      if (Date.now() - lastProgress >= PROGRESS_INTERVAL_MS) await reportProgress();
    }
    // An empty export still yields one file (a CSV header, an empty Parquet file, …).
    writer ??= openPart();
    size += await writer.close();
    writer = null;
  } catch (err) {
    await writer?.abort();
    throw err;
  }
  // The state will name these files; they must be on disk first.
  for (const rel of files) await fsyncFile(store.absolutePath(rel));
  await fsyncDir(store.absolutePath(relDir));
  await store.updateExport(job.exportId, {
    status: 'completed',
    percentCompleted: 100,
    files,
    size,
    fileCount: files.length,
  });
}

export function startExportJob(deps: EmulatorDeps, job: ExportJob): void {
  setImmediate(() => {
    run(deps, job).catch(async (err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      await deps.store
        .updateExport(job.exportId, { status: 'failed', errorMessage: `The export failed: ${message}` })
        .catch(() => undefined);
      await fsp
        .rm(path.join(deps.store.dataDir, EXPORTS_DIR, job.exportId), { recursive: true, force: true })
        .catch(() => undefined);
    });
  });
}

/** Exports left `queued`/`running` by a shutdown are marked failed when the store is opened. */
export function failInterruptedExports(deps: EmulatorDeps): void {
  const stale = Object.values(deps.store.state.exports).filter(
    (e) => e.status === 'queued' || e.status === 'running',
  );
  if (stale.length === 0) return;
  void deps.store
    .update((state) => {
      for (const record of stale) {
        const current = state.exports[record.id];
        if (!current) continue;
        current.status = 'failed';
        current.errorMessage = 'The export was interrupted by a server restart; start it again';
      }
    })
    .catch(() => undefined);
}

async function fsyncFile(file: string): Promise<void> {
  const handle = await fsp.open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
