import { z } from 'zod';
import { AppFailure, appError } from '../../../shared/contract/errors';
import type { RedivisApiClient } from '../redivis/apiClient';

/** The Query resource (spec §3.6): outputs are null until the query completed. */
const rawQuerySchema = z.object({
  id: z.string().min(1),
  status: z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']),
  errorMessage: z.string().nullish(),
  outputNumRows: z.number().nullish(),
  outputNumBytes: z.number().nullish(),
  outputSchema: z.array(z.object({ name: z.string(), type: z.string() })).nullish(),
});
export type RawQuery = z.infer<typeof rawQuerySchema>;

function checked(body: unknown, what: string): RawQuery {
  const parsed = rawQuerySchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppFailure(
    appError('server', `Redivis answered about ${what} in an unexpected shape.`, {
      detail: issue ? `${issue.path.join('.') || '(body)'}: ${issue.message}` : undefined,
    }),
  );
}

export interface CreateQuery {
  sql: string;
  defaultDataset?: string;
  /** How long Redivis may hold the request before answering `queued` or `running` (0–60,000). */
  timeoutMs: number;
}

/** POST /queries (spec §7.2). */
export async function createQuery(
  api: RedivisApiClient,
  request: CreateQuery,
  signal?: AbortSignal,
): Promise<RawQuery> {
  const body: Record<string, unknown> = { query: request.sql, timeoutMs: request.timeoutMs };
  if (request.defaultDataset) body.defaultDataset = request.defaultDataset;
  return checked(await api.json('POST', '/queries', { body, signal, what: 'this query' }), 'the query');
}

/** GET /queries/{id}. */
export async function getQuery(
  api: RedivisApiClient,
  queryId: string,
  signal?: AbortSignal,
): Promise<RawQuery> {
  return checked(
    await api.get(`/queries/${encodeURIComponent(queryId)}`, { signal, what: 'this query' }),
    'the query',
  );
}
