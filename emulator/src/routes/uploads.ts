/**
 * Uploads (spec §3.4, §6): create from a temp upload, a multipart form or a raw body; processing
 * is asynchronous (`queued` → `running` → `completed`/`failed`). Name conflicts answer 409 unless
 * the body sets `replaceOnConflict` or `renameOnConflict`.
 */
import fsp from 'node:fs/promises';
import { ApiError, badRequest, notFound } from '../http/apiError.js';
import { sendPage } from '../http/pagination.js';
import type { RequestContext, RouteModule } from '../http/routeModule.js';
import type { ResolvedTable } from '../refs/resolveTable.js';
import type { TableParents } from '../serialize/references.js';
import { variableJson } from '../serialize/variableJson.js';
import type { TableRecord, UploadRecord } from '../store/model.js';
import { resolveFileType } from '../ingest/fileType.js';
import { requireParam } from './routeHelpers.js';
import { uploadJson, uploadUri } from './uploadsJson.js';
import { failInterruptedUploads, startUploadJob } from './uploadsProcess.js';
import { readUploadRequest, type UploadMetadata } from './uploadsRequest.js';
import { insertStreamRows, createStreamUpload } from './uploadsStream.js';

function parentsOf(resolved: ResolvedTable): TableParents {
  return { dataset: resolved.dataset, version: resolved.version, workflow: resolved.workflow };
}

/** `data.csv` → `data_1.csv`, `data_2.csv`, … until no upload of the table uses the name. */
function freeName(ctx: RequestContext, table: TableRecord, name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let i = 1; ; i++) {
    const candidate = `${stem}_${i}${ext}`;
    if (!ctx.findUpload(table, candidate)) return candidate;
  }
}

async function settleName(
  ctx: RequestContext,
  table: TableRecord,
  name: string,
  meta: UploadMetadata,
): Promise<string> {
  const existing = ctx.findUpload(table, name);
  if (!existing) return name;
  if (meta.replaceOnConflict && meta.renameOnConflict) {
    throw badRequest('replaceOnConflict and renameOnConflict cannot both be true');
  }
  if (meta.replaceOnConflict) {
    await ctx.deps.store.deleteUpload(existing.id);
    return name;
  }
  if (meta.renameOnConflict) return freeName(ctx, table, name);
  throw new ApiError(
    409,
    'upload_exists',
    `An upload named "${existing.name}" already exists on this table; set replaceOnConflict or renameOnConflict, or choose another name`,
  );
}

function ingestOptionsOf(meta: UploadMetadata): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  const keys = [
    'hasHeaderRow',
    'skipBadRecords',
    'allowJaggedRows',
    'quoteCharacter',
    'escapeCharacter',
    'nullMarkers',
    'delimiter',
  ] as const;
  for (const key of keys) if (meta[key] !== undefined && meta[key] !== null) options[key] = meta[key];
  const quotedNewlines = meta.hasQuotedNewlines ?? meta.allowQuotedNewlines;
  if (quotedNewlines !== undefined && quotedNewlines !== null) options.hasQuotedNewlines = quotedNewlines;
  return options;
}

async function createUpload(ctx: RequestContext): Promise<void> {
  ctx.requireScope('data.edit');
  const resolved = ctx.resolveTable(requireParam(ctx, 'table'), { forWrite: true });
  const { table } = resolved;
  const { store } = ctx.deps;
  if (table.isFileIndex) {
    ctx.req.resume();
    throw badRequest(`Table ${table.name} is a file index table; add files with POST /tables/{T}/rawFiles`);
  }
  const received = await readUploadRequest(ctx);
  const meta = received.metadata;
  const discard = async (): Promise<void> => {
    if (received.file) await fsp.rm(received.file.path, { force: true });
  };
  try {
    if (meta.transferSpecification) {
      throw badRequest(
        'transferSpecification uploads are not supported by this server; send the file itself',
      );
    }
    if (meta.type === 'stream') {
      const name = await settleName(ctx, table, meta.name ?? 'untitled_upload.stream', meta);
      const upload = await createStreamUpload(ctx, table, name, meta);
      ctx.sendJson(200, uploadJson(upload, table, parentsOf(resolved), ctx.deps.origin()));
      return;
    }
    const tempId = meta.tempUploadId ?? meta.resumableUploadId ?? null;
    const temp = tempId ? store.state.tempUploads[tempId] : undefined;
    if (tempId && (!temp || temp.tableId !== table.id)) {
      throw badRequest(`Temp upload ${tempId} does not exist for table ${table.name}`);
    }
    if (temp && !temp.completed) {
      throw badRequest(
        `Temp upload ${temp.id} has received ${temp.receivedBytes} of ${temp.size} bytes; finish sending it first`,
      );
    }
    if (!temp && !received.file) {
      throw badRequest(
        'The upload has no data: give tempUploadId, a multipart "data" part, or type "stream"',
      );
    }
    const fileName = received.file?.name ?? temp?.name ?? null;
    const type = meta.type ?? null;
    const wanted = meta.name ?? fileName ?? `untitled_upload.${type ?? 'csv'}`;
    const name = await settleName(ctx, table, wanted, meta);
    const options = ingestOptionsOf(meta);
    const upload = await store.addUpload(table.id, {
      name,
      type: type ?? extensionType(typingName(name, fileName)),
      options,
      size: temp?.size ?? 0,
    });
    const inputPath = received.file?.path ?? store.absolutePath(temp!.blob);
    // A temp upload feeds exactly one upload; its bytes stay on disk until processing ends.
    if (temp) await store.update((state) => void delete state.tempUploads[temp.id]);
    startUploadJob(ctx.deps, {
      uploadId: upload.id,
      inputPath,
      options: { ...options, type, fileName: typingName(name, fileName) },
      metadata: meta.metadata ?? null,
      cleanup: () => fsp.rm(inputPath, { force: true }),
    });
    ctx.sendJson(200, uploadJson(upload, table, parentsOf(resolved), ctx.deps.origin()));
  } catch (err) {
    await discard();
    throw err;
  }
}

