import { dirname } from 'node:path';
import { fail } from '../../../../shared/contract/errors';
import type { RedivisApiClient } from '../../redivis/apiClient';
import { createReadSession, tablePath } from '../../redivis/readSession';
import type { JobProgress } from '../../jobs/jobQueue';
import { targetSchema, type TableVariable } from './arrowTypes';
import { headOfBatch } from './batchReconciler';
import { pickVariables } from './exportColumns';
import type { LocalFormat } from '../exportFormats';
import { asFileFailure } from '../placement/fileFailure';
import {
  assertTargetFree,
  moveIntoPlace,
  removeQuietly,
  temporaryPathFor,
} from '../placement/outputPlacement';
import { fanInStreams } from './streamFanIn';
import { describeTableForExport } from './tableDescription';
import { openTableWriter, prepareTableWriter } from '../writers/openTableWriter';

export interface TableDownloadOptions {
  api: RedivisApiClient;
  tableRef: string;
  format: LocalFormat;
  /** The final path; nothing appears there until the file is complete and checked. */
  target: string;
  overwrite?: boolean;
  selectedVariables?: string[];
  maxRows?: number;
  signal: AbortSignal;
  progress?: (update: JobProgress) => void;
  /** Read streams read at once (Redivis clients use up to 8). */
  parallelStreams?: number;
  /** Read streams to ask the server for (default: as many as are read at once). */
  streamCount?: number;
  /** CSV/NDJSON formatter threads (default: one per core but one, 1–4). */
  formatters?: number;
  /** Parquet encoder threads (default: one per core but one, 1–3). */
  encoders?: number;
  /** The table's variables, when the caller already has them. */
  variables?: TableVariable[];
  /**
   * Where the file is built before it is moved to `target` (default: a new hidden name beside
   * it); a caller that must clean up after a download it cannot see (a thread) names it.
   */
  temporary?: string;
}

export interface TableDownloadResult {
  path: string;
  rows: number;
  bytes: number;
}

/**
 * Downloads a table through a ReadSession into a local file: streams read in parallel, every
 * batch reconciled to the table's variables and written as it arrives, the file flushed and
 * its row count checked against the session before it is renamed into place.
 */
export async function downloadTable(options: TableDownloadOptions): Promise<TableDownloadResult> {
  const { api, tableRef, format, target, signal } = options;
  const overwrite = options.overwrite ?? false;
  const progress = options.progress ?? (() => undefined);
  await assertTargetFree(target, overwrite, 'file');

  progress({ phase: 'Preparing' });
  // The writer's threads load while the table is described and the read session is made.
  const threads = { formatters: options.formatters, encoders: options.encoders };
  void prepareTableWriter(format, threads);
  const parallel = Math.max(1, Math.min(8, options.parallelStreams ?? 8));
  const openSession = (selectedVariables?: string[]) =>
    createReadSession(api, tablePath(tableRef), {
      maxResults: options.maxRows,
      selectedVariables,
      requestedStreamCount: Math.max(1, options.streamCount ?? parallel),
      signal,
    });
  const selecting = Boolean(options.selectedVariables?.length);
  // A whole-table session needs nothing from the description: both are asked for at once. The
  // description's refusal, when there is one, is the error the user sees.
  const early = selecting ? undefined : openSession();
  early?.catch(() => undefined);
  let variables = options.variables;
  if (!variables) {
    const info = await describeTableForExport(api, tableRef, signal);
    if (!info.canDownload) fail('forbidden', info.cannotDownloadReason ?? 'This table cannot be downloaded.');
    variables = info.variables;
  }
  const columns = pickVariables(variables, options.selectedVariables);
  const session = await (early ?? openSession(columns.map((v) => v.name)));
  const limit = options.maxRows ?? Number.POSITIVE_INFINITY;
  const expected = Math.min(session.numRows, limit);
  progress({ phase: 'Downloading', rowsTotal: expected, rowsDone: 0 });

  const temporary = options.temporary ?? temporaryPathFor(target);
  const writer = await openTableWriter(format, temporary, targetSchema(columns), threads);
  let finished = false;
  // What the row says the job is doing; back to "Downloading" as soon as rows flow again.
  let phase = 'Downloading';
  const enter = (next: string) => {
    if (next === phase) return;
    phase = next;
    progress({ phase });
  };
  try {
    let accepted = 0;
    await fanInStreams(
      api,
      session.streams,
      async (batch) => {
        // The server may send a few rows more than asked for; the limit is exact here.
        const part = headOfBatch(batch, limit - accepted);
        if (part.numRows > 0) await writer.write(part);
        accepted += part.numRows;
        enter('Downloading');
        progress({ rowsDone: accepted, bytesDone: writer.bytes });
        return accepted < limit;
      },
      {
        signal,
        parallel,
        onRetry: ({ reason }) =>
          enter(reason === 'rate_limited' ? 'Waiting: Redivis asked to slow down' : 'Reconnecting'),
      },
    );
    progress({ phase: 'Finishing' });
    await writer.finish();
    finished = true;
    if (writer.rows !== expected) {
      fail('server', 'The download was incomplete, so the file was not saved.', {
        detail: `Received ${writer.rows} rows; the read session announced ${expected}.`,
        action: 'retry',
      });
    }
    await moveIntoPlace(temporary, target, overwrite, 'file');
    progress({ rowsDone: writer.rows, bytesDone: writer.bytes, bytesTotal: writer.bytes, phase: 'Done' });
    return { path: target, rows: writer.rows, bytes: writer.bytes };
  } catch (error) {
    if (!finished) await writer.abort();
    throw asFileFailure(error, dirname(target));
  } finally {
    await removeQuietly(temporary);
  }
}
