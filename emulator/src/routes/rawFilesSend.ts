/**
 * Sending a raw file's bytes with its documented headers, for the API route and for signed URLs.
 * Signed URLs (`/signed/rawFiles/{id}?expires=&signature=`) carry an HMAC of the file id and
 * expiry under the store's secret, so they work without an Authorization header until expiry.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { ApiError } from '../http/apiError.js';
import type { EmulatorDeps, RequestContext } from '../http/routeModule.js';
import { contentDisposition, parseRange, sendFile } from '../exports/fileResponse.js';
import type { RawFileRecord } from '../store/model.js';

export async function sendRawFile(ctx: RequestContext, file: RawFileRecord): Promise<void> {
  const headers = {
    'Content-Type': file.contentType,
    'Content-Disposition': contentDisposition(file.name),
    Digest: `md5=${file.md5Hash}`,
    'Content-Digest': `md5=:${file.md5Hash}:`,
    'X-Redivis-Filename': encodeURIComponent(file.name),
    'Last-Modified': new Date(file.addedAt).toUTCString(),
  };
  const path = ctx.deps.store.absolutePath(file.blob);
  if (ctx.method === 'HEAD' || file.size === 0) {
    await sendFile(ctx, path, file.size, headers);
    return;
  }
  const cut = ctx.deps.faults.takeRawFileCut();
  const corrupt = ctx.deps.faults.takeRawFileCorruption();
  if (!cut && !corrupt) {
    await sendFile(ctx, path, file.size, headers);
    return;
  }
  await sendFaulty(ctx, path, file.size, headers, cut?.afterBytes, corrupt);
}

/**
 * `sendFile` with an injected fault: the body is cut (socket destroyed) after `cutAfter` bytes,
 * and/or its first byte is changed while every header still describes the true file.
 */
async function sendFaulty(
  ctx: RequestContext,
  path: string,
  size: number,
  headers: Record<string, string>,
  cutAfter: number | undefined,
  corrupt: boolean,
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
  let sent = 0;
  const stream = fs.createReadStream(path, range ? { start: range.start, end: range.end } : {});
  try {
    for await (const piece of stream) {
      let chunk = piece as Buffer;
      if (corrupt && sent === 0 && chunk.length > 0) {
        chunk = Buffer.from(chunk);
        chunk[0] = (chunk[0] ?? 0) ^ 0xff;
      }
      if (cutAfter !== undefined && sent + chunk.length >= cutAfter) {
        const head = chunk.subarray(0, cutAfter - sent);
        // The bytes before the cut reach the client, then the connection drops.
        await new Promise<void>((resolve) => ctx.res.write(head, () => resolve()));
        ctx.res.destroy();
        return;
      }
      sent += chunk.length;
      if (!ctx.res.write(chunk)) await new Promise((resolve) => ctx.res.once('drain', resolve));
    }
    ctx.res.end();
  } catch {
    ctx.res.destroy();
  } finally {
    stream.destroy();
  }
}

function signature(secret: string, fileId: string, expires: number): string {
  return createHmac('sha256', secret).update(`rawFile\n${fileId}\n${expires}`).digest('base64url');
}

export function signedRawFileUrl(deps: EmulatorDeps, fileId: string, expires: number): string {
  const sig = signature(deps.store.state.secret, fileId, expires);
  return `${deps.origin()}/signed/rawFiles/${encodeURIComponent(fileId)}?expires=${expires}&signature=${sig}`;
}

/** 403 unless the query carries a valid, unexpired signature for `fileId`. */
export function checkSignature(ctx: RequestContext, fileId: string): void {
  const expires = Number(ctx.query.get('expires'));
  const given = Buffer.from(ctx.query.get('signature') ?? '');
  const expected = Buffer.from(signature(ctx.deps.store.state.secret, fileId, expires));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApiError(403, 'invalid_signature', 'The signed URL is invalid');
  }
  if (!Number.isFinite(expires) || expires * 1000 <= ctx.deps.now()) {
    throw new ApiError(403, 'expired_signature', 'The signed URL has expired');
  }
}
