import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './emulatorHarness.js';

/** The `malformedResponses` fault: JSON answers sent in a wrong shape, for client error tests. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ faults: true });
});
afterAll(async () => {
  await h?.stop();
});

const arm = (body: unknown) =>
  fetch(`${h.emu.origin}/__emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('malformed responses', () => {
  it('changes and removes fields of the next matching answers only, then answers as before', async () => {
    const armed = await arm({
      malformedResponses: {
        pathPrefix: '/api/v1/users/me',
        count: 2,
        set: { name: 5, 'extra.deep': true },
        remove: ['fullName'],
      },
    });
    expect(armed.status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const me = await h.json('/users/me');
      expect(me).toMatchObject({ name: 5, extra: { deep: true } });
      expect(me).not.toHaveProperty('fullName');
    }
    expect(await h.json('/users/me')).toMatchObject({ name: 'demo_user', fullName: 'Demo User' });
  });

  it('leaves other paths, other methods and error answers alone', async () => {
    h.emu.faults.malformedResponses({
      pathPrefix: '/api/v1/tables/demo.iris_species.iris',
      method: 'POST',
      set: { id: null },
    });
    expect(await h.json('/users/me')).toMatchObject({ name: 'demo_user' });
    expect(await h.json('/tables/demo.iris_species.iris')).toMatchObject({ name: 'iris', numRows: 150 });
    const missing = await h.api('/tables/demo.iris_species.nothing_here');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
    const session = await h.json('/tables/demo.iris_species.iris/readSessions', {
      method: 'POST',
      body: JSON.stringify({ format: 'arrow' }),
    });
    expect(session).toMatchObject({ id: null });
    h.emu.faults.clear();
  });

  it('reaches into list items by index', async () => {
    h.emu.faults.malformedResponses({
      pathPrefix: '/api/v1/users/demo_user/datasets',
      set: { 'results.0.name': ['x'] },
    });
    const list = await h.json<{ results: { name: unknown }[] }>('/users/demo_user/datasets');
    expect(list.results[0]?.name).toEqual(['x']);
    expect(typeof list.results[1]?.name).toBe('string');
  });

  it('rejects a malformed knob', async () => {
    const res = await arm({ malformedResponses: { pathPrefix: 'users/me', set: { name: 1 } } });
    expect(res.status).toBe(400);
  });
});
