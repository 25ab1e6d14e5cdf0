import { AppFailure, appError } from '../../../shared/contract/errors';
import type { QueryRun } from '../../../shared/contract/queryModel';
import type { RedivisApiClient } from '../redivis/apiClient';
import { sleep } from '../redivis/retryPolicy';
import { createQuery, getQuery, type ApiQuery } from '../redivis/api/queries';
import { errorPositionOf } from './errorPosition';

export interface QueryRunOptions {
  api: RedivisApiClient;
  runId: string;
  sql: string;
  defaultDataset?: string;
  signal: AbortSignal;
  /** Every change of state, the first one included. */
  onUpdate: (run: QueryRun) => void;
  /** How long the first request may wait on Redivis (short, so "queued" shows at once). */
  submitTimeoutMs?: number;
  /** Poll interval: starts small, grows by half each time up to the cap. */
  firstPollMs?: number;
  maxPollMs?: number;
  now?: () => number;
}

/**
 * Runs one query on Redivis and follows it to its end: POST with a short `timeoutMs`, then
 * polls with backoff (429 and 503 are retried by the API client as everywhere). Cancelling only
 * stops the waiting: Redivis has no way to cancel a query, so it may still finish.
 */
export async function runQuery(options: QueryRunOptions): Promise<QueryRun> {
  const now = options.now ?? Date.now;
  let run: QueryRun = { runId: options.runId, status: 'submitting', startedAt: now() };
  const update = (next: Partial<QueryRun>) => {
    run = { ...run, ...next };
    options.onUpdate(run);
    return run;
  };
  options.onUpdate(run);
  try {
    let query = await createQuery(
      options.api,
      {
        sql: options.sql,
        defaultDataset: options.defaultDataset,
        timeoutMs: options.submitTimeoutMs ?? 2_000,
      },
      options.signal,
    );
    update(fromQuery(query));
    let wait = options.firstPollMs ?? 250;
    while (query.status === 'queued' || query.status === 'running') {
      await sleep(wait, options.signal);
      wait = Math.min(Math.round(wait * 1.5), options.maxPollMs ?? 2_000);
      const next = await getQuery(options.api, query.id, options.signal);
      if (next.status !== query.status) update(fromQuery(next));
      query = next;
    }
    return update({ ...fromQuery(query), finishedAt: now() });
  } catch (error) {
    if (options.signal.aborted) {
      return update({
        status: 'cancelled',
        finishedAt: now(),
        error: appError(
          'cancelled',
          'Stopped waiting. Redivis may still finish this query; its result is not shown.',
        ),
      });
    }
    const failure =
      error instanceof AppFailure
        ? error.appError
        : appError('internal', 'The query could not be followed.', {
            detail: error instanceof Error ? error.message : String(error),
            action: 'retry',
          });
    return update({ status: 'failed', finishedAt: now(), error: failure });
  }
}

function fromQuery(query: ApiQuery): Partial<QueryRun> {
  const base: Partial<QueryRun> = { queryId: query.id, status: query.status };
  if (query.status === 'completed') {
    return {
      ...base,
      outputNumRows: query.outputNumRows ?? 0,
      outputNumBytes: query.outputNumBytes ?? 0,
      outputSchema: query.outputSchema ?? [],
    };
  }
  if (query.status === 'failed' || query.status === 'cancelled') {
    const message =
      query.errorMessage || (query.status === 'cancelled' ? 'The query was cancelled.' : 'The query failed.');
    return {
      ...base,
      error: appError('bad_input', message),
      errorPosition: errorPositionOf(message),
    };
  }
  return base;
}
