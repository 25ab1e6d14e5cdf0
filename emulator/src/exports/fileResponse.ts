/**
 * Sending a stored file with HTTP Range support (raw files and export parts): 206 with
 * `Content-Range` for a satisfiable single range, 416 past the end, 200 otherwise.
 */
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../http/apiError.js';
import type { RequestContext } from '../http/routeModule.js';

export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Parses a `Range` header against a size. Returns null when the header is absent or not a
 * single byte range (the full body is then sent, as RFC 9110 allows); throws 416 when the range
 * cannot be satisfied.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/i.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
    if (suffix === 0) start = size;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
    if (match[2] !== '' && Number(match[2]) < start) return null;
  }
  if (start >= size) {
    throw new ApiError(
      416,
      'range_not_satisfiable',
      `The requested range ${header} starts at or beyond the end of the ${size}-byte file`,
      {},
      { 'Content-Range': `bytes */${size}` },
    );
  }
  return { start, end };
}

/** `attachment` with both an ASCII fallback and the RFC 5987 UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const base = fileName.split('/').pop() ?? fileName;
  const ascii = base.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(base)}`;
}

export async function sendFile(
  ctx: RequestContext,
  absPath: string,
  size: number,
  headers: Record<string, string>,
): Promise<void> {
  const range = parseRange(ctx.headers.range, size);
  const common: Record<string, string | number> = { 'Accept-Ranges': 'bytes', ...headers };
  if (range) {
    common['Content-Range'] = `bytes ${range.start}-${range.end}/${size}`;
    common['Content-Length'] = range.end - range.start + 1;
    ctx.res.writeHead(206, common);
  } else {
    common['Content-Length'] = size;
    ctx.res.writeHead(200, common);
  }
  if (ctx.method === 'HEAD' || size === 0) {
    ctx.res.end();
    return;
  }
  const stream = fs.createReadStream(absPath, range ? { start: range.start, end: range.end } : {});
  await pipeline(stream, ctx.res).catch(() => {
    // The client went away mid-download; nothing left to answer.
    ctx.res.destroy();
  });
}
