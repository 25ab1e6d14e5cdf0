import { open } from 'node:fs/promises';
import { AppFailure, appError } from '../../../../shared/contract/errors';
import type { RedivisApiClient } from '../../redivis/apiClient';
import { requestExportPart } from '../../redivis/api/exports';
import { retryDelayMs, sleep } from '../../redivis/retryPolicy';

const MAX_BREAKS = 10;

/**
 * Downloads one export part to `path`. A connection that breaks mid-body is resumed with
 * `Range` from the bytes already on disk, but only when the server advertised ranges and
 * answers 206 with a matching `Content-Range`; otherwise the part starts over.
 */
export async function downloadExportPart(
  api: RedivisApiClient,
  exportId: string,
  part: number,
  path: string,
  options: { signal: AbortSignal; onBytes: (delta: number) => void },
): Promise<number> {
  const file = await open(path, 'w', 0o644);
  let written = 0;
  let rangesAllowed = false;
  try {
    for (let breaks = 0; ;) {
      const resume = rangesAllowed && written > 0;
      const response = await requestExportPart(api, exportId, part, {
        from: resume ? written : undefined,
        signal: options.signal,
      });
      rangesAllowed = response.headers.get('accept-ranges')?.toLowerCase() === 'bytes';
      const resumed = resume && response.status === 206 && contentRangeStart(response) === written;
      if (!resumed && written > 0) {
        // The server sent the whole part again: start the file over.
        options.onBytes(-written);
        written = 0;
        await file.truncate(0);
      }
      try {
        if (!response.body) throw new Error('empty body');
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          await file.write(chunk, 0, chunk.byteLength, written);
          written += chunk.byteLength;
          options.onBytes(chunk.byteLength);
        }
        const total = expectedTotal(response);
        if (total !== undefined && written !== total) throw new Error(`got ${written} of ${total} bytes`);
        await file.sync();
        return written;
      } catch (error) {
        if (options.signal.aborted) throw new AppFailure(appError('cancelled', 'Cancelled.'));
        if (++breaks > MAX_BREAKS) {
          throw new AppFailure(
            appError('network', 'The connection kept breaking while downloading the export.', {
              detail: error instanceof Error ? error.message : String(error),
              action: 'retry',
            }),
          );
        }
        await sleep(retryDelayMs(breaks, null, 200, 5000), options.signal);
      }
    }
  } finally {
    await file.close();
  }
}

function contentRangeStart(response: Response): number | undefined {
  const match = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(response.headers.get('content-range') ?? '');
  return match ? Number(match[1]) : undefined;
}

/** The full size of the part, from Content-Range (206) or Content-Length (200). */
function expectedTotal(response: Response): number | undefined {
  const range = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
  if (range) return Number(range[1]);
  const length = response.headers.get('content-length');
  return length && !response.headers.get('content-encoding') ? Number(length) : undefined;
}
