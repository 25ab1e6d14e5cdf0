import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogPage, DatasetSummary } from '../../../shared/contract/catalogModel';
import type { Outcome } from '../../../shared/contract/errors';
import { CatalogApi } from './catalogApi';
import { startCatalogTestBed, type CatalogTestBed } from './testing/catalogTestBed';

let bed: CatalogTestBed;

beforeAll(async () => {
  bed = await startCatalogTestBed();
});
afterAll(async () => {
  await bed?.close();
});

function value<T>(outcome: Outcome<unknown>): T {
  if (!outcome.ok) throw new Error(`expected success, got ${JSON.stringify(outcome.error)}`);
  return outcome.value as T;
}

function errorOf(outcome: Outcome<unknown>) {
  if (outcome.ok) throw new Error('expected a failure');
  return outcome.error;
}

describe('catalog service against the emulator', () => {
  it('lists the signed-in user and the demo organization', async () => {
    expect(value(await bed.call('catalog.me'))).toEqual({ name: 'demo_user', fullName: 'Demo User' });
    const page = value<CatalogPage<DatasetSummary>>(
      await bed.call('catalog.listDatasets', { owner: { kind: 'organization', name: 'demo' } }),
    );
    const names = page.items.map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['Iris species', 'Types showcase', 'Restricted overview']));
    expect(names).not.toContain('private_hidden');
    const iris = page.items.find((d) => d.name === 'Iris species');
    expect(iris).toMatchObject({ owner: { kind: 'organization', name: 'demo' }, tableCount: 1 });
    expect(iris?.ref).toMatch(/^demo\.iris_species:[a-z0-9]{4}$/);
  });

  it('follows nextPageToken through every page', async () => {
    const api = new CatalogApi(bed.services.context.api, { pageSize: 2 });
    const all: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const page: CatalogPage<DatasetSummary> = await api.listDatasets(
        { kind: 'organization', name: 'demo' },
        token,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      all.push(...page.items.map((d) => d.ref));
      token = page.nextPageToken;
      pages++;
    } while (token);
    const oneShot = await new CatalogApi(bed.services.context.api, { pageSize: 100 }).listDatasets({
      kind: 'organization',
      name: 'demo',
    });
    expect(pages).toBeGreaterThan(2);
    expect(all).toEqual(oneShot.items.map((d) => d.ref));
    expect(new Set(all).size).toBe(all.length);
  });

  it('shows a dataset with its versions, next version and coverage', async () => {
    const dataset = value<{
      name: string;
      version: { tag: string };
      nextVersion: { tag: string; isReleased: boolean; datasetRef: string } | null;
      baseRef: string;
    }>(await bed.call('catalog.getDataset', { datasetRef: 'demo.types_showcase' }));
    expect(dataset.name).toBe('Types showcase');
    expect(dataset.version.tag).toBe('v1.1');
    expect(dataset.nextVersion).toMatchObject({ isReleased: false });
    expect(dataset.nextVersion?.datasetRef).toBe(`${dataset.baseRef}:next`);
    const versions = value<CatalogPage<{ tag: string; isReleased: boolean; datasetRef: string }>>(
      await bed.call('catalog.listVersions', { datasetRef: 'demo.types_showcase:v1_0' }),
    );
    expect(versions.items.map((v) => [v.tag, v.isReleased])).toEqual(
      expect.arrayContaining([
        ['v1.0', true],
        ['v1.1', true],
        ['next', false],
      ]),
    );
    expect(versions.items.find((v) => v.tag === 'v1.0')?.datasetRef).toBe(`${dataset.baseRef}:v1_0`);
    const large = value<{ temporal?: { from: number; to: number }; geoBBox?: { west: number } }>(
      await bed.call('catalog.getDataset', { datasetRef: 'demo.large_sample' }),
    );
    expect(large.temporal?.from).toBe(Date.UTC(2020, 0, 1));
    expect(large.geoBBox?.west).toBeCloseTo(-124.8);
  });

  it('lists tables with row counts and sizes, variables with labels, and statistics', async () => {
    const tables = value<CatalogPage<{ name: string; numRows: number; numBytes: number; ref: string }>>(
      await bed.call('catalog.listTables', { container: { kind: 'dataset', ref: 'demo.iris_species:v1_0' } }),
    );
    expect(tables.items).toHaveLength(1);
    expect(tables.items[0]).toMatchObject({ name: 'iris', numRows: 150 });
    expect(tables.items[0]?.numBytes).toBeGreaterThan(0);
    const tableRef = tables.items[0]?.ref ?? '';
    const variables = value<CatalogPage<{ name: string; type: string; label?: string }>>(
      await bed.call('catalog.listVariables', { tableRef }),
    );
    expect(variables.items.map((v) => v.name)).toEqual([
      'sepal_length',
      'sepal_width',
      'petal_length',
      'petal_width',
      'species',
    ]);
    const species = value<{ valueLabels: { value: string; label: string }[]; description: string }>(
      await bed.call('catalog.getVariable', { tableRef: 'demo.iris_species.iris', name: 'species' }),
    );
    expect(species.valueLabels).toContainEqual({ value: 'setosa', label: 'Iris setosa' });
    const stats = value<{ status: string; count: number; numDistinct: number }>(
      await bed.call('catalog.getVariableStatistics', { tableRef, name: 'species' }),
    );
    expect(stats).toMatchObject({ status: 'completed', count: 150, numDistinct: 3 });
  });

  it('tells whether a table belongs to an unreleased version', async () => {
    const draft = value<{
      version: { isReleased: boolean; tag: string } | null;
      container: { kind: string };
    }>(await bed.call('catalog.getTable', { tableRef: 'demo_user.my_uploads:next.survey_responses' }));
    expect(draft.container.kind).toBe('dataset');
    expect(draft.version).toMatchObject({ isReleased: false });
    const released = value<{ version: { isReleased: boolean; tag: string } | null }>(
      await bed.call('catalog.getTable', { tableRef: 'demo.iris_species:v1_0.iris' }),
    );
    expect(released.version).toMatchObject({ isReleased: true, tag: 'v1.0' });
  });

  it('browses a workflow and its tables', async () => {
    const workflow = value<{ name: string; ref: string }>(
      await bed.call('catalog.getWorkflow', { workflowRef: 'demo_user.example_workflow' }),
    );
    expect(workflow.name).toBe('Example workflow');
    const tables = value<CatalogPage<{ name: string }>>(
      await bed.call('catalog.listTables', { container: { kind: 'workflow', ref: workflow.ref } }),
    );
    expect(tables.items.map((t) => t.name)).toEqual(['summary']);
    const mine = value<CatalogPage<{ name: string }>>(
      await bed.call('catalog.listWorkflows', { owner: { kind: 'user', name: 'demo_user' } }),
    );
    expect(mine.items.map((w) => w.name)).toContain('Example workflow');
  });
});

