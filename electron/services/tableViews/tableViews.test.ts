import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, measurementValue } from '../../../emulator/src/demo/largeTable';
import type { EventPayload } from '../../../shared/contract';
import { AppFailure } from '../../../shared/contract/errors';
import { queryResultRef } from '../../../shared/contract/rowSource';
import type { TableView } from '../../../shared/contract/tableViewModel';
import { startExportTestKit, type ExportTestKit } from '../exports/testing/exportTestKit';
import { EventBus } from '../host/eventBus';
import { PreviewService } from '../preview/previewService';
import { runQuery } from '../queries/queryRunner';
import { ColumnProfiles } from './columnProfiles';
import { ViewPages } from './viewPages';
import { ViewQueries } from './viewQueries';

const ROWS = 20_000;
const TABLE = 'demo.large_sample.measurements';
const DAY0_MS = Date.UTC(2020, 0, 1);
let kit: ExportTestKit;
let events: EventBus;
let views: ViewQueries;
let service: PreviewService;

beforeAll(async () => {
  kit = await startExportTestKit({ largeRows: ROWS });
  events = new EventBus();
  views = new ViewQueries(kit.api);
  service = new PreviewService({ api: kit.api, events, views });
});
afterAll(async () => {
  await service?.dispose();
  await kit?.close();
});

/** The demo generator's rows, recomputed here (the independent source of expected answers). */
function generated() {
  return Array.from({ length: ROWS }, (_, index) => {
    const id = index + 1;
    return {
      id,
      value: measurementValue(id),
      category: CATEGORIES[id % CATEGORIES.length] ?? '',
      day: new Date(DAY0_MS + (id % 1461) * 86_400_000).toISOString().slice(0, 10),
    };
  });
}

/** Runs a preview of a view to its end and returns the ids it delivered, in order. */
async function previewIds(view: TableView, maxRows = 1000) {
  const previewId = `p-${Math.random()}`;
  const ids: number[] = [];
  const ended = new Promise<EventPayload<'preview.ended'>>((resolve) => {
    const stop = events.attach((name, payload) => {
      if (name === 'preview.batch') {
        const batch = payload as EventPayload<'preview.batch'>;
        if (batch.previewId !== previewId) return;
        const column = tableFromIPC(batch.ipc).getChild('id');
        for (let i = 0; i < (column?.length ?? 0); i++) ids.push(Number(column?.get(i)));
      }
      if (name === 'preview.ended' && (payload as EventPayload<'preview.ended'>).previewId === previewId) {
        stop();
        resolve(payload as EventPayload<'preview.ended'>);
      }
    });
  });
  const started = await service.start({ previewId, tableRef: TABLE, maxRows, view }, 'window-1');
  expect((await ended).status).toBe('complete');
  return { started, ids };
}

