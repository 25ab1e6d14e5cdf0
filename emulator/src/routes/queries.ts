/**
 * The Queries API (spec §3.6, §7.2): `POST /queries` translates BigQuery SQL for the embedded
 * engine, resolves every table reference with the caller's access (an unknown or forbidden
 * table is the same HTTP error as on `/tables/{ref}`), and runs the query in the background,
 * waiting up to `timeoutMs` for it. SQL that cannot run ends `failed` with the reason. Results
 * are stored segments, read through read sessions, `/rows` and `/variables`.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { ApiError, notFound } from '../http/apiError.js';
import { sendPage } from '../http/pagination.js';
import type { RequestContext, RouteModule } from '../http/routeModule.js';
import { QueryReferences } from '../queries/queryReferences.js';
import { queryJson, type QueryOutputRecord, type QueryRecord } from '../queries/queryRecord.js';
import { failedQuery, findQuery, submitQuery } from '../queries/queryRegistry.js';
import { planSplitStreams, selectVariables } from '../readSessions/sessionPlan.js';
import { variableJson } from '../serialize/variableJson.js';
import { SqlError } from '../sql/sqlError.js';
import { translate } from '../sql/translate.js';
import { createSession, readSessionBody } from './readSessions.js';
import { requireParam } from './routeHelpers.js';
import { sendRows } from './rowsResponse.js';
import { sendStatistics, sendVariable } from './variableStatistics.js';

const DEFAULT_TIMEOUT_MS = 30_000;

const queryBody = z.object({
  query: z.string().min(1).max(256_000),
  defaultDataset: z.string().optional(),
  defaultWorkflow: z.string().optional(),
  defaultProject: z.string().optional(),
  timeoutMs: z.number().int().min(0).max(60_000).optional(),
});

function ownQuery(ctx: RequestContext): QueryRecord {
  const user = ctx.requireUser();
  const query = findQuery(ctx.deps, requireParam(ctx, 'query'));
  if (!query || query.createdBy !== user.name) throw notFound('Query not found');
  return query;
}

/** Results exist only once the query has completed. */
function outputOf(query: QueryRecord): QueryOutputRecord {
  if (query.status === 'completed' && query.output) return query.output;
  if (query.status === 'failed') {
    throw new ApiError(400, 'query_failed', `Query ${query.id} failed: ${query.errorMessage ?? ''}`);
  }
  throw new ApiError(
    400,
    'query_not_completed',
    `Query ${query.id} is ${query.status}; poll it until it completes`,
  );
}

async function postQuery(ctx: RequestContext): Promise<void> {
  const user = ctx.requireUser();
  const body = await ctx.readJson(queryBody);
  const container = body.defaultDataset ?? body.defaultWorkflow ?? body.defaultProject;
  const references = new QueryReferences(ctx, container);
  let record: QueryRecord;
  try {
    const translation = translate(body.query, { relationFor: references.relationFor });
    record = submitQuery(ctx.deps, user.name, body.query, translation, await references.prepare());
  } catch (error) {
    if (!(error instanceof SqlError)) throw error;
    record = failedQuery(ctx.deps, user.name, body.query, error.message);
  }
  const timeout = body.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const waited = new AbortController();
  await Promise.race([
    record.finished,
    delay(timeout, undefined, { signal: waited.signal }).catch(() => undefined),
  ]);
  waited.abort();
  ctx.sendJson(200, queryJson(record, ctx.deps.origin()));
}

export const queriesRoutes: RouteModule = {
  register(router, deps) {
    router.add('POST', '/api/v1/queries', postQuery);

    router.add('GET', '/api/v1/queries/:query', (ctx) =>
      ctx.sendJson(200, queryJson(ownQuery(ctx), deps.origin())),
    );

    router.add('GET', '/api/v1/queries/:query/variables', (ctx) => {
      const query = ownQuery(ctx);
      const output = outputOf(query);
      sendPage(
        ctx,
        'variableList',
        output.variables.map((v, i) => ({ v, i })),
        ({ v, i }) => variableJson(v, i, `/queries/${query.id}`, deps.origin()),
        100,
        10_000,
      );
    });

    router.add('GET', '/api/v1/queries/:query/variables/:variable', async (ctx) => {
      const query = ownQuery(ctx);
      const output = outputOf(query);
      await sendVariable(ctx, `/queries/${query.id}`, output.variables, [
        { segment: output.segment, uploadName: null },
      ]);
    });

    router.add('GET', '/api/v1/queries/:query/variables/:variable/statistics', async (ctx) => {
      const query = ownQuery(ctx);
      const output = outputOf(query);
      await sendStatistics(ctx, `/queries/${query.id}`, output.variables, [
        { segment: output.segment, uploadName: null },
      ]);
    });

    router.add('POST', '/api/v1/queries/:query/readSessions', async (ctx) => {
      const query = ownQuery(ctx);
      const output = outputOf(query);
      const body = await ctx.readJson(readSessionBody);
      const selected = body.selectedVariables
        ? selectVariables(output.variables, body.selectedVariables)
        : output.variables;
      const plans = await planSplitStreams(
        deps.store.dataDir,
        [{ segment: output.segment, uploadName: null }],
        selected,
        body.maxResults ?? null,
        body.requestedStreamCount,
      );
      createSession(ctx, body, plans, `/queries/${query.id}`);
    });

    router.add('GET', '/api/v1/queries/:query/rows', async (ctx) => {
      const output = outputOf(ownQuery(ctx));
      await sendRows(ctx, {
        variables: output.variables,
        sources: [{ segment: output.segment, uploadName: null }],
        cap: (rows) => rows ?? null,
      });
    });
  },
};
