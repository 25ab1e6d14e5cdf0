import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, startHarness, type Harness } from './emulatorHarness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

describe('access levels', () => {
  it('overview access shows the dataset but not variables or rows', async () => {
    expect((await h.api('/datasets/demo.restricted_overview')).status).toBe(200);
    expect((await h.api('/tables/demo.restricted_overview.records')).status).toBe(200);
    const vars = await h.api('/tables/demo.restricted_overview.records/variables');
    expect(vars.status).toBe(403);
    expect(await vars.json()).toMatchObject({ error: 'forbidden', status: 403 });
    expect((await h.api('/tables/demo.restricted_overview.records/rows')).status).toBe(403);
  });

  it('metadata access shows variables but refuses rows, sessions and exports with a clear message', async () => {
    expect((await h.api('/tables/demo.restricted_metadata.records/variables')).status).toBe(200);
    const rows = await h.api('/tables/demo.restricted_metadata.records/rows');
    expect(rows.status).toBe(403);
    const body = (await rows.json()) as { error_description: string };
    expect(body.error_description).toMatch(/metadata access.*data access is required/);
    const session = await h.api('/tables/demo.restricted_metadata.records/readSessions', post({}));
    expect(session.status).toBe(403);
  });

  it('hides datasets without access behind 404', async () => {
    expect((await h.api('/datasets/demo.private_hidden')).status).toBe(404);
    expect((await h.api('/tables/demo.private_hidden.records')).status).toBe(404);
    const alice = await h.emu.createApiToken('alice', ['data.data']);
    expect((await h.api('/tables/demo.private_hidden.records/rows', { token: alice })).status).toBe(200);
  });

  it('lets anonymous callers read public data only', async () => {
    expect((await h.api('/tables/demo.iris_species.iris/rows?maxResults=1', { token: null })).status).toBe(
      200,
    );
    expect((await h.api('/datasets/demo.large_sample', { token: null })).status).toBe(404);
    expect((await h.api('/tables/demo.types_showcase.all_types/variables', { token: null })).status).toBe(
      200,
    );
    expect((await h.api('/tables/demo.types_showcase.all_types/rows', { token: null })).status).toBe(403);
  });

  it('answers insufficient_scope with the missing scope when only scopes are lacking', async () => {
    const publicOnly = await h.emu.createApiToken('demo_user', ['public']);
    const res = await h.api('/tables/demo.large_sample.measurements/rows?maxResults=1', {
      token: publicOnly,
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'insufficient_scope', scope: 'data.data', status: 403 });
    const readOnly = await h.emu.createApiToken('demo_user', ['data.data']);
    const create = await h.api('/users/demo_user/datasets', { ...post({ name: 'X' }), token: readOnly });
    expect(create.status).toBe(403);
    expect(await create.json()).toMatchObject({ error: 'insufficient_scope', scope: 'data.edit' });
  });

  it('rejects bogus tokens with 401 even on public endpoints', async () => {
    const res = await h.api('/tables/demo.iris_species.iris', { token: 'not-a-real-token-value' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_token' });
    const forged = await h.api('/users/me', {
      token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vX3VzZXIifQ.c2lnbmF0dXJl',
    });
    expect(forged.status).toBe(401);
  });
});
