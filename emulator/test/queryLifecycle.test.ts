/**
 * The query lifecycle (queued → running → completed/failed, `timeoutMs`, 5 running per user)
 * with the slow/fail fault hooks, and reading results through read sessions, `/rows` and
 * `/variables`, including a 10-million-row result read with bounded memory.
 */
import { RecordBatchReader, type RecordBatch } from 'apache-arrow';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { post, SMALL_LARGE_ROWS, startHarness, type Harness } from './emulatorHarness.js';
import { finish, submit, type QueryJson } from './queryClient.js';

const M = '`demo.large_sample.measurements`';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ faults: true });
});
afterAll(async () => {
  await h.stop();
});
beforeEach(() => {
  h.emu.faults.clear();
});

async function posted(query: string, timeoutMs?: number): Promise<QueryJson> {
  const res = await submit(h, query, timeoutMs === undefined ? {} : { timeoutMs });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as QueryJson;
}

/** V8's collector, taken from a fresh context with the flag on only for that moment. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  try {
    const gc = runInNewContext('gc') as () => void;
    return () => gc();
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

const order = ['queued', 'running', 'completed'];

/** Polls until the query has reached `status` or gone past it (a fast query can pass `running` between polls). */
async function until(id: string, status: string): Promise<QueryJson> {
  for (;;) {
    const q = await h.json<QueryJson>(`/queries/${id}`);
    if (q.status === 'failed' || order.indexOf(q.status) >= order.indexOf(status)) return q;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('lifecycle', () => {
  it('returns running when timeoutMs passes first, and the query finishes in the background', async () => {
    h.emu.faults.slowQueries({ count: 1, delayMs: 800 });
    const started = Date.now();
    const q = await posted(`SELECT COUNT(*) AS n FROM ${M}`, 100);
    expect(Date.now() - started).toBeLessThan(700);
    expect(q).toMatchObject({
      status: 'running',
      outputNumRows: null,
      outputSchema: null,
      errorMessage: null,
    });
    const early = await h.api(`/queries/${q.id}/readSessions`, post({}));
    expect(early.status).toBe(400);
    expect(await early.json()).toMatchObject({ error: 'query_not_completed' });
    const done = await until(q.id, 'completed');
    expect(done).toMatchObject({
      status: 'completed',
      outputNumRows: 1,
      outputSchema: [{ name: 'n', type: 'integer' }],
    });
    expect(done.outputNumBytes).toBeGreaterThan(0);
  });

  it('waits for the query by default', async () => {
    h.emu.faults.slowQueries({ count: 1, delayMs: 300 });
    const q = await posted('SELECT 1 AS one');
    expect(q.status).toBe('completed');
  });

  it('runs at most 5 queries per user; the next ones wait queued', { timeout: 90_000 }, async () => {
    h.emu.faults.slowQueries({ count: 6, delayMs: 1500 });
    const queries: QueryJson[] = [];
    for (let i = 0; i < 6; i++) queries.push(await posted(`SELECT ${i} AS i`, 0));
    expect(queries.map((q) => q.status)).toEqual([
      'running',
      'running',
      'running',
      'running',
      'running',
      'queued',
    ]);
    const sixth = queries[5]?.id ?? '';
    expect((await h.json<QueryJson>(`/queries/${sixth}`)).status).toBe('queued');
    // Another user is not held up by demo_user's queue.
    const alice = await h.emu.createApiToken('alice', ['public', 'data.data']);
    const aliceRes = await submit(h, 'SELECT 1 AS one', { timeoutMs: 0 }, alice);
    expect(((await aliceRes.json()) as QueryJson).status).toBe('running');
    // Once a slot is free the sixth starts (it may already have finished by the next poll).
    expect(['running', 'completed']).toContain((await until(sixth, 'running')).status);
    for (const q of queries) expect((await until(q.id, 'completed')).status).toBe('completed');
  });

  it('fails a query on demand and on bad SQL', async () => {
    h.emu.faults.failQueries({ count: 1, message: 'Quota exceeded' });
    const q = await finish(h, 'SELECT 1 AS one');
    expect(q).toMatchObject({ status: 'failed', errorMessage: 'Quota exceeded', outputNumRows: null });
    const bad = await finish(h, 'SELECT FROM WHERE');
    expect(bad.status).toBe('failed');
    expect(bad.errorMessage).toMatch(/^Syntax error: .* at \[1:\d+\]$/);
    const rows = await h.api(`/queries/${bad.id}/rows`);
    expect(rows.status).toBe(400);
    expect(await rows.json()).toMatchObject({ error: 'query_failed' });
  });

  it('arms the query faults over HTTP too', async () => {
    const res = await fetch(`${h.emu.origin}/__emulator/faults`, post({ failQueries: { count: 1 } }));
    expect(res.status).toBe(200);
    expect((await finish(h, 'SELECT 1 AS one')).errorMessage).toBe('Injected query failure');
  });

  it("hides another user's queries", async () => {
    const q = await finish(h, 'SELECT 1 AS one');
    const bob = await h.emu.createApiToken('bob', ['public']);
    expect((await h.api(`/queries/${q.id}`, { token: bob })).status).toBe(404);
  });
});

function ids(batches: RecordBatch[], column = 'id'): number[] {
  return batches.flatMap((b) => [...(b.getChild(column) ?? [])].map((v) => Number(v)));
}

describe('reading results', () => {
  let q: QueryJson;
  beforeAll(async () => {
    q = await finish(h, `SELECT id, category AS cat, value FROM ${M} ORDER BY id DESC`);
    expect(q.status).toBe('completed');
  });

  it('reads several streams, with offset and eosSentinel', async () => {
    const session = await h.json<{ numRows: number; streams: { id: string; numRows: number }[] }>(
      `/queries/${q.id}/readSessions`,
      post({ requestedStreamCount: 3 }),
    );
    expect(session.numRows).toBe(SMALL_LARGE_ROWS);
    expect(session.streams.length).toBeGreaterThan(1);
    const all: number[] = [];
    for (const stream of session.streams) {
      const res = await h.api(`/readStreams/${stream.id}`);
      all.push(...ids(RecordBatchReader.from(new Uint8Array(await res.arrayBuffer())).readAll()));
    }
    expect(all).toEqual(Array.from({ length: SMALL_LARGE_ROWS }, (_, i) => SMALL_LARGE_ROWS - i));
    const first = session.streams[0];
    const resumed = await h.api(`/readStreams/${first?.id}?offset=10&eosSentinel=true`);
    const batches = RecordBatchReader.from(new Uint8Array(await resumed.arrayBuffer())).readAll();
    expect(ids(batches)[0]).toBe(SMALL_LARGE_ROWS - 10);
    expect(batches[batches.length - 1]?.numRows).toBe(0);
  });

  it('reads JSON lines sessions, selected variables and maxResults', async () => {
    const session = await h.json<{ format: string; streams: { id: string }[] }>(
      `/queries/${q.id}/readSessions`,
      post({ format: 'json', selectedVariables: ['CAT', 'id'], maxResults: 3 }),
    );
    expect(session.format).toBe('json');
    const text = await (await h.api(`/readStreams/${session.streams[0]?.id}`)).text();
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => Object.keys(l))).toEqual([
      ['cat', 'id'],
      ['cat', 'id'],
      ['cat', 'id'],
    ]);
    expect(lines.map((l) => l.id)).toEqual([SMALL_LARGE_ROWS, SMALL_LARGE_ROWS - 1, SMALL_LARGE_ROWS - 2]);
  });

  it('lists rows in every format and the variables', async () => {
    const csv = await (
      await h.api(`/queries/${q.id}/rows?format=csv&maxResults=2&selectedVariables=id`)
    ).text();
    expect(csv.trim().split('\n')).toEqual(['id', String(SMALL_LARGE_ROWS), String(SMALL_LARGE_ROWS - 1)]);
    const arrow = await h.api(
      `/queries/${q.id}/rows?format=arrow&selectedVariables=value&selectedVariables=id`,
    );
    const batches = RecordBatchReader.from(new Uint8Array(await arrow.arrayBuffer())).readAll();
    expect(batches[0]?.schema.fields.map((f) => f.name)).toEqual(['value', 'id']);
    expect(ids(batches)).toHaveLength(SMALL_LARGE_ROWS);
    const variables = await h.json<{ results: { name: string; type: string; uri: string }[] }>(
      `/queries/${q.id}/variables`,
    );
    expect(variables.results.map((v) => [v.name, v.type])).toEqual([
      ['id', 'integer'],
      ['cat', 'string'],
      ['value', 'float'],
    ]);
    expect(variables.results[0]?.uri).toBe(`/queries/${q.id}/variables/id`);
  });
});

