import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppFailure, appError, type AppError } from '../../../shared/contract/errors';
import type { FileEntry } from '../../../shared/contract/filesModel';
import type { JobContext, JobSpec } from '../jobs/jobQueue';
import { asFileFailure } from '../exports/placement/fileFailure';
import type { RedivisApiClient } from '../redivis/apiClient';
import { localPathFor } from './downloadPaths';
import { downloadRawFile } from './rawFileDownload';

/** Files transferred at once: enough to hide per-file latency, few enough for one server. */
export const DOWNLOAD_PARALLELISM = 4;

export interface FilesDownload {
  files: FileEntry[];
  /** A file's path (one file) or a folder (several). */
  destination: string;
  /** The table folder being downloaded; names are kept relative to it. */
  folder: string;
  single: boolean;
}

export interface FilesDownloadSummary {
  downloaded: number;
  skipped: number;
  /** Where a single file went (its target, or `name (1).ext` beside a different file). */
  savedAs?: string;
  failed: { name: string; error: AppError }[];
}

/**
 * A download of one file, a selection or a folder as one job: at most DOWNLOAD_PARALLELISM
 * transfers at once, each resumed after a cut, checked against its md5 and renamed into place
 * only then; an identical file already there is skipped. A file that fails does not stop the
 * others; the job then fails naming them (a retry skips what already arrived).
 */
export function filesDownloadJob(
  api: RedivisApiClient,
  request: FilesDownload,
  title: string,
  onSummary?: (summary: FilesDownloadSummary) => void,
): JobSpec {
  return {
    kind: 'download',
    title,
    run: async (context) => {
      const summary = await runDownload(api, request, context, DOWNLOAD_PARALLELISM);
      onSummary?.(summary);
      if (summary.failed.length > 0) throw new AppFailure(failureOf(summary, request.files.length));
      return summary.savedAs ?? request.destination;
    },
  };
}

export async function runDownload(
  api: RedivisApiClient,
  request: FilesDownload,
  context: JobContext,
  parallelism: number,
): Promise<FilesDownloadSummary> {
  const { files } = request;
  const bytesTotal = files.reduce((sum, f) => sum + f.size, 0);
  let bytesDone = 0;
  let finished = 0;
  const summary: FilesDownloadSummary = { downloaded: 0, skipped: 0, failed: [] };
  const report = () =>
    context.progress({
      bytesDone,
      bytesTotal,
      phase: files.length > 1 ? `${finished} of ${files.length} files` : undefined,
    });
  report();
  if (!request.single) {
    await mkdir(request.destination, { recursive: true }).catch((error: unknown) => {
      throw asFileFailure(error, dirname(request.destination));
    });
  }
  // Folders are made once each, not once per file.
  const made = new Map<string, Promise<unknown>>();
  const folderFor = (path: string) => {
    let making = made.get(path);
    if (!making) made.set(path, (making = mkdir(path, { recursive: true })));
    return making;
  };
  let next = 0;
  const worker = async () => {
    while (next < files.length && !context.signal.aborted) {
      const file = files[next++]!;
      try {
        const target = request.single
          ? request.destination
          : localPathFor(request.destination, file.name, request.folder);
        if (!request.single) await folderFor(dirname(target));
        const result = await downloadRawFile(api, file, target, {
          signal: context.signal,
          onBytes: (delta) => {
            bytesDone += delta;
            report();
          },
        });
        summary[result.outcome === 'skipped' ? 'skipped' : 'downloaded'] += 1;
        if (request.single) summary.savedAs = result.path;
      } catch (error) {
        if (context.signal.aborted) throw new AppFailure(appError('cancelled', 'Cancelled.'));
        const known = asFileFailure(error, request.destination);
        summary.failed.push({
          name: file.name,
          error:
            known instanceof AppFailure
              ? known.appError
              : appError('internal', 'The file could not be downloaded.', {
                  detail: error instanceof Error ? error.message : String(error),
                }),
        });
      } finally {
        finished += 1;
        report();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelism, files.length) }, worker));
  if (context.signal.aborted) throw new AppFailure(appError('cancelled', 'Cancelled.'));
  return summary;
}

function failureOf(summary: FilesDownloadSummary, total: number): AppError {
  const [first] = summary.failed;
  if (summary.failed.length === 1 && total === 1 && first) return first.error;
  const names = summary.failed.map((f) => `${f.name}: ${f.error.message}`);
  return appError(
    first?.error.code ?? 'internal',
    `${summary.failed.length} of ${total} files could not be downloaded (${summary.failed
      .slice(0, 3)
      .map((f) => f.name)
      .join(', ')}${summary.failed.length > 3 ? ', …' : ''}). The others were saved and checked.`,
    { detail: names.join('\n'), action: 'retry' },
  );
}
