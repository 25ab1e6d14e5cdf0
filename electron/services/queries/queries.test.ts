import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CATEGORIES, measurementValue } from '../../../emulator/src/demo/largeTable';
import type { QueryRun } from '../../../shared/contract/queryModel';
import { queryResultRef } from '../../../shared/contract/rowSource';
import { readCsvFile } from '../exports/testing/exportTestData';
import { startExportTestKit, type ExportTestKit } from '../exports/testing/exportTestKit';
import { downloadTable } from '../exports/download/tableDownload';
import { dispatch } from '../host/dispatch';
import { EventBus } from '../host/eventBus';
import type { ChannelHandlers } from '../host/handlers';
import type { ServiceContext } from '../serviceContext';
import { memorySettings } from '../settings/settingsStore';
import { createQueriesHandlers } from './queriesHandlers';
import { runQuery } from './queryRunner';

const ROWS = 20_000;
let kit: ExportTestKit;
let events: EventBus;
let queries: ChannelHandlers['queries'];
const call = { clientId: 'window-1' };

beforeAll(async () => {
  kit = await startExportTestKit({ largeRows: ROWS });
  events = new EventBus();
  const context = {
    api: kit.api,
    events,
    settings: memorySettings(),
    config: { dataDir: join(kit.outDir, 'app') },
    ports: { openPath: async () => undefined },
  } as unknown as ServiceContext;
  queries = createQueriesHandlers(context);
});
afterAll(async () => kit?.close());
beforeEach(() => kit.emulator.faults.clear());

/** Runs through the handler and collects every update until the run ends. */
async function runToEnd(runId: string, sql: string, defaultDataset?: string): Promise<QueryRun[]> {
  const updates: QueryRun[] = [];
  const ended = new Promise<void>((resolve) => {
    const stop = events.attach((name, payload) => {
      const run = payload as QueryRun;
      if (name !== 'queries.updated' || run.runId !== runId) return;
      updates.push(run);
      if (['completed', 'failed', 'cancelled'].includes(run.status)) {
        stop();
        resolve();
      }
    });
  });
  await queries.run({ runId, sql, defaultDataset }, call);
  await ended;
  return updates;
}

/** Per category: rows and the sum of non-null values, computed from the generator itself. */
function expectedByCategory() {
  const out = new Map<string, { n: number; sum: number }>();
  for (let i = 1; i <= ROWS; i++) {
    const category = CATEGORIES[i % CATEGORIES.length] as string;
    const entry = out.get(category) ?? { n: 0, sum: 0 };
    entry.n += 1;
    entry.sum += measurementValue(i) ?? 0;
    out.set(category, entry);
  }
  return out;
}

describe('running queries on Redivis', () => {
  it('runs a GROUP BY, reports its result, and the result exports like a table', async () => {
    const updates = await runToEnd(
      'group-1',
      'SELECT category, COUNT(*) AS n, ROUND(SUM(value), 2) AS total FROM measurements GROUP BY category ORDER BY category',
      'demo.large_sample',
    );
    const last = updates.at(-1) as QueryRun;
    expect(updates[0]?.status).toBe('submitting');
    expect(last).toMatchObject({ status: 'completed', outputNumRows: 8 });
    expect(last.outputSchema?.map((c) => c.name)).toEqual(['category', 'n', 'total']);
    expect(last.queryId).toBeTruthy();

    const target = join(kit.outDir, 'by-category.csv');
    await downloadTable({
      api: kit.api,
      tableRef: queryResultRef(last.queryId as string),
      format: 'csv',
      target,
      signal: new AbortController().signal,
    });
    const rows = await readCsvFile(target);
    const expected = expectedByCategory();
    expect(rows.map((r) => r.category)).toEqual([...CATEGORIES].sort());
    for (const row of rows) {
      const want = expected.get(row.category as string);
      expect(Number(row.n)).toBe(want?.n);
      expect(Number(row.total)).toBeCloseTo(want?.sum ?? NaN, 2);
    }
  });

  it('shows queued or running while a slowed query waits, then completes', async () => {
    // Longer than the app's first request waits (2 s), so the answer is "not done yet".
    kit.emulator.faults.slowQueries({ count: 1, delayMs: 3_500 });
    const updates = await runToEnd('slow-1', 'SELECT 1 + 1 AS two');
    const statuses = updates.map((u) => u.status);
    expect(statuses).toContain('running');
    expect(statuses.at(-1)).toBe('completed');
    expect(updates.at(-1)?.outputNumRows).toBe(1);
  });

  it('cancel stops waiting, and says that Redivis may still finish the query', async () => {
    kit.emulator.faults.slowQueries({ count: 1, delayMs: 5_000 });
    const updates: QueryRun[] = [];
    const stop = events.attach(
      (name, payload) => name === 'queries.updated' && updates.push(payload as QueryRun),
    );
    const accepted = await queries.run({ runId: 'cancel-1', sql: 'SELECT 42 AS answer' }, call);
    expect(['queued', 'running']).toContain(accepted.status);
    queries.cancel({ runId: 'cancel-1' }, call);
    await expect.poll(() => updates.at(-1)?.status).toBe('cancelled');
    stop();
    expect(updates.at(-1)?.error?.message).toMatch(/Redivis may still finish/);
  });

  it('a syntax error fails with its message and the place it names', async () => {
    const updates = await runToEnd(
      'bad-1',
      'SELECT category,\n  COUNT(*) FROM FROM `demo.large_sample.measurements`',
    );
    const last = updates.at(-1) as QueryRun;
    expect(last.status).toBe('failed');
    expect(last.error?.message).toMatch(/syntax error/i);
    // The second FROM: line 2, column 17 (counted by hand).
    expect(last.errorPosition).toEqual({ line: 2, column: 17 });
  });

  it('a table the user cannot see fails with Redivis message, not a crash', async () => {
    const updates = await runToEnd('missing-1', 'SELECT * FROM `demo.no_such_dataset.nothing`');
    const last = updates.at(-1) as QueryRun;
    expect(last.status).toBe('failed');
    expect(last.error?.message).toMatch(/not found|no_such_dataset/i);
  });

  it('keeps polling through 429 and 503 answers', async () => {
    kit.emulator.faults.slowQueries({ count: 1, delayMs: 800 });
    kit.emulator.faults.failNext({
      count: 2,
      status: 503,
      retryAfterSeconds: 0,
      pathPrefix: '/api/v1/queries/',
    });
    const updates = await runQuery({
      api: kit.api,
      runId: 'flaky-1',
      sql: 'SELECT 7 AS seven',
      signal: new AbortController().signal,
      onUpdate: () => undefined,
      firstPollMs: 50,
    });
    expect(updates).toMatchObject({ status: 'completed', outputNumRows: 1 });
    kit.emulator.faults.failNext({
      count: 1,
      status: 429,
      retryAfterSeconds: 0,
      pathPrefix: '/api/v1/queries',
    });
    const limited = await runQuery({
      api: kit.api,
      runId: 'flaky-2',
      sql: 'SELECT 8 AS eight',
      signal: new AbortController().signal,
      onUpdate: () => undefined,
    });
    expect(limited.status).toBe('completed');
  });
});

