import { RecordBatchReader } from 'apache-arrow';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../emulator/src/index';
import { medianMs, type Benchmark } from './benchmark';

/**
 * The demo server's SQL engine against reading the same 1M-row table raw, in the same run:
 *  - a GROUP BY over the whole table (submit → completed) vs reading every row through a read
 *    session;
 *  - time to the first result batch of a query (submit, wait, read session, first batch) vs
 *    time to the first batch of the table's own read session.
 * The first query also converts the table to Parquet (once per data dir); it is timed apart.
 */
const ROWS = 1_000_000;
const TABLE = 'demo.large_sample.measurements';
const RUNS = 3;

interface Client {
  emulator: RunningEmulator;
  headers: Record<string, string>;
}

async function json<T>(client: Client, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${client.emulator.apiBase}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: client.headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Reads a read session's first stream; resolves at the first batch or after every batch. */
async function readSession(client: Client, sessionPath: string, untilFirst: boolean): Promise<number> {
  const session = await json<{ streams: { id: string }[] }>(client, sessionPath, { format: 'arrow' });
  let rows = 0;
  for (const stream of session.streams) {
    const res = await fetch(`${client.emulator.apiBase}/readStreams/${stream.id}`, {
      headers: client.headers,
    });
    const reader = await RecordBatchReader.from(res.body as unknown as AsyncIterable<Uint8Array>);
    for await (const batch of reader) {
      rows += batch.numRows;
      if (untilFirst && rows > 0) {
        await reader.cancel();
        return rows;
      }
    }
  }
  return rows;
}

async function runQuery(client: Client, query: string): Promise<string> {
  let q = await json<{ id: string; status: string; errorMessage: string | null }>(client, '/queries', {
    query,
    timeoutMs: 60_000,
  });
  while (q.status === 'queued' || q.status === 'running') q = await json(client, `/queries/${q.id}`);
  if (q.status !== 'completed') throw new Error(`query ${q.status}: ${q.errorMessage ?? ''}`);
  return q.id;
}

const GROUP_BY = `SELECT category, COUNT(*) AS n, AVG(value) AS mean, MIN(day) AS first_day, COUNTIF(is_valid) AS valid
  FROM \`${TABLE}\` GROUP BY category ORDER BY category`;
const FILTERED = `SELECT id, value, category FROM \`${TABLE}\` WHERE value > 500 ORDER BY id`;

const benchmark: Benchmark = {
  name: 'demo server SQL (1M-row table)',
  async run() {
    const dataDir = await mkdtemp(join(tmpdir(), 'redivis-bench-sql-'));
    const emulator = await startEmulator({ dataDir, largeRows: ROWS });
    try {
      const token = await emulator.createApiToken('demo_user', ['public', 'data.data']);
      const client: Client = {
        emulator,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      };
      const tableSession = `/tables/${TABLE}/readSessions`;
      const firstQueryStart = performance.now();
      await runQuery(client, GROUP_BY);
      const firstQueryMs = performance.now() - firstQueryStart;

      const rawAll = await medianMs(RUNS, () => readSession(client, tableSession, false));
      const groupBy = await medianMs(RUNS, () => runQuery(client, GROUP_BY));
      const rawFirst = await medianMs(RUNS, () => readSession(client, tableSession, true));
      const queryFirst = await medianMs(RUNS, async () => {
        const id = await runQuery(client, FILTERED);
        return readSession(client, `/queries/${id}/readSessions`, true);
      });
      return [
        {
          name: 'GROUP BY over 1M rows (submit → completed)',
          value: groupBy,
          unit: 'ms',
          baseline: { name: 'raw read of all 1M rows', value: rawAll },
          ratio: groupBy / rawAll,
          note: `first query on a fresh data dir, with the Parquet conversion: ${firstQueryMs.toFixed(0)} ms`,
        },
        {
          name: 'filtered query (~500k rows): submit to first result batch',
          value: queryFirst,
          unit: 'ms',
          baseline: { name: 'raw read session: first batch', value: rawFirst },
          ratio: queryFirst / rawFirst,
        },
      ];
    } finally {
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
