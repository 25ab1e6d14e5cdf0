/**
 * Minimal `multipart/form-data` reader for the small-upload form of `POST /tables/{T}/uploads`
 * (a `metadata` JSON part and a `data` part; clients use it below 1 MiB and the API caps it at
 * 100 MB), so buffering the body is acceptable here.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError, badRequest } from '../http/apiError.js';

export const MULTIPART_MAX_BYTES = 100 * 1024 * 1024;

export interface MultipartPart {
  name: string;
  filename: string | null;
  contentType: string | null;
  body: Buffer;
}

export function multipartBoundary(contentType: string): string | null {
  const match = /^multipart\/form-data\s*;.*?boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      req.resume();
      throw new ApiError(
        413,
        'payload_too_large',
        `Multipart uploads are limited to ${maxBytes} bytes; use a temp upload`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseHeaders(block: string): Pick<MultipartPart, 'name' | 'filename' | 'contentType'> {
  let name = '';
  let filename: string | null = null;
  let contentType: string | null = null;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-type') contentType = value;
    if (key === 'content-disposition') {
      name = /\bname="([^"]*)"/i.exec(value)?.[1] ?? '';
      filename = /\bfilename="([^"]*)"/i.exec(value)?.[1] ?? null;
    }
  }
  return { name, filename, contentType };
}

export async function readMultipart(req: IncomingMessage, boundary: string): Promise<MultipartPart[]> {
  const body = await readBody(req, MULTIPART_MAX_BYTES);
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let cursor = body.indexOf(delimiter);
  if (cursor < 0) throw badRequest('The multipart body does not contain its boundary');
  for (;;) {
    cursor += delimiter.length;
    if (body.subarray(cursor, cursor + 2).toString() === '--') break;
    const headerEnd = body.indexOf('\r\n\r\n', cursor);
    if (headerEnd < 0) throw badRequest('A multipart part has no header terminator');
    const headers = parseHeaders(body.subarray(cursor, headerEnd).toString('utf8'));
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd + 4);
    if (next < 0) throw badRequest('The multipart body is truncated (no closing boundary)');
    parts.push({ ...headers, body: body.subarray(headerEnd + 4, next) });
    cursor = next + 2;
  }
  return parts;
}
