import { tableFromIPC } from 'apache-arrow';
import { z } from 'zod';
import { AppFailure, appError } from '../../../../shared/contract/errors';
import type { RedivisApiClient } from '../apiClient';
import type { StreamResponse } from '../streamTransport';
import { readResource } from './resource';

/**
 * The Redivis raw-files resource (spec §3.5): a file-index table's listing (Arrow IPC) and a
 * file's bytes (`GET /rawFiles/{id}`, with Range). Every answer is checked against a schema
 * before the rest of the app sees it.
 */

/** The standard columns of a listing row; any other column is the table's own metadata. */
const listingRowSchema = z.object({
  file_id: z.string().min(1),
  file_name: z.string(),
  size: z.union([z.number(), z.bigint()]).transform(Number),
  md5_hash: z.string().nullable().optional(),
  added_at: z.union([z.number(), z.bigint()]).nullable().optional(),
});
export type RawFileRow = z.infer<typeof listingRowSchema> & { extra: Record<string, string | null> };

export const STANDARD_COLUMNS = ['file_id', 'file_name', 'size', 'md5_hash', 'added_at'];

/** Headers of a file response that the app relies on. */
const fileHeadersSchema = z.object({
  status: z.union([z.literal(200), z.literal(206)]),
  contentLength: z.number().int().min(0).optional(),
  contentRange: z.object({ start: z.number(), end: z.number(), size: z.number() }).optional(),
  md5: z.string().optional(),
  contentType: z.string(),
});
export type RawFileHeaders = z.infer<typeof fileHeadersSchema>;

export type ListingAnswer =
  | { status: 'modified'; rows: RawFileRow[]; extraColumns: string[]; lastModified: string | null }
  | { status: 'notModified' };

function tablePath(tableRef: string): string {
  return `/tables/${encodeURIComponent(tableRef)}/rawFiles`;
}

/** `GET /tables/{T}/rawFiles?format=arrow`, conditional on `ifModifiedSince` when given. */
export async function fetchListing(
  api: RedivisApiClient,
  tableRef: string,
  options: { ifModifiedSince?: string | null; signal?: AbortSignal } = {},
): Promise<ListingAnswer> {
  const response = await api.send('GET', tablePath(tableRef), {
    query: { format: 'arrow' },
    headers: options.ifModifiedSince ? { 'If-Modified-Since': options.ifModifiedSince } : {},
    acceptStatuses: [304],
    signal: options.signal,
    what: 'the list of files',
  });
  if (response.status === 304) {
    await response.body?.cancel().catch(() => undefined);
    return { status: 'notModified' };
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: 'modified', ...parseListing(bytes), lastModified: response.headers.get('last-modified') };
}

/** Decodes a listing's Arrow IPC stream into checked rows (exported for tests). */
export function parseListing(bytes: Uint8Array): { rows: RawFileRow[]; extraColumns: string[] } {
  let table;
  try {
    table = tableFromIPC(bytes);
  } catch (error) {
    throw new AppFailure(
      appError('server', 'The server sent a list of files the app could not read.', {
        detail: error instanceof Error ? error.message : String(error),
      }),
    );
  }
  const names = table.schema.fields.map((f) => f.name);
  const extraColumns = names.filter((n) => !STANDARD_COLUMNS.includes(n));
  const rows: RawFileRow[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const record: Record<string, unknown> = {};
    for (const name of names) record[name] = table.getChild(name)?.get(i) ?? null;
    const row = readResource(listingRowSchema, record, `file (row ${i + 1} of the list of files)`);
    const extra: Record<string, string | null> = {};
    for (const name of extraColumns) extra[name] = cellText(record[name]);
    rows.push({ ...row, extra });
  }
  return { rows, extraColumns };
}

function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/**
 * `GET /rawFiles/{id}`, optionally from byte `from`; the body is a plain byte stream. The
 * token is added by the API client and never leaves the Node side.
 */
export async function fetchFileBytes(
  api: RedivisApiClient,
  fileId: string,
  options: { range?: string; signal?: AbortSignal; what?: string } = {},
): Promise<{ response: StreamResponse; headers: RawFileHeaders }> {
  const response = await api.stream('GET', `/rawFiles/${encodeURIComponent(fileId)}`, {
    headers: options.range ? { Range: options.range } : {},
    signal: options.signal,
    what: options.what ?? 'this file',
  });
  const parsed = fileHeadersSchema.safeParse({
    status: response.status,
    contentLength: numberOrUndefined(response.headers.get('content-length')),
    contentRange: contentRange(response.headers.get('content-range')),
    md5: md5FromHeaders(response.headers),
    contentType: response.headers.get('content-type') ?? 'application/octet-stream',
  });
  if (!parsed.success) {
    (response.body as { destroy?: () => void }).destroy?.();
    throw new AppFailure(
      appError('server', 'The server answered a file request in an unexpected way.', {
        detail: `status ${response.status}`,
      }),
    );
  }
  return { response, headers: parsed.data };
}

function numberOrUndefined(text: string | null): number | undefined {
  if (text === null || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function contentRange(text: string | null): { start: number; end: number; size: number } | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(text ?? '');
  return match ? { start: Number(match[1]), end: Number(match[2]), size: Number(match[3]) } : undefined;
}

/**
 * The base64 md5 the server states for the whole file: `Content-Digest: md5=:…:` (RFC 9530
 * style) or the older `Digest: md5=…` (RFC 3230), whichever is present.
 */
export function md5FromHeaders(headers: { get(name: string): string | null }): string | undefined {
  const contentDigest = /(?:^|,)\s*md5=:([A-Za-z0-9+/=]+):/i.exec(headers.get('content-digest') ?? '');
  if (contentDigest) return contentDigest[1];
  const digest = /(?:^|,)\s*md5=([A-Za-z0-9+/=]+)/i.exec(headers.get('digest') ?? '');
  return digest?.[1];
}
