/**
 * Sending a raw file's bytes with its documented headers, for the API route and for signed URLs.
 * Signed URLs (`/signed/rawFiles/{id}?expires=&signature=`) carry an HMAC of the file id and
 * expiry under the store's secret, so they work without an Authorization header until expiry.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ApiError } from '../http/apiError.js';
import type { EmulatorDeps, RequestContext } from '../http/routeModule.js';
import { contentDisposition, sendFile } from '../exports/fileResponse.js';
import type { RawFileRecord } from '../store/model.js';

export async function sendRawFile(ctx: RequestContext, file: RawFileRecord): Promise<void> {
  await sendFile(ctx, ctx.deps.store.absolutePath(file.blob), file.size, {
    'Content-Type': file.contentType,
    'Content-Disposition': contentDisposition(file.name),
    Digest: `md5=${file.md5Hash}`,
    'Content-Digest': `md5=:${file.md5Hash}:`,
    'X-Redivis-Filename': encodeURIComponent(file.name),
    'Last-Modified': new Date(file.addedAt).toUTCString(),
  });
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
