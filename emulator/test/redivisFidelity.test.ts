/**
 * Details where the emulator used to answer unlike Redivis (found with Redivis's own client):
 * repeated selectedVariables, dataset list items, rate-limit headers, `json` read sessions,
 * OpenAPI discovery, datasets that lost their only version, and Avro exports.
 */
import avro from 'avsc';
import { RecordBatchReader } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openOrSeedStore } from '../src/demo/templateCache.js';
import { FaultState } from '../src/faults/faultState.js';
import type { EmulatorDeps, Handler, HttpMethod } from '../src/http/routeModule.js';
import { routeModules } from '../src/routes/index.js';
import { post, SMALL_LARGE_ROWS, startHarness, type Harness } from './emulatorHarness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

const IRIS = '/tables/demo.iris_species.iris';

describe('selectedVariables', () => {
  it('accepts the repeated form, as the official JS client sends it, and the comma form', async () => {
    for (const query of [
      'selectedVariables=species&selectedVariables=petal_width',
      'selectedVariables=species,petal_width',
    ]) {
      const res = await h.api(`${IRIS}/rows?format=arrow&maxResults=3&${query}`);
      const batches = RecordBatchReader.from(new Uint8Array(await res.arrayBuffer())).readAll();
      expect(
        batches[0]?.schema.fields.map((f) => f.name),
        query,
      ).toEqual(['species', 'petal_width']);
    }
    const csv = await (
      await h.api(`${IRIS}/rows?format=csv&maxResults=1&selectedVariables=species&selectedVariables=nope`)
    ).json();
    expect(csv).toMatchObject({ error: 'invalid_request' });
  });

  it('accepts a comma-separated string in read session bodies', async () => {
    const session = await h.json<{ streams: { schema: { name: string }[] }[] }>(
      `${IRIS}/readSessions`,
      post({ selectedVariables: 'species, sepal_length' }),
    );
    expect(session.streams[0]?.schema.map((s) => s.name)).toEqual(['species', 'sepal_length']);
  });
});

describe('dataset list items', () => {
  it('carry the list fields of the spec and no nested version objects', async () => {
    const list = await h.json<{ results: Record<string, unknown>[] }>('/organizations/demo/datasets');
    const iris = list.results.find((d) => d.name === 'Iris species');
    expect(iris).toBeDefined();
    for (const item of list.results) {
      expect(item).not.toHaveProperty('version');
      expect(item).not.toHaveProperty('nextVersion');
      expect(item).not.toHaveProperty('methodologyMarkdown');
      for (const value of Object.values(item)) {
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
          // Only the owner (user/organization base) and geoBBox/sampleConfiguration are objects.
          expect(Object.keys(value).some((k) => k === 'tag')).toBe(false);
        }
      }
      expect(typeof item.qualifiedReference).toBe('string');
    }
    expect(iris).toMatchObject({ kind: 'dataset', accessLevel: 'data', tableCount: 1 });
    const get = await h.json<Record<string, unknown>>('/datasets/demo.iris_species');
    expect(get.version).toMatchObject({ tag: 'v2.0' });
  });
});

describe('rate-limit headers', () => {
  it('are on every API response, 401s included, with the reset in ms since the epoch', async () => {
    const before = Date.now();
    const ok = await h.api('/users/me');
    const unauthorized = await h.api('/users/me', { token: 'bogus' });
    expect(unauthorized.status).toBe(401);
    for (const res of [ok, unauthorized]) {
      expect(res.headers.get('x-ratelimit-limit')).toBe('1000');
      expect(Number(res.headers.get('x-ratelimit-remaining'))).toBeGreaterThanOrEqual(0);
      const reset = Number(res.headers.get('x-ratelimit-reset'));
      expect(reset).toBeGreaterThan(before);
      expect(reset).toBeLessThanOrEqual(Date.now() + 60_000);
    }
  });

  it('give Retry-After on a 429 as a point in time in ms since the epoch', async () => {
    const limited = await startHarness({ rateLimitPerMinute: 2 });
    try {
      await limited.api('/users/me');
      await limited.api('/users/me');
      const res = await limited.api('/users/me');
      expect(res.status).toBe(429);
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(Date.now() - 1000);
      expect(retryAfter).toBeLessThanOrEqual(Date.now() + 60_000);
      expect(String(retryAfter)).toBe(res.headers.get('x-ratelimit-reset'));
    } finally {
      await limited.stop();
    }
  });
});

describe('read sessions', () => {
  it('accept format "json" (newline-delimited JSON)', async () => {
    const res = await h.api(`${IRIS}/readSessions`, post({ format: 'json', maxResults: 2 }));
    expect(res.status).toBe(200);
    const session = (await res.json()) as { format: string; streams: { id: string }[] };
    expect(session.format).toBe('json');
    const text = await (await h.api(`/readStreams/${session.streams[0]?.id}`)).text();
    const rows = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveProperty('species', 'setosa');
  });
});

