/**
 * Raw (non-tabular) files of file-index tables (spec §3.5, §6.8): add them from completed temp
 * uploads, download them with Range support, and list a table's files as Arrow.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { badRequest, notFound } from '../http/apiError.js';
import type { RequestContext, RouteModule } from '../http/routeModule.js';
import { assertTableAccess } from '../exports/tableParents.js';
import { fsyncDir } from '../store/atomicFile.js';
import type { RawFileRecord, TableRecord, TempUploadRecord } from '../store/model.js';
import { contentTypeFor, rawFileJson, rawFileListingIpc } from './rawFilesJson.js';
import { requireParam } from './routeHelpers.js';
import { checkSignature, sendRawFile, signedRawFileUrl } from './rawFilesSend.js';

const addBody = z.object({
  files: z
    .array(z.object({ name: z.string().min(1), tempUploadId: z.string().min(1) }))
    .min(1)
    .max(1000),
});

async function md5Base64(path: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of fs.createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

async function addRawFiles(ctx: RequestContext): Promise<void> {
  ctx.requireScope('data.edit');
  const { table } = ctx.resolveTable(requireParam(ctx, 'table'), { forWrite: true });
  if (!table.isFileIndex) {
    ctx.req.resume();
    throw badRequest(
      `Table ${table.name} is not a file index table; raw files can only be added to tables created with isFileIndex: true`,
    );
  }
  const body = await ctx.readJson(addBody);
  const { store } = ctx.deps;
  const ids = body.files.map((f) => f.tempUploadId);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated) throw badRequest(`Temp upload ${repeated} is listed more than once`);
  const temps: TempUploadRecord[] = body.files.map(({ tempUploadId }) => {
    const temp = store.state.tempUploads[tempUploadId];
    if (!temp || temp.tableId !== table.id) {
      throw badRequest(`Temp upload ${tempUploadId} does not exist for table ${table.name}`);
    }
    if (!temp.completed) {
      throw badRequest(
        `Temp upload ${tempUploadId} has received ${temp.receivedBytes} of ${temp.size} bytes; finish sending it first`,
      );
    }
    return temp;
  });
  // Consume the temp uploads up front so a concurrent request cannot reuse their bytes.
  await store.update((state) => {
    for (const temp of temps) delete state.tempUploads[temp.id];
  });
  const added: RawFileRecord[] = [];
  for (const [i, file] of body.files.entries()) {
    const temp = temps[i]!;
    const source = store.absolutePath(temp.blob);
    const md5Hash = await md5Base64(source);
    const { size } = await fsp.stat(source);
    const blob = await store.newBlobPath('.raw');
    await fsp.rename(source, blob.abs);
    // The state will name this blob; make the rename durable first.
    await fsyncDir(path.dirname(blob.abs));
    added.push(
      await store.addRawFile(table.id, {
        name: file.name,
        blob: blob.rel,
        size,
        md5Hash,
        contentType: contentTypeFor(file.name),
      }),
    );
  }
  const apiBase = ctx.deps.apiBase();
  ctx.sendJson(201, { kind: 'rawFileList', results: added.map((f) => rawFileJson(f, apiBase)) });
}

/** The file behind `:fileId` and its table, or 404. */
function rawFileParam(ctx: RequestContext): { file: RawFileRecord; table: TableRecord } {
  const id = requireParam(ctx, 'fileId');
  const { state } = ctx.deps.store;
  const file = state.rawFiles[id];
  const table = file ? state.tables[file.tableId] : undefined;
  if (!file || !table) throw notFound(`File ${id} not found`);
  return { file, table };
}

async function downloadRawFile(ctx: RequestContext): Promise<void> {
  const { file, table } = rawFileParam(ctx);
  const head = ctx.method === 'HEAD';
  assertTableAccess(
    ctx.deps.store.state,
    table,
    ctx.caller,
    head ? 'metadata' : 'data',
    `file ${file.id}`,
    head ? 'see it' : 'download it',
  );
  await sendRawFile(ctx, file);
}

const signedUrlBody = z.object({ duration: z.number().int().min(1).max(86_400).default(3600) });

/** `POST /rawFiles/{id}/signedUrl {duration}` → the URL as plain text (spec §3.5). */
async function createSignedUrl(ctx: RequestContext): Promise<void> {
  const { file, table } = rawFileParam(ctx);
  assertTableAccess(ctx.deps.store.state, table, ctx.caller, 'data', `file ${file.id}`, 'download it');
  const { duration } = await ctx.readJson(signedUrlBody);
  const url = signedRawFileUrl(ctx.deps, file.id, Math.floor(ctx.deps.now() / 1000) + duration);
  ctx.res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
  ctx.res.end(url);
}

async function downloadSigned(ctx: RequestContext): Promise<void> {
  const { file } = rawFileParam(ctx);
  checkSignature(ctx, file.id);
  await sendRawFile(ctx, file);
}

function listRawFiles(ctx: RequestContext): void {
  const { table } = ctx.resolveTable(requireParam(ctx, 'table'), { need: 'data' });
  const format = ctx.query.get('format') ?? 'arrow';
  if (format !== 'arrow')
    throw badRequest(`Unsupported format "${format}"; file listings are served as arrow`);
  const files = ctx.deps.store.listRawFiles(table.id);
  // Second precision, like HTTP dates; a file added within the same second still counts.
  const lastModified = Math.max(table.updatedAt, ...files.map((f) => f.addedAt));
  const since = ctx.headers['if-modified-since'];
  if (since && Math.floor(lastModified / 1000) <= Math.floor(Date.parse(since) / 1000)) {
    ctx.res.writeHead(304, { 'Last-Modified': new Date(lastModified).toUTCString() });
    ctx.res.end();
    return;
  }
  const body = rawFileListingIpc(
    files,
    ctx.query.get('fileIdVariable') || 'file_id',
    ctx.query.get('fileNameVariable') || 'file_name',
  );
  ctx.res.writeHead(200, {
    'Content-Type': 'application/vnd.apache.arrow.stream',
    'Content-Length': body.length,
    'Last-Modified': new Date(lastModified).toUTCString(),
  });
  ctx.res.end(ctx.method === 'HEAD' ? undefined : body);
}

export const rawFilesRoutes: RouteModule = {
  register(router) {
    router.add('POST', '/api/v1/tables/:table/rawFiles', addRawFiles);
    router.add('GET', '/api/v1/tables/:table/rawFiles', listRawFiles);
    router.add('GET', '/api/v1/rawFiles/:fileId', downloadRawFile);
    router.add('POST', '/api/v1/rawFiles/:fileId/signedUrl', createSignedUrl);
    router.add('GET', '/signed/rawFiles/:fileId', downloadSigned);
  },
};
