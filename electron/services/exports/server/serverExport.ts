import { mkdir } from 'node:fs/promises';
import { basename, dirname, join, parse } from 'node:path';
import { fail } from '../../../../shared/contract/errors';
import type { RedivisApiClient } from '../../redivis/apiClient';
import { createExport, getExport, type ApiExport } from '../../redivis/api/exports';
import { sleep } from '../../redivis/retryPolicy';
import type { JobProgress } from '../../jobs/jobQueue';
import { downloadExportPart } from './exportPartDownload';
import type { FormatInfo } from '../exportFormats';
import { asFileFailure } from '../placement/fileFailure';
import {
  assertTargetFree,
  moveIntoPlace,
  pathKind,
  removeQuietly,
  temporaryPathFor,
} from '../placement/outputPlacement';

export interface ServerExportOptions {
  api: RedivisApiClient;
  tableRef: string;
  format: FormatInfo;
  /** A file path; when the export comes in several parts it becomes a folder without the extension. */
  target: string;
  /** Consent to replace an existing file at `target`. */
  overwrite?: boolean;
  /** Separate consent to replace an existing parts folder (never implied by `overwrite`). */
  replacePartsFolder?: boolean;
  selectedVariables?: string[];
  maxRows?: number;
  signal: AbortSignal;
  progress?: (update: JobProgress) => void;
  /** Poll interval cap (tests shorten it). */
  maxPollMs?: number;
}

const PARALLEL_PARTS = 4;

/**
 * Formats only Redivis can make go through the Export API (spec 7.1): create the export, poll
 * it, then download every part (resuming with Range) into a temporary file or folder that is
 * renamed into place at the end: one file, or `<name>/000000.<ext>`, `000001.<ext>`, ….
 */
export async function exportOnServer(options: ServerExportOptions): Promise<{ path: string; bytes: number }> {
  const { api, signal, format } = options;
  const progress = options.progress ?? (() => undefined);
  const overwrite = options.overwrite ?? false;
  const folderTarget = partsFolderFor(options.target);
  await assertTargetFree(options.target, overwrite, 'file');

  progress({ phase: 'Asking Redivis to prepare the export' });
  const created = await createExport(
    api,
    options.tableRef,
    {
      format: format.serverFormat,
      ...(options.selectedVariables?.length ? { selectedVariables: options.selectedVariables } : {}),
      ...(options.maxRows !== undefined ? { maxResults: options.maxRows } : {}),
    },
    signal,
  );
  const done = await pollUntilComplete(api, created.id, signal, progress, options.maxPollMs ?? 2000);
  const fileCount = Math.max(1, Number(done.fileCount ?? 1));
  const size = done.size ?? undefined;
  const asFolder = fileCount > 1;
  const target = asFolder ? folderTarget : options.target;
  const consent = asFolder ? (options.replacePartsFolder ?? false) : overwrite;
  if (asFolder) await assertPartsFolderFree(target, consent);

  const temporary = temporaryPathFor(target);
  let bytesDone = 0;
  progress({ phase: 'Downloading', bytesDone: 0, bytesTotal: size ?? undefined });
  try {
    if (asFolder) await mkdir(temporary);
    const partPath = (part: number) =>
      asFolder ? join(temporary, `${String(part).padStart(6, '0')}.${format.extension}`) : temporary;
    let nextPart = 0;
    const worker = async () => {
      for (let part = nextPart++; part < fileCount; part = nextPart++) {
        await downloadExportPart(api, created.id as string, part, partPath(part), {
          signal,
          onBytes: (delta) => {
            bytesDone += delta;
            progress({ bytesDone });
          },
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTS, fileCount) }, worker));
    if (size !== undefined && size !== null && bytesDone !== size) {
      fail('server', 'The export download was incomplete, so it was not saved.', {
        detail: `Received ${bytesDone} bytes; the export announced ${size}.`,
        action: 'retry',
      });
    }
    await moveIntoPlace(temporary, target, consent, asFolder ? 'directory' : 'file');
    progress({ phase: 'Done', bytesDone, bytesTotal: bytesDone });
    return { path: target, bytes: bytesDone };
  } catch (error) {
    throw asFileFailure(error, dirname(target));
  } finally {
    await removeQuietly(temporary);
  }
}

/** Where a multi-part export goes: `measurements.csv` → `measurements/`. */
export function partsFolderFor(target: string): string {
  return join(parse(target).dir, parse(target).name);
}

async function assertPartsFolderFree(folder: string, consent: boolean): Promise<void> {
  const existing = await pathKind(folder);
  if (consent || existing === undefined) {
    await assertTargetFree(folder, consent, 'directory');
    return;
  }
  const name = basename(folder);
  const what = existing === 'directory' ? 'folder' : 'file';
  fail('conflict', `Redivis made this export in several parts, and a "${name}" ${what} is already there.`, {
    detail: `The parts go into ${folder}, which was left untouched. Agree to replace that folder, or choose another name.`,
  });
}

async function pollUntilComplete(
  api: RedivisApiClient,
  id: string,
  signal: AbortSignal,
  progress: (update: JobProgress) => void,
  maxPollMs: number,
): Promise<ApiExport> {
  for (let attempt = 1; ; attempt++) {
    const current = await getExport(api, id, signal);
    if (current.status === 'completed') return current;
    if (current.status === 'failed' || current.status === 'cancelled') {
      fail(
        'server',
        `Redivis could not make the export${current.errorMessage ? `: ${current.errorMessage}` : '.'}`,
        {
          detail: current.errorMessage ?? current.status,
          action: 'retry',
        },
      );
    }
    const percent = Math.round(Number(current.percentCompleted ?? 0));
    progress({ phase: `Redivis is preparing the export (${percent}%)` });
    // Python's client waits min(0.5·n, 2) seconds between polls.
    await sleep(Math.min(500 * attempt, maxPollMs), signal);
  }
}
