import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './emulatorHarness.js';

describe('rate limits and faults', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ faults: true, rateLimitPerMinute: 5 });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('sends rate-limit headers and answers 429 with Retry-After past the limit', async () => {
    const bob = await h.emu.createApiToken('bob', ['public']);
    const first = await h.api('/datasets/demo.iris_species', { token: bob });
    expect(first.headers.get('x-ratelimit-limit')).toBe('5');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('4');
    for (let i = 0; i < 4; i++) await h.api('/datasets/demo.iris_species', { token: bob });
    const limited = await h.api('/datasets/demo.iris_species', { token: bob });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: 'rate_limit_exceeded', status: 429 });
    // Other callers have their own budget.
    expect((await h.api('/users/me')).status).toBe(200);
  });

  it('fails the next matching requests on demand', async () => {
    const alice = await h.emu.createApiToken('alice', ['data.data']);
    const armed = await fetch(`${h.emu.origin}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        failNext: { count: 2, status: 503, retryAfterSeconds: 2, pathPrefix: '/api/v1/tables' },
      }),
    });
    expect(armed.status).toBe(200);
    expect((await h.api('/users/me', { token: alice })).status).toBe(200);
    const failed = await h.api('/tables/demo.iris_species.iris', { token: alice });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('2');
    expect((await h.api('/tables/demo.iris_species.iris', { token: alice })).status).toBe(503);
    expect((await h.api('/tables/demo.iris_species.iris', { token: alice })).status).toBe(200);
  });

  it('validates fault bodies and clears them', async () => {
    const bad = await fetch(`${h.emu.origin}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ failNext: { count: 1, status: 418 } }),
    });
    expect(bad.status).toBe(400);
    h.emu.faults.failNext({ count: 1, status: 500 });
    const cleared = await fetch(`${h.emu.origin}/__emulator/faults`, { method: 'DELETE' });
    expect(cleared.status).toBe(200);
    const alice = await h.emu.createApiToken('alice', ['data.data']);
    expect((await h.api('/datasets/demo.iris_species', { token: alice })).status).toBe(200);
  });
});

describe('without faults', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('hides the fault endpoint and refuses the programmatic API', async () => {
    const res = await fetch(`${h.emu.origin}/__emulator/faults`, {
      method: 'POST',
      body: '{"latencyMs":10}',
    });
    expect(res.status).toBe(404);
    expect(() => h.emu.faults.failNext({ count: 1, status: 500 })).toThrow(/off/);
  });

  it('answers unknown endpoints and methods with flat JSON errors', async () => {
    const missing = await h.api('/no/such/endpoint');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found', status: 404 });
    const method = await h.api('/users/me', { method: 'DELETE' });
    expect(method.status).toBe(405);
  });
});
