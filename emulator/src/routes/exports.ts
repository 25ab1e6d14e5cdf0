/**
 * Exports (spec §3.7, §7.1): `POST /tables/{T}/exports` starts an asynchronous export to csv,
 * ndjson or parquet (split into parts of at most `exportPartMaxRows` rows); poll
 * `GET /exports/{id}`, then download each part with `GET /exports/{id}/download?filePart=N`.
 */
import fsp from 'node:fs/promises';
import { z } from 'zod';
import { ApiError, badRequest, notFound } from '../http/apiError.js';
import type { RequestContext, RouteModule } from '../http/routeModule.js';
import {
  CONTENT_TYPES,
  checkExportFormat,
  partFileName,
  type WritableFormat,
} from '../exports/exportFormats.js';
import { exportJson } from '../exports/exportJson.js';
import { contentDisposition, sendFile } from '../exports/fileResponse.js';
import {
  DEFAULT_EXPORT_PART_MAX_ROWS,
  failInterruptedExports,
  startExportJob,
} from '../exports/runExport.js';
import { outputSchema } from '../readSessions/projection.js';
import { selectVariables } from '../readSessions/sessionPlan.js';
import type { ExportRecord } from '../store/model.js';
import { rowLimit, selectedVariablesField, sourcesOf } from './readSessions.js';
import { requireParam } from './routeHelpers.js';

const createBody = z.object({
  format: z.string().min(1).default('csv'),
  selectedVariables: selectedVariablesField.nullish(),
  maxResults: z
    .union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
    .pipe(z.number().int().min(0))
    .nullish(),
});

async function createExport(ctx: RequestContext): Promise<void> {
  ctx.requireScope('data.data', 'data.edit');
  const resolved = ctx.resolveTable(requireParam(ctx, 'table'), { need: 'data' });
  const body = await ctx.readJson(createBody);
  const format = checkExportFormat(body.format);
  const variables = selectVariables(resolved.table.variables, body.selectedVariables ?? undefined);
  const sources = await sourcesOf(ctx, resolved);
  const limit = rowLimit(resolved, sources, body.maxResults ?? undefined);
  const record = await ctx.deps.store.createExport(resolved.table.id, format, ctx.caller.user?.name ?? null);
  startExportJob(ctx.deps, {
    exportId: record.id,
    format,
    sources,
    output: outputSchema(variables),
    limit,
    partMaxRows: ctx.deps.config.exportPartMaxRows ?? DEFAULT_EXPORT_PART_MAX_ROWS,
  });
  ctx.sendJson(200, exportJson(record, ctx.deps.store.state, ctx.deps.apiBase()));
}

/** Exports are private to the user who created them; others get 404. */
function ownExport(ctx: RequestContext): ExportRecord {
  ctx.requireScope('data.data', 'data.edit');
  const id = requireParam(ctx, 'id');
  const record = ctx.deps.store.state.exports[id];
  if (!record || record.userName !== ctx.caller.user?.name) throw notFound(`Export ${id} not found`);
  return record;
}

function getExport(ctx: RequestContext): void {
  ctx.sendJson(200, exportJson(ownExport(ctx), ctx.deps.store.state, ctx.deps.apiBase()));
}

async function downloadExport(ctx: RequestContext): Promise<void> {
  const record = ownExport(ctx);
  if (record.status !== 'completed') {
    const detail =
      record.status === 'failed' || record.status === 'cancelled'
        ? `it ${record.status}${record.errorMessage ? `: ${record.errorMessage}` : ''}`
        : `it is ${record.status} (${record.percentCompleted}% complete); download once its status is completed`;
    throw new ApiError(400, 'export_not_ready', `Export ${record.id} cannot be downloaded: ${detail}`);
  }
  const partText = ctx.query.get('filePart') ?? '0';
  const part = Number(partText);
  if (!/^\d+$/.test(partText) || part >= record.files.length) {
    throw badRequest(`filePart must be an integer from 0 to ${record.files.length - 1}`);
  }
  const abs = ctx.deps.store.absolutePath(record.files[part]!);
  const { size } = await fsp.stat(abs);
  const table = ctx.deps.store.state.tables[record.tableId];
  const name = partFileName(table?.name ?? record.id, record.format, part, record.files.length);
  await sendFile(ctx, abs, size, {
    'Content-Type': CONTENT_TYPES[record.format as WritableFormat],
    'Content-Disposition': contentDisposition(name),
  });
}

export const exportsRoutes: RouteModule = {
  register(router, deps) {
    failInterruptedExports(deps);
    router.add('POST', '/api/v1/tables/:table/exports', createExport);
    router.add('GET', '/api/v1/exports/:id', getExport);
    router.add('GET', '/api/v1/exports/:id/download', downloadExport);
  },
};
