import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeMessage, encodeMessage } from '../../shared/contract/wireCodec';
import { startBrowserApp, type BrowserApp } from './browserApp';

let app: BrowserApp;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-browser-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Redivis Desktop</title>');
  app = await startBrowserApp({
    dataDir: join(dir, 'data'),
    staticDir: dir,
    apiEndpoint: 'http://127.0.0.1:9/api/v1',
  });
});

afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

const cookie = () => app.server.cookie;

function connect(headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${app.server.origin.replace('http', 'ws')}/contract`, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function call(socket: WebSocket, channel: string, params?: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    socket.once('message', (data, isBinary) =>
      resolve(decodeMessage(isBinary ? new Uint8Array(data as Buffer) : data.toString())),
    );
    socket.send(encodeMessage({ type: 'invoke', id: 1, channel, params }));
  });
}

describe('browser mode server', () => {
  it('trades the secret in the URL for an HttpOnly cookie', async () => {
    const response = await fetch(app.url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    // Named for this port, so other servers on localhost neither see a generic name nor shadow it.
    const port = new URL(app.server.origin).port;
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^redivis_desktop_key_${port}=`));
    expect(response.headers.get('location')).toBe('/');
  });

  it('refuses requests without the secret, with a wrong one, or from a foreign origin', async () => {
    expect((await fetch(app.server.origin)).status).toBe(403);
    expect((await fetch(`${app.server.origin}/?key=nope`)).status).toBe(403);
    const wrong = app.server.cookie.replace(app.server.secret, 'nope');
    expect((await fetch(app.server.origin, { headers: { Cookie: wrong } })).status).toBe(403);
    // The cookie of another launch (another port) opens nothing here.
    const otherPort = `redivis_desktop_key_1=${app.server.secret}`;
    expect((await fetch(app.server.origin, { headers: { Cookie: otherPort } })).status).toBe(403);
    const foreign = await fetch(app.server.origin, {
      headers: { Cookie: cookie(), Origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const ok = await fetch(app.server.origin, { headers: { Cookie: cookie() } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Redivis Desktop');
  });

  it('refuses a Host header naming another server (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request(
        app.server.origin,
        { headers: { Host: 'attacker.example', Cookie: cookie() } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.end();
    });
    expect(status).toBe(403);
  });

  it('answers a path it cannot decode with 400 and keeps serving', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: new URL(app.server.origin).port,
          path: '/%E0%A4%A',
          headers: { Cookie: cookie() },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
    expect((await fetch(app.server.origin, { headers: { Cookie: cookie() } })).status).toBe(200);
  });

  it('refuses path traversal out of the renderer folder', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: new URL(app.server.origin).port,
          path: '/../../etc/passwd',
          headers: { Cookie: cookie() },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.end();
    });
    expect([200, 400]).toContain(status);
    if (status === 200) {
      const body = await fetch(`${app.server.origin}/%2e%2e/%2e%2e/etc/passwd`, {
        headers: { Cookie: cookie() },
      });
      expect(await body.text()).not.toContain('root:');
    }
  });

  it('serves the contract over the WebSocket only to its own page', async () => {
    await expect(connect({ Origin: app.server.origin })).rejects.toThrow(/403/);
    await expect(connect({ Cookie: cookie(), Origin: 'https://evil.example' })).rejects.toThrow(/403/);
    await expect(connect({ Cookie: cookie() })).rejects.toThrow(/403/);
    const socket = await connect({ Cookie: cookie(), Origin: app.server.origin });
    const reply = (await call(socket, 'app.info')) as { outcome: { ok: boolean; value: { mode: string } } };
    expect(reply.outcome).toMatchObject({ ok: true, value: { mode: 'browser' } });
    const refused = (await call(socket, 'app.openExternal', { url: 'https://evil.example' })) as {
      outcome: { ok: boolean; error: { code: string } };
    };
    expect(refused.outcome).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    socket.close();
  });

  it('pushes events, including binary payloads, to connected pages', async () => {
    const socket = await connect({ Cookie: cookie(), Origin: app.server.origin });
    const received = new Promise<unknown>((resolve) =>
      socket.once('message', (data, isBinary) =>
        resolve(decodeMessage(isBinary ? new Uint8Array(data as Buffer) : data.toString())),
      ),
    );
    app.services.events.emit('app.openUrl', { url: 'http://127.0.0.1:1/x' });
    expect(await received).toEqual({
      type: 'event',
      event: 'app.openUrl',
      payload: { url: 'http://127.0.0.1:1/x' },
    });
    socket.close();
  });

  it('tells services when a page disconnects, so its streams stop', async () => {
    const socket = await connect({ Cookie: cookie(), Origin: app.server.origin });
    const gone = new Promise<string>((resolve) => app.services.events.onClientGone(resolve));
    socket.close();
    expect(await gone).toMatch(/^ws-\d+$/);
  });

  it('closes connections that send malformed frames', async () => {
    const socket = await connect({ Cookie: cookie(), Origin: app.server.origin });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(Buffer.from([0, 0]));
    expect(await closed).toBe(1007);
  });
});
