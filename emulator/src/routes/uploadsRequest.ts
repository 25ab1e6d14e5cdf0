/**
 * Reading the three request forms of `POST /tables/{T}/uploads`: JSON metadata (with a
 * `tempUploadId`), `multipart/form-data` (`metadata` + `data` parts) and a raw body with the
 * metadata in query parameters.
 */
import fsp from 'node:fs/promises';
import { z } from 'zod';
import { badRequest } from '../http/apiError.js';
import type { RequestContext } from '../http/routeModule.js';
import { multipartBoundary, readMultipart } from './uploadsMultipart.js';
import { receiveInto } from './tempUploadsBody.js';

const nullableString = z.string().nullish();
const nullableBool = z.boolean().nullish();

export const uploadMetadataSchema = z
  .object({
    name: nullableString,
    type: nullableString,
    tempUploadId: nullableString,
    /** Name used by the 2022–2024 protocol; treated like `tempUploadId`. */
    resumableUploadId: nullableString,
    transferSpecification: z.unknown().optional(),
    schema: z.array(z.object({ name: z.string().min(1), type: z.string() })).nullish(),
    metadata: z
      .record(
        z.string(),
        z.object({
          label: nullableString,
          description: nullableString,
          valueLabels: z
            .array(
              z.object({
                value: z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v)),
                label: z.string(),
              }),
            )
            .nullish(),
        }),
      )
      .nullish(),
    hasHeaderRow: nullableBool,
    skipBadRecords: nullableBool,
    hasQuotedNewlines: nullableBool,
    allowQuotedNewlines: nullableBool,
    allowJaggedRows: nullableBool,
    quoteCharacter: nullableString,
    escapeCharacter: nullableString,
    nullMarkers: z.array(z.string()).nullish(),
    delimiter: nullableString,
    /** On a name conflict: remove the existing upload first. */
    replaceOnConflict: nullableBool,
    /** On a name conflict: pick a free name (`name_1.csv`, …). */
    renameOnConflict: nullableBool,
  })
  .passthrough();

export type UploadMetadata = z.infer<typeof uploadMetadataSchema>;

export interface ReceivedUpload {
  metadata: UploadMetadata;
  /** The file bytes, when the request carried them itself. */
  file: { path: string; name: string | null } | null;
}

function parseMetadata(value: unknown): UploadMetadata {
  const parsed = uploadMetadataSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
    throw badRequest(`Invalid upload metadata: ${issues.join('; ')}`);
  }
  return parsed.data;
}

const BOOLEAN_PARAMS = [
  'hasHeaderRow',
  'skipBadRecords',
  'hasQuotedNewlines',
  'allowJaggedRows',
  'replaceOnConflict',
  'renameOnConflict',
];

function metadataFromQuery(query: URLSearchParams): UploadMetadata {
  const value: Record<string, unknown> = {};
  for (const [key, raw] of query) {
    if (BOOLEAN_PARAMS.includes(key)) value[key] = raw === 'true' || raw === '1';
    else if (key === 'nullMarkers') value[key] = query.getAll(key);
    else if (key !== 'uploadType') value[key] = raw;
  }
  return parseMetadata(value);
}

async function newInputFile(ctx: RequestContext): Promise<string> {
  const blob = await ctx.deps.store.newBlobPath('.incoming');
  await fsp.writeFile(blob.abs, new Uint8Array(0));
  return blob.abs;
}

export async function readUploadRequest(ctx: RequestContext): Promise<ReceivedUpload> {
  const contentType = String(ctx.headers['content-type'] ?? '').toLowerCase();
  if (contentType.startsWith('multipart/')) {
    const boundary = multipartBoundary(String(ctx.headers['content-type']));
    if (!boundary) throw badRequest('The multipart Content-Type has no boundary');
    const parts = await readMultipart(ctx.req, boundary);
    const metaPart = parts.find((p) => p.name === 'metadata');
    const dataPart = parts.find((p) => p.name === 'data' || p.name === 'file');
    let metaValue: unknown = {};
    if (metaPart) {
      try {
        metaValue = JSON.parse(metaPart.body.toString('utf8'));
      } catch {
        throw badRequest('The "metadata" part is not valid JSON');
      }
    }
    const metadata = parseMetadata(metaValue);
    if (!dataPart) return { metadata, file: null };
    const path = await newInputFile(ctx);
    await fsp.writeFile(path, dataPart.body);
    return { metadata, file: { path, name: dataPart.filename } };
  }
  if (contentType === '' || contentType.startsWith('application/json')) {
    return { metadata: parseMetadata(await ctx.readJson(z.unknown())), file: null };
  }
  // Simple upload: the body is the file, metadata comes from the query string.
  const metadata = metadataFromQuery(ctx.query);
  const path = await newInputFile(ctx);
  const result = await receiveInto(ctx.req, path, {
    position: 0,
    maxBytes: 100 * 1024 * 1024,
    cutAfter: null,
  });
  if (result.overflow) {
    await fsp.rm(path, { force: true });
    throw badRequest('Simple uploads are limited to 100 MB; use a temp upload');
  }
  return { metadata, file: { path, name: null } };
}
