import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './emulatorHarness.js';

interface List {
  kind: string;
  results: Record<string, unknown>[];
  nextPageToken: string | null;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

describe('users and organizations', () => {
  it('returns the caller on /users/me', async () => {
    const me = await h.json('/users/me');
    expect(me).toMatchObject({ kind: 'user', name: 'demo_user', fullName: 'Demo User' });
  });

  it('answers 401 invalid_token without scope for anonymous /users/me', async () => {
    const res = await h.api('/users/me', { token: null });
    expect(res.status).toBe(401);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: 'invalid_token', status: 401 });
    expect(body).not.toHaveProperty('scope');
  });

  it('lists organization datasets with pagination and a nextPageToken key', async () => {
    const first = await h.json<List>('/organizations/demo/datasets?maxResults=2');
    expect(first.kind).toBe('datasetList');
    expect(first.results).toHaveLength(2);
    expect(typeof first.nextPageToken).toBe('string');
    const names: unknown[] = first.results.map((d) => d.name);
    let token = first.nextPageToken;
    while (token) {
      const page = await h.json<List>(`/organizations/demo/datasets?maxResults=2&pageToken=${token}`);
      names.push(...page.results.map((d) => d.name));
      token = page.nextPageToken;
    }
    expect(names).toContain('Iris species');
    expect(names).toContain('Restricted overview');
    expect(names).not.toContain('Private hidden');
    const last = await h.json<List>('/organizations/demo/datasets?maxResults=100');
    expect(last.nextPageToken).toBeNull();
    expect(last.results.map((d) => d.name)).toEqual(names);
  });

  it('rejects bad pagination parameters', async () => {
    expect((await h.api('/organizations/demo/datasets?maxResults=0')).status).toBe(400);
    expect((await h.api('/organizations/demo/datasets?pageToken=garbage')).status).toBe(400);
  });

  it('lists user datasets and workflows', async () => {
    const datasets = await h.json<List>('/users/demo_user/datasets');
    expect(datasets.results.map((d) => d.name)).toEqual(['My uploads', 'Scratch']);
    const workflows = await h.json<List>('/users/demo_user/workflows');
    expect(workflows.results.map((w) => w.name)).toEqual(['Example workflow']);
    expect((await h.api('/users/nobody_here/datasets')).status).toBe(404);
  });

  it('lists organization members for members holding organization.read', async () => {
    const members = await h.json<List>('/organizations/demo/members');
    expect(members.results.map((m) => (m.user as { name: string }).name).sort()).toEqual([
      'alice',
      'demo_user',
    ]);
    const limited = await h.emu.createApiToken('demo_user', ['data.data']);
    const res = await h.api('/organizations/demo/members', { token: limited });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'insufficient_scope', scope: 'organization.read' });
  });
});

describe('datasets and versions', () => {
  it('gets a dataset with all documented fields', async () => {
    const ds = await h.json('/datasets/demo.iris_species');
    expect(ds).toMatchObject({
      kind: 'dataset',
      name: 'Iris species',
      qualifiedReference: expect.stringMatching(/^demo\.iris_species:[a-z0-9]{4}$/),
      scopedReference: expect.stringMatching(/^iris_species:[a-z0-9]{4}$/),
      uri: expect.stringMatching(/^\/datasets\/demo\.iris_species:[a-z0-9]{4}$/),
      owner: { kind: 'organization', name: 'demo' },
      version: { tag: 'v2.0', isReleased: true },
      nextVersion: null,
      tableCount: 1,
      publicAccessLevel: 'data',
    });
    expect(ds).toHaveProperty('temporalRange');
    expect(ds).toHaveProperty('geoBBox');
  });

  it('sets temporal range and bbox on the large sample', async () => {
    const ds = await h.json('/datasets/demo.large_sample');
    expect(ds.temporalRange).toEqual([Date.UTC(2020, 0, 1), Date.UTC(2023, 11, 31)]);
    expect(ds.geoBBox).toMatchObject({ westLongitude: -124.8 });
  });

  it('puts HEAD errors in X-Redivis-Error-Payload', async () => {
    const ok = await h.api('/datasets/demo.iris_species', { method: 'HEAD' });
    expect(ok.status).toBe(200);
    const res = await h.api('/datasets/demo.private_hidden', { method: 'HEAD' });
    expect(res.status).toBe(404);
    const payload = JSON.parse(decodeURIComponent(res.headers.get('x-redivis-error-payload') ?? '{}'));
    expect(payload).toMatchObject({ error: 'not_found', status: 404 });
  });

  it('lists versions newest first and gets one by tag', async () => {
    const list = await h.json<List>('/datasets/demo.types_showcase/versions');
    expect(list.results.map((v) => v.tag)).toEqual(['next', 'v1.1', 'v1.0']);
    const v = await h.json('/datasets/demo.types_showcase/versions/v1_0');
    expect(v).toMatchObject({ kind: 'version', tag: 'v1.0', isReleased: true });
    expect(v.datasetUri).toMatch(/:v1_0$/);
    expect(v.nextVersion).toMatchObject({ tag: 'v1.1' });
    expect((await h.api('/datasets/demo.types_showcase/versions/v9.9')).status).toBe(404);
    expect((await h.api('/datasets/demo.types_showcase/versions/bogus')).status).toBe(400);
  });

  it('shows next versions only to editors', async () => {
    const bob = await h.emu.createApiToken('bob', ['data.data']);
    const list = await h.json<List>('/datasets/demo.iris_species/versions', { token: bob });
    expect(list.results.map((v) => v.tag)).toEqual(['v2.0', 'v1.0']);
    const res = await h.api('/tables/demo.types_showcase:next.all_types', { token: bob });
    expect(res.status).toBe(404);
  });
});

