import { z } from 'zod';
import { notFound } from '../http/apiError.js';
import type { RequestContext, RouteModule } from '../http/routeModule.js';
import type { ResolvedTable } from '../refs/resolveTable.js';
import { sampleRowCount, tableSources, type RowSource } from '../store/tableSources.js';
import { fileIndexSources } from '../readSessions/fileIndexRows.js';
import {
  planPerSourceStreams,
  planSplitStreams,
  selectVariables,
  type StreamPlan,
} from '../readSessions/sessionPlan.js';
import { sessionsOf, type ReadFormat, type ReadSession } from '../readSessions/sessionRegistry.js';
import { variableTypeFor } from '../store/variables.js';
import { tableUri } from '../serialize/references.js';
import { requireParam } from './routeHelpers.js';

/** Documented as "a comma separated list" typed string[]: both shapes are accepted. */
export const selectedVariablesField = z.union([
  z.array(z.string().min(1)),
  z.string().transform((text) =>
    text
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  ),
]);

export const readSessionBody = z.object({
  // `json` is the documented name of newline-delimited JSON; `jsonl` is what the emulator used.
  format: z.enum(['arrow', 'json', 'jsonl', 'csv']).default('arrow'),
  // Documented as a string; clients send numbers.
  maxResults: z
    .union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
    .pipe(z.number().int().min(0))
    .optional(),
  selectedVariables: selectedVariablesField.optional(),
  requestedStreamCount: z.number().int().min(1).max(1000).default(1),
  allowAnonymousAccess: z.boolean().default(false),
});

export type ReadSessionRequest = z.infer<typeof readSessionBody>;

export function readSessionJson(session: ReadSession): Record<string, unknown> {
  return {
    kind: 'readSession',
    id: session.id,
    uri: `/readSessions/${session.id}`,
    parentUri: session.parentUri,
    format: session.formatName,
    createdAt: session.createdAt,
    expiresAt: session.expiresAt,
    numRows: session.numRows,
    allowAnonymousAccess: session.allowAnonymousAccess,
    streams: session.streams.map((s) => ({
      kind: 'readStream',
      id: s.id,
      uri: `/readStreams/${s.id}`,
      estimatedRows: s.plan.numRows,
      numRows: s.plan.numRows,
      uploadName: s.plan.uploadName,
      schema: s.plan.schema.fields.map((f) => ({ name: f.name, type: variableTypeFor(f.type) })),
    })),
  };
}

/** Registers a session over the given plans and answers with its JSON. */
export function createSession(
  ctx: RequestContext,
  body: ReadSessionRequest,
  plans: StreamPlan[],
  parentUri: string,
): void {
  const now = ctx.deps.now();
  const session = sessionsOf(ctx.deps).create(
    {
      createdBy: ctx.caller.user?.name ?? null,
      allowAnonymousAccess: body.allowAnonymousAccess,
      format: body.format === 'json' ? 'jsonl' : (body.format as ReadFormat),
      formatName: body.format,
      createdAt: now,
      expiresAt: now + ctx.deps.config.readSessionTtlSeconds * 1000,
      numRows: plans.reduce((sum, p) => sum + p.numRows, 0),
      parentUri,
    },
    plans,
  );
  ctx.sendJson(200, readSessionJson(session));
}

export async function sourcesOf(ctx: RequestContext, resolved: ResolvedTable): Promise<RowSource[]> {
  if (resolved.table.isFileIndex) return fileIndexSources(ctx.deps.store, resolved.table);
  return tableSources(ctx.deps.store.state, resolved.table);
}

/** Row cap from maxResults and, for `:sample` references, the dataset's sample ratio. */
export function rowLimit(
  resolved: ResolvedTable,
  sources: RowSource[],
  maxResults: number | undefined,
): number | null {
  let limit = maxResults ?? null;
  const ratio = resolved.dataset?.sampleConfiguration?.targetRatio;
  if (resolved.isSample && ratio !== undefined) {
    const total = sources.reduce((sum, s) => sum + s.segment.numRows, 0);
    const sample = sampleRowCount(total, ratio);
    limit = limit === null ? sample : Math.min(limit, sample);
  }
  return limit;
}

async function tableSession(ctx: RequestContext): Promise<void> {
  const resolved = ctx.resolveTable(requireParam(ctx, 'table'), { need: 'data' });
  const body = await ctx.readJson(readSessionBody);
  const variables = resolved.table.variables;
  const selected = body.selectedVariables ? selectVariables(variables, body.selectedVariables) : null;
  const sources = await sourcesOf(ctx, resolved);
  const limit = rowLimit(resolved, sources, body.maxResults);
  const dataDir = ctx.deps.store.dataDir;
  const unreleased = resolved.version !== null && !resolved.version.isReleased;
  const plans = unreleased
    ? await planPerSourceStreams(dataDir, sources, selected, variables, limit)
    : await planSplitStreams(dataDir, sources, selected ?? variables, limit, body.requestedStreamCount);
  createSession(ctx, body, plans, tableUri(resolved.table, resolved, resolved.isSample));
}

async function uploadSession(ctx: RequestContext): Promise<void> {
  const resolved = ctx.resolveTable(requireParam(ctx, 'table'), { need: 'data' });
  const upload = ctx.findUpload(resolved.table, requireParam(ctx, 'upload'));
  if (!upload) throw notFound(`Upload ${requireParam(ctx, 'upload')} not found`);
  const body = await ctx.readJson(readSessionBody);
  const selected = body.selectedVariables ? selectVariables(upload.variables, body.selectedVariables) : null;
  const sources: RowSource[] =
    upload.status === 'completed' && upload.data ? [{ segment: upload.data, uploadName: upload.name }] : [];
  const plans = await planSplitStreams(
    ctx.deps.store.dataDir,
    sources,
    selected ?? upload.variables,
    body.maxResults ?? null,
    body.requestedStreamCount,
  );
  const parentUri = `${tableUri(resolved.table, resolved)}/uploads/${encodeURIComponent(upload.name.replace(/\./g, '_'))}`;
  createSession(ctx, body, plans, parentUri);
}

export const readSessionsRoutes: RouteModule = {
  register(router) {
    router.add('POST', '/api/v1/tables/:table/readSessions', tableSession);
    router.add('POST', '/api/v1/tables/:table/uploads/:upload/readSessions', uploadSession);
    router.add('GET', '/api/v1/readSessions/:session', (ctx) => {
      const session = sessionsOf(ctx.deps).session(requireParam(ctx, 'session'));
      const caller = ctx.caller.user?.name ?? null;
      if (!session || (!session.allowAnonymousAccess && session.createdBy !== caller)) {
        throw notFound('Read session not found');
      }
      ctx.sendJson(200, readSessionJson(session));
    });
  },
};