describe('catalog errors as data', () => {
  it('maps 404 for hidden datasets to not_found', async () => {
    const error = errorOf(await bed.call('catalog.getDataset', { datasetRef: 'demo.private_hidden' }));
    expect(error.code).toBe('not_found');
    expect(error.message).toMatch(/not found/i);
    expect(error.detail).toContain('404');
  });

  it('explains a restricted table with the server message (403)', async () => {
    const table = value<{ accessLevel: string }>(
      await bed.call('catalog.getTable', { tableRef: 'demo.restricted_overview.records' }),
    );
    expect(table.accessLevel).toBe('overview');
    const error = errorOf(
      await bed.call('catalog.listVariables', { tableRef: 'demo.restricted_overview.records' }),
    );
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/overview access/);
  });

  it('maps a malformed reference (400) to invalid_request with the reason', async () => {
    const error = errorOf(await bed.call('catalog.getDataset', { datasetRef: 'demo.iris:not a version!' }));
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(/reference/i);
  });

  it('maps insufficient_scope (403) and a bad token (401) to actions', async () => {
    const narrow = await startCatalogTestBed(['public']);
    const bogus = await startCatalogTestBed([], { token: 'not-a-real-token' });
    try {
      const error = errorOf(
        await narrow.call('catalog.getTable', { tableRef: 'demo.restricted_metadata.records' }),
      );
      expect(error).toMatchObject({ code: 'insufficient_scope', action: 'grant_access' });
      expect(error.detail).toContain('data.overview');
      const unauthenticated = errorOf(await bogus.call('catalog.me'));
      expect(unauthenticated).toMatchObject({ code: 'unauthenticated', action: 'sign_in' });
    } finally {
      await narrow.close();
      await bogus.close();
    }
  });
});

