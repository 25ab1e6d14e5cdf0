import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogPage, CatalogPlaces, DatasetSummary } from '../../../shared/contract/catalogModel';
import type { Outcome } from '../../../shared/contract/errors';
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

const resolve = async (input: string) => bed.call('catalog.resolveReference', { input });

describe('reference bar resolution', () => {
  it('goes to a pinned table, a dataset, a workflow and an owner', async () => {
    const table = value<{ kind: string; tableRef: string }>(await resolve('demo.iris_species:v1_0.iris'));
    expect(table.kind).toBe('table');
    expect(table.tableRef).toMatch(/^demo\.iris_species:[a-z0-9]{4}:v1_0\.iris:[a-z0-9]{4}$/);

    const dataset = value<{ kind: string; datasetRef: string }>(await resolve('demo.types_showcase:next'));
    expect(dataset).toMatchObject({ kind: 'dataset', datasetRef: expect.stringMatching(/:next$/) });

    const byDisplayName = value<{ kind: string }>(await resolve('demo.Iris species'));
    expect(byDisplayName.kind).toBe('dataset');

    expect(value(await resolve('demo_user.example_workflow'))).toMatchObject({ kind: 'workflow' });
    expect(value(await resolve('demo'))).toEqual({ kind: 'owner', owner: 'demo', ownerKind: 'organization' });
    expect(value(await resolve('demo_user'))).toEqual({
      kind: 'owner',
      owner: 'demo_user',
      ownerKind: 'user',
    });
  });

  it('follows redivis.com links, including id-only ones', async () => {
    const named = value<{ datasetRef: string }>(
      await resolve('https://redivis.com/demo/datasets/iris_species?v=1.0'),
    );
    expect(named.datasetRef).toMatch(/^demo\.iris_species:[a-z0-9]{4}:v1_0$/);

    const list = value<CatalogPage<DatasetSummary>>(
      await bed.call('catalog.listDatasets', { owner: { kind: 'organization', name: 'demo' } }),
    );
    const iris = list.items.find((d) => d.name === 'Iris species');
    expect(iris?.id).toBeTruthy();
    const byId = value<{ kind: string; datasetRef: string }>(
      await resolve(`https://redivis.com/datasets/${iris?.id ?? ''}?v=2.0`),
    );
    expect(byId).toEqual({ kind: 'dataset', datasetRef: `${iris?.ref ?? ''}:v2_0` });
  });

  it('explains malformed and unknown references', async () => {
    const malformed = await resolve('demo.iris_species:v1_0:v2_0');
    expect(malformed).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    const unknown = await resolve('demo.no_such_dataset');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const nobody = await resolve('nobody_at_all');
    expect(nobody).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringMatching(/nobody_at_all/) },
    });
    // A dataset that exists, at a version it does not have: the version is named, not the dataset.
    const missingVersion = await resolve('demo.iris_species:v9_9');
    expect(missingVersion).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'Iris species has no version v9.9 that you can see.' },
    });
    const missingTableVersion = await resolve('demo.iris_species:v9_9.iris');
    expect(missingTableVersion).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no version v9\.9/) },
    });
    const noNext = await resolve('demo.iris_species:next');
    expect(noNext).toMatchObject({
      ok: false,
      error: { message: 'Iris species has no unreleased (next) version that you can see.' },
    });
    const foreign = await resolve('https://example.com/demo/datasets/iris');
    expect(foreign).toMatchObject({
      ok: false,
      error: { code: 'bad_input', message: expect.stringMatching(/redivis\.com/) },
    });
  });
});

describe('sidebar places', () => {
  it('presets the demo organization on the demo server and remembers visits', async () => {
    const initial = value<CatalogPlaces>(await bed.call('catalog.places'));
    expect(initial.organizations).toContainEqual(expect.objectContaining({ name: 'demo', source: 'preset' }));

    await bed.call('catalog.getTable', { tableRef: 'demo.iris_species:v1_0.iris' });
    await bed.call('catalog.getDataset', { datasetRef: 'demo_user.my_uploads' });
    const after = value<CatalogPlaces>(await bed.call('catalog.places'));
    expect(after.recent.map((r) => [r.kind, r.name])).toEqual(
      expect.arrayContaining([
        ['dataset', 'My uploads'],
        ['table', 'iris'],
      ]),
    );
    expect(after.recent[0]?.name).toBe('My uploads');
    expect(bed.events.some((e) => e.name === 'catalog.placesChanged')).toBe(true);
  });

  it('tells versions and samples of one dataset apart in Recent', async () => {
    await bed.call('catalog.getDataset', { datasetRef: 'demo.iris_species:v1_0' });
    await bed.call('catalog.getDataset', { datasetRef: 'demo.iris_species' });
    await bed.call('catalog.getDataset', { datasetRef: 'demo.iris_species:current' });
    await bed.call('catalog.getDataset', { datasetRef: 'demo.large_sample:sample' });
    const { recent } = value<CatalogPlaces>(await bed.call('catalog.places'));
    const datasets = recent.filter((r) => r.kind === 'dataset').map((r) => r.ref);
    // Reference ids are kept (`demo.iris_species:k9bp`); what follows them tells the visits apart.
    expect(datasets.slice(0, 3)).toEqual([
      expect.stringMatching(/^demo\.large_sample:\w+:sample$/),
      expect.stringMatching(/^demo\.iris_species:\w+$/),
      expect.stringMatching(/^demo\.iris_species:\w+:v1_0$/),
    ]);
  });

  it('adds existing organizations only', async () => {
    const missing = await bed.call('catalog.addOrganization', { name: 'no_such_org' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const notOrg = await bed.call('catalog.addOrganization', { name: 'demo_user' });
    expect(notOrg).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const removed = value<CatalogPlaces>(await bed.call('catalog.removeOrganization', { name: 'demo' }));
    // The preset stays on the demo server.
    expect(removed.organizations.map((o) => o.name)).toContain('demo');
  });
});