describe('before a query runs', () => {
  it('names the tables a query reads with their sizes, and the ones it cannot find', async () => {
    const inspection = await queries.inspect(
      {
        sql: 'SELECT * FROM measurements m JOIN `demo.iris_species.iris` i ON TRUE JOIN `demo.nope.gone` g ON TRUE',
        defaultDataset: 'demo.large_sample',
      },
      call,
    );
    expect(inspection.tables.map((t) => t.reference)).toEqual([
      'demo.large_sample.measurements',
      'demo.iris_species.iris',
      'demo.nope.gone',
    ]);
    expect(inspection.tables[0]).toMatchObject({ numRows: ROWS });
    expect(inspection.tables[1]).toMatchObject({ numRows: 150 });
    expect(inspection.tables[2]?.problem).toBeTruthy();
    expect(inspection.largeSelectStar).toEqual([]);
  });
});

describe('history and saved queries', () => {
  it('records every run, searchable by its text', async () => {
    const all = await queries.history({}, call);
    expect(all.length).toBeGreaterThanOrEqual(5);
    const found = await queries.history({ search: 'group by CATEGORY' }, call);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ runId: 'group-1', status: 'completed', outputNumRows: 8 });
    expect(found[0]?.durationMs).toBeGreaterThanOrEqual(0);
    const file = JSON.parse(await readFile(join(kit.outDir, 'app', 'query-history.json'), 'utf8')) as {
      entries: unknown[];
    };
    expect(file.entries.length).toBe(all.length);
  });

  it('saves and opens plain .sql files in its folder, and refuses paths', async () => {
    const saved = await queries.save({ fileName: 'species.sql', sql: 'SELECT 1', overwrite: false }, call);
    expect(saved.fileName).toBe('species.sql');
    const { folder, files } = await queries.listSaved(undefined, call);
    expect(files.map((f) => f.fileName)).toEqual(['species.sql']);
    expect(await readFile(join(folder, 'species.sql'), 'utf8')).toBe('SELECT 1');
    await expect(
      Promise.resolve(queries.save({ fileName: 'species.sql', sql: 'SELECT 2', overwrite: false }, call)),
    ).rejects.toThrow(/already exists/);
    await queries.save({ fileName: 'species.sql', sql: 'SELECT 2', overwrite: true }, call);
    expect(await queries.open({ fileName: 'species.sql' }, call)).toEqual({ sql: 'SELECT 2' });
    const handlers = { queries } as unknown as ChannelHandlers;
    for (const fileName of ['../escape.sql', '/etc/x.sql', 'a\\b.sql', 'notes.txt']) {
      const outcome = await dispatch(handlers, 'queries.open', { fileName }, call);
      expect(outcome, fileName).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
  });

  it('keeps open tabs and their unsaved text', async () => {
    const tabs = { tabs: [{ id: 't1', title: 'Species', sql: 'SELECT 3 -- not saved' }], activeId: 't1' };
    await queries.saveTabs(tabs, call);
    expect(await queries.loadTabs(undefined, call)).toEqual(tabs);
  });
});