describe('a 10-million-row result', () => {
  it('streams through a read session with bounded memory', { timeout: 120_000 }, async () => {
    const count = 10_000_000;
    const q = await finish(h, `SELECT x FROM UNNEST(GENERATE_ARRAY(1, ${count})) AS x`);
    expect(q).toMatchObject({ status: 'completed', outputNumRows: count });
    const session = await h.json<{ streams: { id: string }[] }>(`/queries/${q.id}/readSessions`, post({}));
    // Measure live memory, not garbage the collector has not reached yet (timing varies with load).
    const gc = collector();
    gc();
    const baseline = process.memoryUsage();
    let peak = 0;
    let rows = 0;
    let sum = 0n;
    const res = await h.api(`/readStreams/${session.streams[0]?.id}`);
    const body = res.body;
    if (!body) throw new Error('no body');
    const reader = await RecordBatchReader.from(body as unknown as AsyncIterable<Uint8Array>);
    let batches = 0;
    for await (const batch of reader) {
      if (++batches % 16 === 0) gc();
      rows += batch.numRows;
      const column = batch.getChildAt(0)?.data[0]?.values as BigInt64Array | undefined;
      if (column) for (const v of column) sum += v;
      const now = process.memoryUsage();
      peak = Math.max(peak, now.heapUsed + now.arrayBuffers - baseline.heapUsed - baseline.arrayBuffers);
    }
    expect(rows).toBe(count);
    expect(sum).toBe((BigInt(count) * BigInt(count + 1)) / 2n);
    // The result alone is 80 MB of int64; reading it must not hold it.
    expect(peak).toBeLessThan(64 * 1024 * 1024);
  });
});
