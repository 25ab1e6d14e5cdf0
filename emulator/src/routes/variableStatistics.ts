/**
 * Variable and VariableStatistics responses for tables and query results. Statistics are
 * computed on demand: the request waits a moment for them, then answers with the job's status
 * (`queued`/`running`, values null) so clients poll, as they do against Redivis.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { notFound } from '../http/apiError.js';
import type { RequestContext } from '../http/routeModule.js';
import { variableJson } from '../serialize/variableJson.js';
import { statisticsJob } from '../statistics/statisticsJobs.js';
import type { VariableRecord } from '../store/model.js';
import type { RowSource } from '../store/tableSources.js';
import { findVariable } from '../store/variables.js';
import { requireParam } from './routeHelpers.js';

/** How long a request waits for statistics before answering with a pending status. */
export const STATISTICS_WAIT_MS = 2000;

function lookup(ctx: RequestContext, variables: readonly VariableRecord[]): VariableRecord {
  const name = requireParam(ctx, 'variable');
  const variable = findVariable(variables, name);
  if (!variable) throw notFound(`Variable ${name} not found`);
  return variable;
}

async function statisticsBody(
  ctx: RequestContext,
  parentUri: string,
  variables: readonly VariableRecord[],
  sources: readonly RowSource[],
  variable: VariableRecord,
): Promise<Record<string, unknown>> {
  const job = statisticsJob(ctx.deps.store.dataDir, sources, variables, variable);
  const waited = new AbortController();
  await Promise.race([
    job.finished,
    delay(STATISTICS_WAIT_MS, undefined, { signal: waited.signal }).catch(() => undefined),
  ]);
  waited.abort();
  const stats = job.status === 'completed' ? job.result : null;
  return {
    kind: 'variableStatistics',
    uri: `${parentUri}/variables/${encodeURIComponent(variable.name)}/statistics`,
    name: variable.name,
    type: variable.type,
    status: job.status,
    errorMessage: job.errorMessage,
    count: stats?.count ?? null,
    numDistinct: stats?.numDistinct ?? null,
    nullCount: stats?.nullCount ?? null,
    min: stats?.min ?? null,
    max: stats?.max ?? null,
    mean: stats?.mean ?? null,
    approxMedian: stats?.approxMedian ?? null,
    stdDev: stats?.stdDev ?? null,
    // The name earlier emulator versions (and the app) read.
    standardDeviation: stats?.stdDev ?? null,
    frequencyDistribution: stats?.frequencyDistribution ?? null,
  };
}

export async function sendStatistics(
  ctx: RequestContext,
  parentUri: string,
  variables: readonly VariableRecord[],
  sources: readonly RowSource[],
): Promise<void> {
  const variable = lookup(ctx, variables);
  ctx.sendJson(200, await statisticsBody(ctx, parentUri, variables, sources, variable));
}

export async function sendVariable(
  ctx: RequestContext,
  parentUri: string,
  variables: readonly VariableRecord[],
  sources: readonly RowSource[],
): Promise<void> {
  const variable = lookup(ctx, variables);
  ctx.sendJson(200, {
    ...variableJson(variable, variables.indexOf(variable), parentUri, ctx.deps.origin()),
    statistics: await statisticsBody(ctx, parentUri, variables, sources, variable),
  });
}