describe('OpenAPI document', () => {
  /** Every route the route modules register, recorded on a separate store. */
  async function registeredRoutes(): Promise<{ method: HttpMethod; pattern: string }[]> {
    const dataDir = await mkdtemp(join(tmpdir(), 'redivis-emu-routes-'));
    try {
      const deps: EmulatorDeps = {
        store: await openOrSeedStore(dataDir, SMALL_LARGE_ROWS),
        faults: new FaultState(false, async () => undefined),
        origin: () => 'http://127.0.0.1',
        apiBase: () => 'http://127.0.0.1/api/v1',
        now: () => Date.now(),
        config: {
          dataDir,
          faultsEnabled: false,
          accessTokenTtlSeconds: 60,
          readSessionTtlSeconds: 60,
          log: false,
        },
      };
      const routes: { method: HttpMethod; pattern: string }[] = [];
      const recorder = {
        add(method: HttpMethod, pattern: string, _handler: Handler) {
          routes.push({ method, pattern });
        },
      };
      for (const module of routeModules) module.register(recorder, deps);
      return routes.filter((r) => r.pattern.startsWith('/api/v1/'));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }

  it('is discoverable where the docs say and lists every registered route', async () => {
    const json = await h.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      '/openAPI.json',
    );
    const legacy = await h.json<{ paths: Record<string, unknown> }>('?format=json');
    expect(json.openapi).toMatch(/^3\./);
    expect(Object.keys(legacy.paths)).toEqual(Object.keys(json.paths));
    const yamlRes = await h.api('/openAPI.yaml');
    expect(yamlRes.headers.get('content-type')).toMatch(/yaml/);
    const yaml = await yamlRes.text();
    const base = await (await h.api('')).text();
    expect(base).toBe(yaml);
    const routes = await registeredRoutes();
    expect(routes.length).toBeGreaterThan(50);
    for (const { method, pattern } of routes) {
      const path = pattern
        .slice('/api/v1'.length)
        .replace(/:(\w+)/g, '{$1}')
        .replace(/\*(\w+)/g, '{$1}');
      expect(json.paths[path]?.[method.toLowerCase()], `${method} ${path}`).toBeDefined();
      expect(yaml).toContain(`"${path}":`);
    }
    expect(json.paths['/queries/{query}/rows']?.get).toBeDefined();
  });
});

describe('a never-released dataset whose next version was deleted', () => {
  it('is listed, fetched and deleted consistently', async () => {
    const created = await h.api(
      '/users/demo_user/datasets',
      post({ name: 'Short lived', publicAccessLevel: 'none' }),
    );
    expect(created.status).toBe(200);
    expect((await h.api('/datasets/demo_user.short_lived/versions/next', { method: 'DELETE' })).status).toBe(
      200,
    );
    const listed = await h.json<{ results: { name: string }[] }>('/users/demo_user/datasets');
    expect(listed.results.map((d) => d.name)).toContain('Short lived');
    const fetched = await h.api('/datasets/demo_user.short_lived');
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toMatchObject({ name: 'Short lived', version: null, nextVersion: null });
    expect((await h.api('/datasets/demo_user.short_lived/tables')).status).toBe(404);
    const deleted = await h.api('/datasets/demo_user.short_lived', { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    const after = await h.json<{ results: { name: string }[] }>('/users/demo_user/datasets');
    expect(after.results.map((d) => d.name)).not.toContain('Short lived');
    expect((await h.api('/datasets/demo_user.short_lived')).status).toBe(404);
  });
});

describe('server exports', () => {
  it('write Avro files readable by an Avro library', async () => {
    const created = await h.json<{ id: string }>(`${IRIS}/exports`, post({ format: 'avro' }));
    let job = await h.json<{ status: string; fileCount: number }>(`/exports/${created.id}`);
    while (job.status === 'queued' || job.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = await h.json(`/exports/${created.id}`);
    }
    expect(job).toMatchObject({ status: 'completed', fileCount: 1 });
    const res = await h.api(`/exports/${created.id}/download?filePart=0`);
    expect(res.headers.get('content-type')).toBe('application/avro');
    const bytes = Buffer.from(await res.arrayBuffer());
    const records = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const out: Record<string, unknown>[] = [];
      const decoder = new avro.streams.BlockDecoder();
      decoder.on('data', (r: Record<string, unknown>) => out.push(r));
      decoder.on('end', () => resolve(out));
      decoder.on('error', reject);
      decoder.end(bytes);
    });
    const jsonRows = (await (await h.api(`${IRIS}/rows`)).text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records).toHaveLength(150);
    expect(records.map((r) => ({ ...r }))).toEqual(jsonRows);
  });

  it('refuse dta and sav with a clear 400', async () => {
    for (const format of ['dta', 'sav']) {
      const res = await h.api(`${IRIS}/exports`, post({ format }));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'unsupported_format' });
    }
  });
});
