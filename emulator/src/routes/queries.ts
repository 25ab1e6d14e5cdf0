/**
 * A minimal query engine: `SELECT * | col[, col…] FROM \`table reference\` [LIMIT n]`.
 * Anything else is answered with 400 `unsupported_query`. Queries complete synchronously
 * and are kept in memory (they do not survive a restart).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ApiError, notFound } from '../http/apiError.js';
import { sendPage } from '../http/pagination.js';
import type { EmulatorDeps, RequestContext, RouteModule } from '../http/routeModule.js';
import type { ResolvedTable } from '../refs/resolveTable.js';
import type { VariableRecord } from '../store/model.js';
import type { RowSource } from '../store/tableSources.js';
import { planSplitStreams, selectVariables } from '../readSessions/sessionPlan.js';
import { variableJson } from '../serialize/variableJson.js';
import { createSession, readSessionBody, rowLimit, sourcesOf } from './readSessions.js';
import { requireParam } from './routeHelpers.js';

interface QueryRecord {
  id: string;
  createdBy: string;
  query: string;
  createdAt: number;
  sources: RowSource[];
  limit: number | null;
  variables: VariableRecord[];
  numRows: number;
  numBytes: number;
}

const registries = new WeakMap<EmulatorDeps, Map<string, QueryRecord>>();
function queriesOf(deps: EmulatorDeps): Map<string, QueryRecord> {
  let map = registries.get(deps);
  if (!map) registries.set(deps, (map = new Map()));
  return map;
}

const QUERY = /^\s*select\s+(\*|[\w\s,]+?)\s+from\s+`([^`]+)`\s*(?:limit\s+(\d+))?\s*;?\s*$/i;

const queryBody = z.object({
  query: z.string().min(1).max(256_000),
  defaultDataset: z.string().optional(),
  defaultWorkflow: z.string().optional(),
  defaultProject: z.string().optional(),
  timeoutMs: z.number().int().min(0).max(60_000).optional(),
});

function queryJson(q: QueryRecord): Record<string, unknown> {
  return {
    kind: 'query',
    id: q.id,
    uri: `/queries/${q.id}`,
    query: q.query,
    createdAt: q.createdAt,
    status: 'completed',
    errorMessage: null,
    outputNumRows: q.numRows,
    outputNumBytes: q.numBytes,
    outputSchema: q.variables.map((v) => ({ name: v.name, type: v.type })),
  };
}

function findQuery(ctx: RequestContext): QueryRecord {
  const user = ctx.requireUser();
  const query = queriesOf(ctx.deps).get(requireParam(ctx, 'query'));
  if (!query || query.createdBy !== user.name) throw notFound('Query not found');
  return query;
}

export const queriesRoutes: RouteModule = {
  register(router, deps) {
    router.add('POST', '/api/v1/queries', async (ctx) => {
      const user = ctx.requireUser();
      const body = await ctx.readJson(queryBody);
      const match = QUERY.exec(body.query);
      if (!match?.[1] || !match[2]) {
        throw new ApiError(
          400,
          'unsupported_query',
          'The emulator only supports SELECT * (or a column list) FROM `reference` [LIMIT n]',
        );
      }
      let reference = match[2];
      const container = body.defaultDataset ?? body.defaultWorkflow ?? body.defaultProject;
      if (container && reference.split('.').length === 1) reference = `${container}.${reference}`;
      const resolved: ResolvedTable = ctx.resolveTable(reference, { need: 'data' });
      const columns = match[1].trim() === '*' ? null : match[1].split(',').map((c) => c.trim());
      const variables = columns
        ? selectVariables(resolved.table.variables, columns)
        : resolved.table.variables;
      const sources = await sourcesOf(ctx, resolved);
      const limit = rowLimit(resolved, sources, match[3] === undefined ? undefined : Number(match[3]));
      const total = sources.reduce((sum, s) => sum + s.segment.numRows, 0);
      const numRows = limit === null ? total : Math.min(limit, total);
      const bytes = sources.reduce((sum, s) => sum + s.segment.numBytes, 0);
      const record: QueryRecord = {
        id: `${randomBytes(2).toString('hex')}-${randomBytes(5).toString('hex')}`,
        createdBy: user.name,
        query: body.query,
        createdAt: deps.now(),
        sources,
        limit,
        variables,
        numRows,
        numBytes: total > 0 ? Math.round((bytes * numRows) / total) : 0,
      };
      queriesOf(deps).set(record.id, record);
      ctx.sendJson(200, queryJson(record));
    });

    router.add('GET', '/api/v1/queries/:query', (ctx) => ctx.sendJson(200, queryJson(findQuery(ctx))));

    router.add('GET', '/api/v1/queries/:query/variables', (ctx) => {
      const query = findQuery(ctx);
      const origin = deps.origin();
      sendPage(
        ctx,
        'variableList',
        query.variables.map((v, i) => ({ v, i })),
        ({ v, i }) => variableJson(v, i, `/queries/${query.id}`, origin),
      );
    });

    router.add('POST', '/api/v1/queries/:query/readSessions', async (ctx) => {
      const query = findQuery(ctx);
      const body = await ctx.readJson(readSessionBody);
      const selected = body.selectedVariables
        ? selectVariables(query.variables, body.selectedVariables)
        : query.variables;
      const limit =
        body.maxResults === undefined
          ? query.limit
          : Math.min(body.maxResults, query.limit ?? body.maxResults);
      const plans = await planSplitStreams(
        deps.store.dataDir,
        query.sources,
        selected,
        limit,
        body.requestedStreamCount,
      );
      createSession(ctx, body, plans, `/queries/${query.id}`);
    });
  },
};
