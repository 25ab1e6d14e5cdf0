/**
 * Temp uploads (spec §6.4): `POST /tables/{T}/tempUploads` hands out URLs served by this
 * server; bytes arrive with a plain `PUT <url>` or through the GCS resumable handshake
 * (`POST <url>` + `x-goog-resumable: start` → `Location` session URL; `PUT` chunks with
 * `Content-Range`; status probe `bytes * /total` → 308 + `Range`). The URLs are capabilities
 * like signed storage URLs: they need no Authorization header.
 */
import fsp from 'node:fs/promises';
import { z } from 'zod';
import { ApiError, badRequest, notFound } from '../http/apiError.js';
import type { RequestContext, RouteModule } from '../http/routeModule.js';
import type { TempUploadRecord } from '../store/model.js';
import { requireParam } from './routeHelpers.js';
import { fileSize, parseContentRange, receiveInto, type ContentRange } from './tempUploadsBody.js';

const TEMP_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_PER_REQUEST = 1000;

const createBody = z.object({
  tempUploads: z
    .array(
      z.object({
        name: z.string().min(1),
        size: z.union([z.number().int().min(0), z.string().regex(/^\d+$/).transform(Number)]),
        resumable: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(MAX_PER_REQUEST),
});

/** Serialises operations per temp upload so concurrent PUTs cannot interleave their bytes. */
const locks = new Map<string, Promise<unknown>>();
function withLock<T>(id: string, run: () => Promise<T>): Promise<T> {
  const previous = locks.get(id) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(run);
  locks.set(id, next);
  void next
    .finally(() => {
      if (locks.get(id) === next) locks.delete(id);
    })
    .catch(() => undefined);
  return next;
}

export function tempUploadUrl(origin: string, id: string): string {
  return `${origin}/upload/tempUploads/${id}`;
}

function sessionUrl(origin: string, id: string): string {
  return `${origin}/upload/resumable/${id}`;
}

function tempUploadJson(record: TempUploadRecord, origin: string): Record<string, unknown> {
  return {
    kind: 'tempUpload',
    id: record.id,
    url: tempUploadUrl(origin, record.id),
    name: record.name,
    size: String(record.size),
    resumable: record.resumable,
    receivedBytes: record.receivedBytes,
    completed: record.completed,
  };
}

/** The temp upload behind an upload URL, or 404 when unknown or expired. */
function liveTempUpload(ctx: RequestContext): TempUploadRecord {
  const id = requireParam(ctx, 'id');
  const record = ctx.deps.store.state.tempUploads[id];
  if (!record || record.expiresAt <= ctx.deps.now()) {
    ctx.req.resume();
    throw notFound(`Temp upload ${id} does not exist or has expired; start a new upload`);
  }
  return record;
}

async function newTempUploads(
  ctx: RequestContext,
  tableId: string,
  items: { name: string; size: number; resumable?: boolean | undefined }[],
): Promise<TempUploadRecord[]> {
  const { store } = ctx.deps;
  const now = ctx.deps.now();
  const records: TempUploadRecord[] = [];
  for (const item of items) {
    const blob = await store.newBlobPath('.upload');
    await fsp.writeFile(blob.abs, new Uint8Array(0));
    records.push({
      id: store.newId(),
      tableId,
      name: item.name,
      size: item.size,
      resumable: item.resumable ?? false,
      receivedBytes: 0,
      blob: blob.rel,
      completed: item.size === 0,
      createdAt: now,
      expiresAt: now + TEMP_UPLOAD_TTL_MS,
    });
  }
  await store.update((state) => {
    for (const record of records) state.tempUploads[record.id] = record;
  });
  return records;
}

async function createTempUploads(ctx: RequestContext): Promise<void> {
  ctx.requireScope('data.edit');
  const { table } = ctx.resolveTable(requireParam(ctx, 'table'), { forWrite: true });
  const body = await ctx.readJson(createBody);
  const records = await newTempUploads(ctx, table.id, body.tempUploads);
  const origin = ctx.deps.origin();
  ctx.sendJson(200, {
    kind: 'tempUploadList',
    results: records.map((r) => tempUploadJson(r, origin)),
  });
}

const legacyBody = z.object({
  size: z.union([z.number().int().min(0), z.string().regex(/^\d+$/).transform(Number)]).optional(),
});

/**
 * The 2022–2024 protocol: `POST /tables/{T}/resumableUpload` (`?size=` or `{size}`) →
 * `{kind: "resumableUpload", id, url}`; chunks go to `url` with `Content-Range`, then the upload
 * is created with `resumableUploadId`. It is a temp upload under another name.
 */
async function createLegacyResumableUpload(ctx: RequestContext): Promise<void> {
  ctx.requireScope('data.edit');
  const { table } = ctx.resolveTable(requireParam(ctx, 'table'), { forWrite: true });
  const body = await ctx.readJson(legacyBody);
  const queried = ctx.query.get('size');
  const size = body.size ?? (queried !== null && /^\d+$/.test(queried) ? Number(queried) : null);
  if (size === null) throw badRequest('Give the upload size as ?size= or {"size": …}');
  const [record] = await newTempUploads(ctx, table.id, [{ name: 'upload', size, resumable: true }]);
  ctx.sendJson(200, {
    kind: 'resumableUpload',
    id: record!.id,
    url: sessionUrl(ctx.deps.origin(), record!.id),
  });
}

async function recordProgress(ctx: RequestContext, record: TempUploadRecord): Promise<number> {
  const stored = await fileSize(ctx.deps.store.absolutePath(record.blob));
  await ctx.deps.store.update((state) => {
    const current = state.tempUploads[record.id];
    if (!current) return;
    current.receivedBytes = stored;
    current.completed = stored === current.size;
  });
  return stored;
}

/** 200 when every byte is stored, else 308 with the stored range (none when nothing is stored). */
function sendStatus(ctx: RequestContext, record: TempUploadRecord, stored: number): void {
  if (stored === record.size) {
    ctx.sendJson(200, tempUploadJson(record, ctx.deps.origin()));
    return;
  }
  const headers: Record<string, string | number> = { 'Content-Length': 0 };
  if (stored > 0) headers.Range = `bytes=0-${stored - 1}`;
  ctx.res.writeHead(308, headers);
  ctx.res.end();
}

function checkTotal(record: TempUploadRecord, total: number | null): void {
  if (total !== null && total !== record.size) {
    throw badRequest(
      `Content-Range total ${total} does not match the declared size ${record.size} of temp upload ${record.id}`,
    );
  }
}

async function receiveChunk(
  ctx: RequestContext,
  record: TempUploadRecord,
  range: Extract<ContentRange, { kind: 'chunk' }>,
): Promise<void> {
  const abs = ctx.deps.store.absolutePath(record.blob);
  const stored = await fileSize(abs);
  checkTotal(record, range.total);
  if (range.start !== stored) {
    const problem = range.start > stored ? 'would leave a gap' : 'overlaps bytes already stored';
    throw badRequest(
      `Chunk starting at byte ${range.start} ${problem}: ${stored} bytes are stored, resume at byte ${stored}`,
    );
  }
  if (range.end >= record.size) {
    throw badRequest(`Chunk ends at byte ${range.end} but the upload has ${record.size} bytes`);
  }
  const expected = range.end - range.start + 1;
  const declared = ctx.headers['content-length'];
  if (declared !== undefined && Number(declared) !== expected) {
    throw badRequest(`Content-Length ${declared} does not match Content-Range (${expected} bytes)`);
  }
  const cut = ctx.deps.faults.takeUploadCut();
  const result = await receiveInto(ctx.req, abs, {
    position: stored,
    maxBytes: expected,
    cutAfter: cut?.afterBytes ?? null,
  });
  if (result.overflow) {
    await fsp.truncate(abs, stored);
    throw badRequest(`The request body is longer than the ${expected} bytes named by Content-Range`);
  }
  const now = await recordProgress(ctx, record);
  if (result.aborted) return;
  sendStatus(ctx, record, now);
}

async function receiveWhole(ctx: RequestContext, record: TempUploadRecord): Promise<void> {
  const abs = ctx.deps.store.absolutePath(record.blob);
  await fsp.truncate(abs, 0);
  const cut = ctx.deps.faults.takeUploadCut();
  const result = await receiveInto(ctx.req, abs, {
    position: 0,
    maxBytes: record.size,
    cutAfter: cut?.afterBytes ?? null,
  });
  if (result.overflow) {
    await fsp.truncate(abs, 0);
    throw badRequest(`The request body is longer than the declared size ${record.size}`);
  }
  const stored = await recordProgress(ctx, record);
  if (result.aborted) return;
  if (stored !== record.size) {
    throw badRequest(`Received ${stored} bytes but temp upload ${record.id} declared ${record.size}`);
  }
  ctx.sendJson(200, tempUploadJson(record, ctx.deps.origin()));
}

async function handlePut(ctx: RequestContext): Promise<void> {
  const record = liveTempUpload(ctx);
  await withLock(record.id, async () => {
    try {
      const header = ctx.headers['content-range'];
      if (header === undefined) return await receiveWhole(ctx, record);
      const range = parseContentRange(header);
      if (range.kind === 'chunk') return await receiveChunk(ctx, record, range);
      checkTotal(record, range.total);
      ctx.req.resume();
      sendStatus(ctx, record, await fileSize(ctx.deps.store.absolutePath(record.blob)));
    } catch (err) {
      if (err instanceof ApiError) ctx.req.resume();
      throw err;
    }
  });
}

/** `x-goog-resumable: start` opens a session; a new session starts from byte 0 again. */
async function startSession(ctx: RequestContext): Promise<void> {
  const record = liveTempUpload(ctx);
  ctx.req.resume();
  if (String(ctx.headers['x-goog-resumable'] ?? '').toLowerCase() !== 'start') {
    throw badRequest('Start a resumable session with the header "x-goog-resumable: start"');
  }
  const length = ctx.headers['x-upload-content-length'];
  if (length !== undefined && Number(length) !== record.size) {
    throw badRequest(`x-upload-content-length ${length} does not match the declared size ${record.size}`);
  }
  await withLock(record.id, async () => {
    await fsp.truncate(ctx.deps.store.absolutePath(record.blob), 0);
    await recordProgress(ctx, record);
  });
  const location = sessionUrl(ctx.deps.origin(), record.id);
  ctx.res.writeHead(201, { Location: location, 'Content-Length': 0 });
  ctx.res.end();
}

export const tempUploadsRoutes: RouteModule = {
  register(router) {
    router.add('POST', '/api/v1/tables/:table/tempUploads', createTempUploads);
    router.add('POST', '/api/v1/tables/:table/resumableUpload', createLegacyResumableUpload);
    router.add('POST', '/upload/tempUploads/:id', startSession);
    router.add('PUT', '/upload/tempUploads/:id', handlePut);
    router.add('PUT', '/upload/resumable/:id', handlePut);
  },
};
