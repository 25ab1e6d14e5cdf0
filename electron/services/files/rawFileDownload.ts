import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { basename, dirname, extname, join } from 'node:path';
import { AppFailure, appError } from '../../../shared/contract/errors';
import type { RedivisApiClient } from '../redivis/apiClient';
import { retryDelayMs, sleep } from '../redivis/retryPolicy';
import { asFileFailure } from '../exports/placement/fileFailure';
import {
  moveIntoPlace,
  pathKind,
  removeQuietly,
  temporaryPathFor,
} from '../exports/placement/outputPlacement';
import { fetchFileBytes } from '../redivis/api/files';

/** What a download needs to know of a file (from the listing). */
export interface RemoteFile {
  id: string;
  name: string;
  size: number;
  /** Base64 md5 from the listing; the response's own digest wins when both exist. */
  md5: string | null;
}

export interface RawFileDownloadOptions {
  signal: AbortSignal;
  /** Bytes received (negative when a restart throws bytes away). */
  onBytes(delta: number): void;
  /** How many times a broken connection is resumed before giving up (default 10). */
  maxBreaks?: number;
}

export interface RawFileDownloadResult {
  outcome: 'downloaded' | 'skipped';
  path: string;
}

const MAX_BREAKS = 10;

/** An md5 fed with a file's first `length` bytes (all of it by default). */
async function hashOfFile(path: string, length?: number): Promise<Hash> {
  const hash = createHash('md5');
  if (length === 0) return hash;
  const stream = createReadStream(path, {
    highWaterMark: 1024 * 1024,
    ...(length !== undefined ? { end: length - 1 } : {}),
  });
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash;
}

/** Base64 md5 of a file. */
export async function md5OfFile(path: string): Promise<string> {
  return (await hashOfFile(path)).digest('base64');
}

/**
 * Where a file goes: `target` when free, the existing copy when it is identical (same size and
 * md5: nothing to do), else the first free `name (n).ext` beside it. A different file already
 * there is never replaced.
 */
export async function placeFor(
  target: string,
  file: RemoteFile,
): Promise<{ path: string; identical: boolean }> {
  const ext = extname(target);
  const stem = basename(target, ext);
  for (let n = 0; n < 1000; n++) {
    const candidate = n === 0 ? target : join(dirname(target), `${stem} (${n})${ext}`);
    const kind = await pathKind(candidate);
    if (kind === undefined) return { path: candidate, identical: false };
    if (kind === 'file' && file.md5 && (await stat(candidate)).size === file.size) {
      if ((await md5OfFile(candidate)) === file.md5) return { path: candidate, identical: true };
    }
  }
  throw new AppFailure(
    appError('conflict', `Too many files named like "${basename(target)}" already exist.`),
  );
}

/**
 * Downloads one raw file to `target`: skipped when an identical copy is there; otherwise written
 * under a temporary name beside it, resumed with `Range` after a broken connection (only when
 * the server answers 206 from the right byte, else started over), checked against the md5 the
 * server states (`Content-Digest`/`Digest`, else the listing's), and renamed into place only
 * when it matches. A mismatch or a failure leaves nothing at the target.
 */
export async function downloadRawFile(
  api: RedivisApiClient,
  file: RemoteFile,
  target: string,
  options: RawFileDownloadOptions,
): Promise<RawFileDownloadResult> {
  const place = await placeFor(target, file).catch((error: unknown) => {
    throw asFileFailure(error, dirname(target));
  });
  if (place.identical) {
    options.onBytes(file.size);
    return { outcome: 'skipped', path: place.path };
  }
  const temporary = temporaryPathFor(place.path);
  try {
    const { md5, size, actual } = await transfer(api, file, temporary, options);
    const expected = md5 ?? file.md5;
    if (size !== file.size && md5 === undefined) {
      throw new AppFailure(
        appError('server', `"${file.name}" arrived with ${size} of ${file.size} bytes; it was not kept.`, {
          action: 'retry',
        }),
      );
    }
    if (expected && actual !== expected) {
      throw new AppFailure(
        appError('server', `"${file.name}" did not match the server's checksum; it was not kept.`, {
          detail: `md5 expected ${expected}, received ${actual}`,
          action: 'retry',
        }),
      );
    }
    await moveIntoPlace(temporary, place.path, false, 'file');
    return { outcome: 'downloaded', path: place.path };
  } catch (error) {
    await removeQuietly(temporary);
    throw asFileFailure(error, dirname(place.path));
  }
}

/**
 * Fetches the bytes into `path`, resuming after breaks. Returns the server's md5, the size and
 * the md5 of what is on disk (hashed as it streams; after a break, re-read from the disk).
 */
async function transfer(
  api: RedivisApiClient,
  file: RemoteFile,
  path: string,
  options: RawFileDownloadOptions,
): Promise<{ md5: string | undefined; size: number; actual: string }> {
  let written = 0;
  let hash = createHash('md5');
  let serverMd5: string | undefined;
  let total = file.size;
  for (let breaks = 0; ;) {
    let counted = 0;
    // Every byte reached the disk before the connection broke: nothing left to ask for.
    if (written > 0 && written === total) {
      return { md5: serverMd5, size: written, actual: hash.digest('base64') };
    }
    try {
      const resume = written > 0;
      const { response, headers } = await fetchFileBytes(api, file.id, {
        range: resume ? `bytes=${written}-` : undefined,
        signal: options.signal,
        what: `"${file.name}"`,
      });
      serverMd5 = headers.md5 ?? serverMd5;
      const resumed = resume && headers.status === 206 && headers.contentRange?.start === written;
      if (resume && !resumed) {
        // The server sent the whole file again: start over.
        options.onBytes(-written);
        written = 0;
        hash = createHash('md5');
      }
      total = headers.contentRange?.size ?? headers.contentLength ?? total;
      const count = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          counted += chunk.length;
          hash.update(chunk);
          options.onBytes(chunk.length);
          done(null, chunk);
        },
      });
      const out = createWriteStream(path, {
        flags: written > 0 ? 'r+' : 'w',
        start: written,
        highWaterMark: 1024 * 1024,
      });
      await pipeline(response.body, count, out, { signal: options.signal });
      written += counted;
      if (written !== total) throw new Error(`received ${written} of ${total} bytes`);
      return { md5: serverMd5, size: written, actual: hash.digest('base64') };
    } catch (error) {
      if (options.signal.aborted) throw new AppFailure(appError('cancelled', 'Cancelled.'));
      if (error instanceof AppFailure && !isTransient(error)) throw error;
      // Only bytes that reached the disk count; the rest is asked for again.
      const onDisk = await stat(path).then(
        (s) => s.size,
        () => 0,
      );
      const kept = Math.min(onDisk, written + counted);
      options.onBytes(kept - written - counted);
      written = kept;
      hash = await hashOfFile(path, kept);
      if (++breaks > (options.maxBreaks ?? MAX_BREAKS)) {
        throw new AppFailure(
          appError('network', `The connection kept breaking while downloading "${file.name}".`, {
            detail: error instanceof Error ? error.message : String(error),
            action: 'retry',
          }),
        );
      }
      await sleep(retryDelayMs(breaks, null, 100, 5000), options.signal);
    }
  }
}

function isTransient(error: AppFailure): boolean {
  return ['network', 'unavailable', 'rate_limited', 'timeout'].includes(error.appError.code);
}
