import { z } from 'zod';
import type { RedivisApiClient } from '../apiClient';
import { getResource, sendForResource } from './resource';

/** The Query resource (spec §3.6): outputs are null until the query completed. */
export const querySchema = z.looseObject({
  id: z.string().min(1),
  status: z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']),
  errorMessage: z.string().nullish(),
  outputNumRows: z.number().nullish(),
  outputNumBytes: z.number().nullish(),
  outputSchema: z.array(z.looseObject({ name: z.string(), type: z.string() })).nullish(),
});
export type ApiQuery = z.output<typeof querySchema>;

export interface CreateQuery {
  sql: string;
  defaultDataset?: string;
  /** How long Redivis may hold the request before answering `queued` or `running` (0–60,000). */
  timeoutMs: number;
}

/** POST /queries (spec §7.2). */
export function createQuery(
  api: RedivisApiClient,
  request: CreateQuery,
  signal?: AbortSignal,
): Promise<ApiQuery> {
  const body: Record<string, unknown> = { query: request.sql, timeoutMs: request.timeoutMs };
  if (request.defaultDataset) body.defaultDataset = request.defaultDataset;
  return sendForResource(api, 'POST', '/queries', querySchema, 'query', { body, signal, what: 'this query' });
}

/** GET /queries/{id}. */
export function getQuery(api: RedivisApiClient, queryId: string, signal?: AbortSignal): Promise<ApiQuery> {
  return getResource(api, `/queries/${encodeURIComponent(queryId)}`, querySchema, 'query', {
    signal,
    what: 'this query',
  });
}