/**
 * The name whose extension decides the type when `type` is omitted: the upload's name (as the
 * API documents), else the received file's name when the upload name has no usable extension.
 */
function typingName(uploadName: string, fileName: string | null): string {
  try {
    resolveFileType(null, uploadName);
    return uploadName;
  } catch {
    return fileName ?? uploadName;
  }
}

/** The upload type implied by a file name, for display (`data.csv` → `delimited`). */
function extensionType(name: string): string {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (['csv', 'tsv', 'txt', 'psv', 'tab'].includes(ext)) return 'delimited';
  if (ext === 'jsonl') return 'ndjson';
  return ext || 'delimited';
}

function findUploadOr404(ctx: RequestContext, table: TableRecord): UploadRecord {
  const name = requireParam(ctx, 'upload');
  const upload = ctx.findUpload(table, name);
  if (!upload) throw notFound(`Upload ${name} not found on table ${table.name}`);
  return upload;
}

function getUpload(ctx: RequestContext): void {
  const resolved = ctx.resolveTable(requireParam(ctx, 'table'), { need: 'metadata' });
  const upload = findUploadOr404(ctx, resolved.table);
  ctx.sendJson(200, uploadJson(upload, resolved.table, parentsOf(resolved), ctx.deps.origin()));
}

async function deleteUpload(ctx: RequestContext): Promise<void> {
  ctx.requireScope('data.edit');
  const resolved = ctx.resolveTable(requireParam(ctx, 'table'), { forWrite: true });
  const upload = findUploadOr404(ctx, resolved.table);
  await ctx.deps.store.deleteUpload(upload.id);
  ctx.sendJson(200, uploadJson(upload, resolved.table, parentsOf(resolved), ctx.deps.origin()));
}

function listUploads(ctx: RequestContext): void {
  const resolved = ctx.resolveTable(requireParam(ctx, 'table'), { need: 'metadata' });
  const origin = ctx.deps.origin();
  sendPage(ctx, 'uploadList', ctx.deps.store.uploadsOf(resolved.table.id), (u) =>
    uploadJson(u, resolved.table, parentsOf(resolved), origin),
  );
}

function listUploadVariables(ctx: RequestContext): void {
  const resolved = ctx.resolveTable(requireParam(ctx, 'table'), { need: 'metadata' });
  const upload = findUploadOr404(ctx, resolved.table);
  const uri = uploadUri(resolved.table, parentsOf(resolved), upload);
  const indexed = upload.variables.map((variable, index) => ({ variable, index }));
  sendPage(ctx, 'variableList', indexed, ({ variable, index }) =>
    variableJson(variable, index, uri, ctx.deps.origin()),
  );
}

async function insertRows(ctx: RequestContext): Promise<void> {
  ctx.requireScope('data.edit');
  const resolved = ctx.resolveTable(requireParam(ctx, 'table'), { forWrite: true });
  const upload = findUploadOr404(ctx, resolved.table);
  await insertStreamRows(ctx, upload);
}

export const uploadsRoutes: RouteModule = {
  register(router, deps) {
    failInterruptedUploads(deps);
    const base = '/api/v1/tables/:table/uploads';
    router.add('POST', base, createUpload);
    router.add('GET', base, listUploads);
    router.add('GET', `${base}/:upload`, getUpload);
    router.add('DELETE', `${base}/:upload`, deleteUpload);
    router.add('GET', `${base}/:upload/variables`, listUploadVariables);
    router.add('POST', `${base}/:upload/rows`, insertRows);
  },
};