describe('catalog resilience', () => {
  it('retries a 429 with Retry-After and then succeeds', async () => {
    bed.emulator.faults.failNext({
      count: 1,
      status: 429,
      retryAfterSeconds: 1,
      pathPrefix: '/api/v1/datasets',
    });
    const dataset = value<{ name: string }>(
      await bed.call('catalog.getDataset', { datasetRef: 'demo.types_showcase:v1_1' }),
    );
    expect(dataset.name).toBe('Types showcase');
    // The fault was consumed by the first attempt: the next call is not failed again.
    expect(
      value<{ name: string }>(await bed.call('catalog.getDataset', { datasetRef: 'demo.wide_table' })).name,
    ).toBe('Wide table');
  });

  it('retries 503s and gives up with a retry action when they persist', async () => {
    bed.emulator.faults.failNext({ count: 2, status: 503, pathPrefix: '/api/v1/tables' });
    const table = value<{ name: string }>(
      await bed.call('catalog.getTable', { tableRef: 'demo.wide_table.wide' }),
    );
    expect(table.name).toBe('wide');
    bed.emulator.faults.failNext({
      count: 50,
      status: 429,
      retryAfterSeconds: 0,
      pathPrefix: '/api/v1/users',
    });
    const error = errorOf(
      await bed.call('catalog.listDatasets', { owner: { kind: 'user', name: 'demo_user' } }),
    );
    expect(error).toMatchObject({ code: 'rate_limited', action: 'retry' });
    bed.emulator.faults.clear();
  });

  it("passes on each response's server warning as an app notice (the window shows it once per page)", async () => {
    const before = bed.events.filter((e) => e.name === 'app.notice').length;
    await bed.call('catalog.getDataset', { datasetRef: 'demo.types_showcase:next' });
    await bed.call('catalog.getDataset', { datasetRef: 'demo.types_showcase:next' });
    const notices = bed.events.filter((e) => e.name === 'app.notice').slice(before);
    expect(notices).toHaveLength(2);
    expect(notices[0]?.payload).toMatchObject({
      level: 'warning',
      message: expect.stringMatching(/unreleased/),
    });
  });

  it('cancels the requests of a page view when the user navigates away', async () => {
    bed.emulator.faults.latency(5_000);
    try {
      const pending = bed.call('catalog.getDataset', { datasetRef: 'demo.iris_species', loadId: 'view-1' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(value(await bed.call('catalog.cancel', { loadId: 'view-1' }))).toBeUndefined();
      expect(errorOf(await pending).code).toBe('cancelled');
      // A late request of the same view is refused rather than started.
      const late = await bed.call('catalog.getDataset', {
        datasetRef: 'demo.iris_species',
        loadId: 'view-1',
      });
      expect(errorOf(late).code).toBe('cancelled');
    } finally {
      bed.emulator.faults.latency(0);
    }
    // Another window's view with the same id is unaffected.
    const other = await bed.call(
      'catalog.getDataset',
      { datasetRef: 'demo.iris_species', loadId: 'view-1' },
      'w2',
    );
    expect(value<{ name: string }>(other).name).toBe('Iris species');
  });
});
