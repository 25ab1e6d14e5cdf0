/** Helpers for query tests: run a query to completion and read its rows as JSON objects. */
import { expect } from 'vitest';
import { post, type Harness } from './emulatorHarness.js';

export interface QueryJson {
  id: string;
  status: string;
  errorMessage: string | null;
  outputNumRows: number | null;
  outputNumBytes: number | null;
  outputSchema: { name: string; type: string }[] | null;
}

export type Row = Record<string, unknown>;

export async function submit(
  h: Harness,
  query: string,
  extra: object = {},
  token?: string,
): Promise<Response> {
  return h.api('/queries', { ...post({ query, ...extra }), ...(token ? { token } : {}) });
}

/** Posts a query and polls it until it is completed or failed. */
export async function finish(h: Harness, query: string, extra: object = {}): Promise<QueryJson> {
  const res = await submit(h, query, extra);
  expect(res.status, await res.clone().text()).toBe(200);
  let q = (await res.json()) as QueryJson;
  while (q.status === 'queued' || q.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 50));
    q = await h.json<QueryJson>(`/queries/${q.id}`);
  }
  return q;
}

/** Runs a query that must succeed and returns its rows (JSON lines through `/rows`). */
export async function rows(h: Harness, query: string, extra: object = {}): Promise<Row[]> {
  const q = await finish(h, query, extra);
  expect(q.errorMessage).toBeNull();
  expect(q.status).toBe('completed');
  const text = await (await h.api(`/queries/${q.id}/rows`)).text();
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Row);
}

/** Runs a query that must fail and returns its error message. */
export async function failure(h: Harness, query: string, extra: object = {}): Promise<string> {
  const q = await finish(h, query, extra);
  expect(q.status).toBe('failed');
  return q.errorMessage ?? '';
}