describe('tables and variables', () => {
  it('lists tables of a dataset version', async () => {
    const list = await h.json<List>('/datasets/demo.types_showcase:v1.0/tables');
    expect(list.results).toHaveLength(1);
    expect(list.results[0]).toMatchObject({ name: 'all_types', numRows: 1000, variableCount: 10 });
  });

  it('gets a table with container and references', async () => {
    const t = await h.json('/tables/demo.iris_species.iris');
    expect(t).toMatchObject({
      kind: 'table',
      name: 'iris',
      numRows: 150,
      isSample: false,
      isFileIndex: false,
      container: { kind: 'dataset', name: 'Iris species' },
      qualifiedReference: expect.stringMatching(/^demo\.iris_species:[a-z0-9]{4}:v2_0\.iris:[a-z0-9]{4}$/),
    });
    expect(t.numBytes).toBeGreaterThan(0);
    // The returned URI resolves to the same table.
    const again = await h.json(`${String(t.uri).replace('/tables/', '/tables/')}`);
    expect(again.id).toBe(t.id);
  });

  it('lists variables with one of every type and value labels', async () => {
    const list = await h.json<List>('/tables/demo.types_showcase.all_types/variables');
    const types = list.results.map((v) => v.type);
    for (const type of ['string', 'integer', 'float', 'boolean', 'date', 'dateTime', 'time', 'geography']) {
      expect(types).toContain(type);
    }
    const rating = list.results.find((v) => v.name === 'rating');
    expect(rating?.valueLabels).toHaveLength(5);
    const color = list.results.find((v) => v.name === 'color');
    expect(color?.valueLabels).toHaveLength(4);
    const geo = await h.json<List>('/tables/demo.types_showcase.all_types/variables?type=geography');
    expect(geo.results.map((v) => v.name)).toEqual(['location']);
  });

  it('gets a variable case-insensitively and its statistics', async () => {
    const v = await h.json('/tables/demo.types_showcase.all_types/variables/RATING');
    expect(v).toMatchObject({ name: 'rating', type: 'integer', label: 'Rating' });
    const stats = await h.json('/tables/demo.types_showcase.all_types/variables/score/statistics');
    expect(stats).toMatchObject({ status: 'completed' });
    expect(Number(stats.count)).toBeGreaterThan(900);
    expect(Number(stats.nullCount)).toBeGreaterThan(0);
    expect((await h.api('/tables/demo.types_showcase.all_types/variables/nope')).status).toBe(404);
  });

  it('serves workflow tables', async () => {
    const wf = await h.json('/workflows/demo_user.example_workflow');
    expect(wf).toMatchObject({ kind: 'workflow', name: 'Example workflow', tableCount: 1 });
    const tables = await h.json<List>('/workflows/demo_user.example_workflow/tables');
    expect(tables.results[0]).toMatchObject({ name: 'summary', container: { kind: 'workflow' } });
    const rows = await (await h.api('/tables/demo_user.example_workflow.summary/rows')).text();
    expect(rows.trim().split('\n')).toHaveLength(3);
  });

  it('reads a file-index table listing as rows', async () => {
    const rows = await (await h.api('/tables/demo_user.my_uploads.documents/rows?format=jsonl')).text();
    const parsed = rows
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.map((r) => r.file_name).sort()).toEqual(['codebook/questions.csv', 'readme.txt']);
  });
});
