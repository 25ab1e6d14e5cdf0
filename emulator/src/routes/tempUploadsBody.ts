/**
 * Receiving temp-upload bodies: the `Content-Range` grammar of the GCS resumable protocol and a
 * streaming writer that puts request bytes at a file position without buffering the body.
 */
import type { IncomingMessage } from 'node:http';
import fsp from 'node:fs/promises';
import { badRequest } from '../http/apiError.js';

export type ContentRange =
  | { kind: 'probe'; total: number | null }
  | { kind: 'chunk'; start: number; end: number; total: number | null };

/** Parses `bytes a-b/total`, `bytes a-b/*` and the status probe `bytes * /total`. */
export function parseContentRange(header: string): ContentRange {
  const match = /^bytes\s+(?:(\d+)-(\d+)|\*)\/(\d+|\*)$/i.exec(header.trim());
  if (!match) {
    throw badRequest(
      `Malformed Content-Range "${header}"; expected "bytes <first>-<last>/<total>" or "bytes */<total>"`,
    );
  }
  const total = match[3] === '*' ? null : Number(match[3]);
  if (match[1] === undefined) return { kind: 'probe', total };
  const start = Number(match[1]);
  const end = Number(match[2]);
  if (end < start) throw badRequest(`Content-Range "${header}" ends before it starts`);
  if (total !== null && end >= total) {
    throw badRequest(`Content-Range "${header}" goes past the total size ${total}`);
  }
  return { kind: 'chunk', start, end, total };
}

export interface ReceiveResult {
  /** Bytes of this request written to the file. */
  written: number;
  /** The client went away (or the connection was cut) before the body ended. */
  aborted: boolean;
  /** The body was longer than allowed; nothing past the limit was written. */
  overflow: boolean;
}

export interface ReceiveOptions {
  position: number;
  maxBytes: number;
  /** Fault injection: destroy the connection after this many body bytes. */
  cutAfter: number | null;
}

/**
 * Streams the request body into `path` starting at `position`. Each chunk is written before the
 * next is read, so memory use is one socket chunk regardless of the body size.
 */
export async function receiveInto(
  req: IncomingMessage,
  path: string,
  { position, maxBytes, cutAfter }: ReceiveOptions,
): Promise<ReceiveResult> {
  // 'r+' writes at a position without truncating; a blob lost in a crash starts empty again.
  const handle = await fsp.open(path, 'r+').catch(() => fsp.open(path, 'w+'));
  let written = 0;
  let seen = 0;
  try {
    for await (const raw of req) {
      let chunk = raw as Buffer;
      seen += chunk.length;
      if (cutAfter !== null && seen > cutAfter) {
        chunk = chunk.subarray(0, Math.max(0, chunk.length - (seen - cutAfter)));
        if (written + chunk.length > maxBytes) return { written, aborted: false, overflow: true };
        await writeAll(handle, chunk, position + written);
        written += chunk.length;
        req.socket.destroy();
        return { written, aborted: true, overflow: false };
      }
      if (written + chunk.length > maxBytes) {
        req.resume();
        return { written, aborted: false, overflow: true };
      }
      await writeAll(handle, chunk, position + written);
      written += chunk.length;
    }
    return { written, aborted: req.readableAborted || !req.complete, overflow: false };
  } catch {
    return { written, aborted: true, overflow: false };
  } finally {
    await handle.sync().catch(() => undefined);
    await handle.close();
  }
}

async function writeAll(handle: fsp.FileHandle, chunk: Buffer, position: number): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset, position + offset);
    offset += bytesWritten;
  }
}

export async function fileSize(path: string): Promise<number> {
  try {
    return (await fsp.stat(path)).size;
  } catch {
    return 0;
  }
}