describe('views sorted and filtered on Redivis', () => {
  it('sorts the whole table, not the loaded rows', async () => {
    const { started, ids } = await previewIds({ sorting: [{ id: 'id', desc: true }], filters: [] }, 100);
    expect(started.viewRows).toBe(ROWS);
    expect(started.source).toMatch(/^query:/);
    expect(ids.slice(0, 3)).toEqual([ROWS, ROWS - 1, ROWS - 2]);
    expect(ids).toHaveLength(100);
  });

  it('counts a filtered view as the generator does, in id order when unsorted', async () => {
    const expected = generated().filter((row) => row.category === 'beta');
    const { started, ids } = await previewIds(
      { sorting: [], filters: [{ column: 'category', op: 'eq', value: 'beta' }] },
      5000,
    );
    expect(started.viewRows).toBe(expected.length);
    expect(ids).toEqual(expected.map((row) => row.id));
  });

  it('filters dates between two days and values by comparison', async () => {
    const expected = generated().filter(
      (row) => row.day >= '2021-02-01' && row.day <= '2021-03-15' && row.value !== null && row.value >= 5000,
    );
    const { started } = await previewIds({
      sorting: [{ id: 'value', desc: false }],
      filters: [
        { column: 'day', op: 'between', low: '2021-02-01', high: '2021-03-15' },
        { column: 'value', op: 'ge', value: 5000 },
      ],
    });
    expect(started.viewRows).toBe(expected.length);
  });

  it('answers a hostile filter value with no rows instead of a different query', async () => {
    for (const value of ["beta' OR '1'='1", "beta\\' OR TRUE --", 'beta`) OR (TRUE', 'beta\n']) {
      const { started } = await previewIds({
        sorting: [],
        filters: [{ column: 'category', op: 'eq', value }],
      });
      expect(started.viewRows).toBe(0);
    }
  });

  it('stops waiting for a view when a newer one supersedes it', async () => {
    kit.emulator.faults.slowQueries({ count: 1, delayMs: 10_000 });
    const started = performance.now();
    const older = service.start(
      {
        previewId: 'older',
        tableRef: TABLE,
        maxRows: 10,
        view: { sorting: [{ id: 'value', desc: true }], filters: [] },
      },
      'window-1',
    );
    const outcome = older.then(
      () => 'finished',
      (error: unknown) => (error instanceof AppFailure ? error.appError.code : 'other'),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await service.cancel('older', 'window-1');
    expect(await outcome).toBe('cancelled');
    expect(performance.now() - started).toBeLessThan(5_000);
    const { started: newer, ids } = await previewIds(
      { sorting: [{ id: 'id', desc: false }], filters: [] },
      3,
    );
    expect(newer.viewRows).toBe(ROWS);
    expect(ids).toEqual([1, 2, 3]);
  });

  it('reads windows deep in a view as paged queries', async () => {
    const pages = new ViewPages(kit.api, views);
    const view: TableView = { sorting: [{ id: 'id', desc: true }], filters: [] };
    const page = await pages.page(TABLE, view, ROWS - 5, 10, new AbortController().signal);
    const ids = tableFromIPC(page.ipc).getChild('id');
    expect(page.rows).toBe(5);
    expect(Array.from({ length: 5 }, (_, i) => Number(ids?.get(i)))).toEqual([5, 4, 3, 2, 1]);
  });

  it('views a query result through its own query', async () => {
    const run = await runQuery({
      api: kit.api,
      runId: 'r1',
      sql: `SELECT id, category FROM \`${TABLE}\` WHERE id <= 100`,
      signal: new AbortController().signal,
      onUpdate: () => undefined,
    });
    const ref = queryResultRef(run.queryId ?? '');
    const sql = await views.sql(ref, {
      sorting: [{ id: 'id', desc: true }],
      filters: [{ column: 'category', op: 'in', values: ['alpha', 'gamma'] }],
    });
    const result = await views.run(sql, new AbortController().signal);
    const expected = generated().filter((row) => row.id <= 100 && ['alpha', 'gamma'].includes(row.category));
    expect(result.numRows).toBe(expected.length);
  });

  it('views a query result that named its table under a default dataset', async () => {
    const run = await runQuery({
      api: kit.api,
      runId: 'r2',
      sql: 'SELECT id FROM measurements WHERE id <= 50',
      defaultDataset: 'demo.large_sample',
      signal: new AbortController().signal,
      onUpdate: () => undefined,
    });
    expect(run.status).toBe('completed');
    const ref = queryResultRef(run.queryId ?? '');
    const view: TableView = {
      sorting: [{ id: 'id', desc: true }],
      filters: [{ column: 'id', op: 'gt', value: 40 }],
    };
    // Redivis does not say which dataset a query used; the app's own history does.
    const knowing = new ViewQueries(kit.api, async (id) =>
      id === run.queryId ? 'demo.large_sample' : undefined,
    );
    const result = await knowing.run(await knowing.sql(ref, view), new AbortController().signal);
    expect(result.numRows).toBe(10);
    const guessing = new ViewQueries(kit.api);
    await expect(guessing.run(await guessing.sql(ref, view), new AbortController().signal)).rejects.toThrow();
  });
});

describe('column profiles', () => {
  it('give null counts from the statistics and a histogram that covers every value', async () => {
    const profiles = new ColumnProfiles(kit.api, views);
    let profile = await profiles.profile(TABLE, 'value');
    while (profile.status === 'computing') profile = await profiles.profile(TABLE, 'value');
    const values = generated().flatMap((row) => (row.value === null ? [] : [row.value]));
    expect(profile).toMatchObject({
      status: 'ready',
      nullCount: ROWS - values.length,
      rows: ROWS,
      kind: 'histogram',
    });
    expect(profile.bins?.reduce((sum, bin) => sum + bin.count, 0)).toBe(values.length);
    expect(profile.bins?.length).toBe(20);

    let day = await profiles.profile(TABLE, 'day');
    while (day.status === 'computing') day = await profiles.profile(TABLE, 'day');
    expect(day.kind).toBe('histogram');
    expect(day.bins?.[0]?.value).toBe('2020-01-01');
    expect(day.bins?.reduce((sum, bin) => sum + bin.count, 0)).toBe(ROWS);

    let category = await profiles.profile(TABLE, 'category');
    while (category.status === 'computing') category = await profiles.profile(TABLE, 'category');
    expect(category.kind).toBe('top');
    expect(category.bins?.map((bin) => bin.value).sort()).toEqual([...CATEGORIES].sort());
  });
});
