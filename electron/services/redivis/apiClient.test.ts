import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import { RedivisApiClient, type TokenSource } from './apiClient';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let base: string;
let queue: Handler[] = [];
const seen: { auth?: string; url?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ auth: req.headers.authorization, url: req.url });
    const next = queue.shift();
    if (next) next(req, res);
    else res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  queue = [];
  seen.length = 0;
});

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_req, res) =>
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));

function client(tokens: Partial<TokenSource> = {}, warnings: string[] = []) {
  return new RedivisApiClient({
    baseUrl: () => base,
    tokens: { accessToken: async () => 'tok-1', refreshAfterUnauthorized: async () => false, ...tokens },
    onWarning: (w) => warnings.push(w),
    maxAttempts: 4,
  });
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppFailure) return error.appError;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('RedivisApiClient', () => {
  it('sends the bearer token and parses JSON', async () => {
    queue.push(json(200, { name: 'demo_user' }));
    await expect(client().get('/users/me')).resolves.toEqual({ name: 'demo_user' });
    expect(seen[0]).toEqual({ auth: 'Bearer tok-1', url: '/api/v1/users/me' });
  });

  it('sends the token only to the API origin, never to another absolute URL', async () => {
    const elsewhere = createServer((req, res) => {
      seen.push({ auth: req.headers.authorization, url: req.url });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    try {
      const other = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/bucket/part-0`;
      await client().get(other, { headers: { Authorization: 'Bearer smuggled' } });
      await (await client().send('GET', other)).text();
      const streamed = await client().stream('GET', other);
      for await (const chunk of streamed.body) void chunk;
      expect(seen.map((s) => s.auth)).toEqual([undefined, undefined, undefined]);
      queue.push(json(200, { name: 'demo_user' }));
      await client().get(`${base}/users/me`);
      expect(seen[3]).toEqual({ auth: 'Bearer tok-1', url: '/api/v1/users/me' });
    } finally {
      await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
    }
  });

  it('maps the flat error shape, including insufficient_scope with its scopes', async () => {
    queue.push(
      json(403, {
        error: 'insufficient_scope',
        error_description: 'Needs data',
        status: 403,
        scope: 'data.data',
      }),
    );
    const error = await failure(client().get('/tables/x/rows', { what: 'this table' }));
    expect(error).toMatchObject({ code: 'insufficient_scope', action: 'grant_access', detail: 'data.data' });
  });

  it('maps the older nested error shape', async () => {
    queue.push(json(404, { error: { message: 'Dataset not found', status: 404 } }));
    const error = await failure(client().get('/datasets/nope', { what: 'this dataset' }));
    expect(error.code).toBe('not_found');
    expect(error.detail).toContain('Dataset not found');
  });

  it('retries 429 after Retry-After and 503 with backoff', async () => {
    queue.push(json(429, { error: 'rate_limited' }, { 'Retry-After': '0' }));
    queue.push(json(503, { error: 'unavailable' }));
    queue.push(json(200, { ok: 1 }));
    await expect(client().get('/users/me')).resolves.toEqual({ ok: 1 });
    expect(seen).toHaveLength(3);
  });

  it('gives up after its attempts with a retryable error', async () => {
    for (let i = 0; i < 4; i++) queue.push(json(503, { error: 'unavailable' }, { 'Retry-After': '0' }));
    const error = await failure(client().get('/users/me'));
    expect(error).toMatchObject({ code: 'unavailable', action: 'retry' });
  });

  it('refreshes once on 401 and retries with the new token', async () => {
    let token = 'old';
    queue.push(json(401, { error: 'invalid_token', error_description: 'expired' }));
    queue.push(json(200, { fine: true }));
    const api = client({
      accessToken: async () => token,
      refreshAfterUnauthorized: async () => {
        token = 'new';
        return true;
      },
    });
    await expect(api.get('/users/me')).resolves.toEqual({ fine: true });
    expect(seen.map((s) => s.auth)).toEqual(['Bearer old', 'Bearer new']);
  });

  it('asks the user to sign in again when refresh is impossible', async () => {
    queue.push(json(401, { error: 'invalid_token', error_description: 'expired' }));
    const error = await failure(client().get('/users/me'));
    expect(error).toMatchObject({ code: 'unauthenticated', action: 'sign_in' });
  });

  it('passes on the X-Redivis-Warning of every response', async () => {
    const warnings: string[] = [];
    const api = client({}, warnings);
    for (let i = 0; i < 2; i++)
      queue.push(json(200, {}, { 'X-Redivis-Warning': 'This version is unreleased.' }));
    await api.get('/a');
    await api.get('/b');
    expect(warnings).toEqual(['This version is unreleased.', 'This version is unreleased.']);
  });

  it('decodes HEAD errors from X-Redivis-Error-Payload', async () => {
    queue.push((_req, res) =>
      res
        .writeHead(403, {
          'X-Redivis-Error-Payload': encodeURIComponent(
            JSON.stringify({ error: 'forbidden', error_description: 'Overview access only' }),
          ),
        })
        .end(),
    );
    const error = await failure(client().send('HEAD', '/tables/x'));
    expect(error).toMatchObject({ code: 'forbidden', message: 'Overview access only' });
  });

  it('follows nextPageToken through every page', async () => {
    queue.push(json(200, { kind: 'datasetList', results: [1, 2], nextPageToken: 'p2' }));
    queue.push(json(200, { kind: 'datasetList', results: [3], nextPageToken: null }));
    const items: unknown[] = [];
    for await (const item of client().all('/organizations/demo/datasets', { pageSize: 2 })) items.push(item);
    expect(items).toEqual([1, 2, 3]);
    expect(seen[1]?.url).toContain('pageToken=p2');
  });

  it('rejects a list in an unexpected shape clearly', async () => {
    queue.push(json(200, { kind: 'datasetList' }));
    const error = await failure(client().page('/organizations/demo/datasets'));
    expect(error.code).toBe('server');
  });

  it('turns an aborted request into a cancellation', async () => {
    queue.push(() => undefined); // never answers
    const controller = new AbortController();
    const pending = client().get('/slow', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await failure(pending);
    expect(error.code).toBe('cancelled');
  });
});

describe('RedivisApiClient.stream (bulk bodies read from the socket)', () => {
  async function bodyText(body: AsyncIterable<Uint8Array>): Promise<string> {
    const chunks: Uint8Array[] = [];
    for await (const chunk of body) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  }

  it('sends the bearer token, retries 503 and hands the body over as bytes', async () => {
    queue.push(json(503, { error: { message: 'busy' } }, { 'Retry-After': '0' }));
    queue.push((_req, res) => res.writeHead(200, { 'X-Redivis-Stream-Rows': '3' }).end('abc'));
    const response = await client().stream('GET', '/readStreams/s1', { query: { offset: 2 } });
    expect(response.headers.get('x-redivis-stream-rows')).toBe('3');
    expect(await bodyText(response.body)).toBe('abc');
    expect(seen.map((s) => s.url)).toEqual([
      '/api/v1/readStreams/s1?offset=2',
      '/api/v1/readStreams/s1?offset=2',
    ]);
    expect(seen.every((s) => s.auth === 'Bearer tok-1')).toBe(true);
  });

  it('maps error bodies exactly as for JSON calls', async () => {
    queue.push(json(404, { error: { status: 404, message: 'No such stream' } }));
    const error = await failure(client().stream('GET', '/readStreams/gone'));
    expect(error.code).toBe('not_found');
  });

  it('follows a redirect to the same origin with the token, to another origin without it', async () => {
    const storageSeen: (string | undefined)[] = [];
    const storage = createServer((req, res) => {
      storageSeen.push(req.headers.authorization);
      res.end('from storage');
    });
    await new Promise<void>((resolve) => storage.listen(0, '127.0.0.1', resolve));
    try {
      // 127.0.0.1 and localhost are different origins for the same machine.
      const elsewhere = `http://localhost:${(storage.address() as AddressInfo).port}/signed?sig=1`;
      queue.push((_req, res) => res.writeHead(302, { Location: '/api/v1/readStreams/moved' }).end());
      queue.push((_req, res) => res.writeHead(307, { Location: elsewhere }).end());
      const response = await client().stream('GET', '/readStreams/s1');
      expect(await bodyText(response.body)).toBe('from storage');
      expect(seen.map((s) => s.auth)).toEqual(['Bearer tok-1', 'Bearer tok-1']);
      expect(storageSeen).toEqual([undefined]);
    } finally {
      await new Promise<void>((resolve) => storage.close(() => resolve()));
    }
  });

  it('turns an aborted stream request into a cancellation', async () => {
    queue.push(() => undefined);
    const controller = new AbortController();
    const pending = client().stream('GET', '/readStreams/slow', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect((await failure(pending)).code).toBe('cancelled');
  });

  it('reports an unreachable server as a network failure', async () => {
    const offline = new RedivisApiClient({
      baseUrl: () => 'http://127.0.0.1:9/api/v1',
      tokens: { accessToken: async () => undefined, refreshAfterUnauthorized: async () => false },
      maxAttempts: 1,
    });
    expect((await failure(offline.stream('GET', '/readStreams/s1'))).code).toBe('network');
  });
});
