import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { channels, listChannels } from '../../shared/contract';
import { decodeMessage, encodeMessage } from '../../shared/contract/wireCodec';
import { startBrowserApp, type BrowserApp } from './browserApp';
import { fileStagingRoutes } from './fileStaging';

/**
 * Throws a few thousand malformed requests, headers, WebSocket frames and contract payloads at
 * browser mode's server, from a fixed seed so a failure can be replayed. The server must keep
 * answering, refuse each with a clear status or error, and write nothing anywhere.
 */
const SEED = 0x5eed_2026;

function random(seed: number): () => number {
  // mulberry32: small, fast, and the same sequence on every machine.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = random(SEED);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));

const pathPieces = [
  '/',
  '..',
  '%2e%2e',
  '%2f',
  '%E0%A4%A',
  '%',
  '%%',
  '%00',
  '%ff%fe',
  '\\',
  '//',
  'index.html',
  'local',
  'local/stage',
  'contract',
  '?key=',
  '#',
  ';',
  '~',
  'etc/passwd',
  '%c0%af',
  '€',
  'a'.repeat(300),
];
const headerNames = [
  'Host',
  'Origin',
  'Cookie',
  'X-File-Name',
  'Content-Length',
  'Transfer-Encoding',
  'Upgrade',
  'Connection',
  'Sec-WebSocket-Key',
  'Referer',
];

function fuzzPath(): string {
  let path = '';
  for (let i = 0, n = 1 + int(6); i < n; i++) path += pick(pathPieces) + (rand() < 0.5 ? '/' : '');
  return path.startsWith('/') ? path : `/${path}`;
}

function fuzzValue(depth = 0): unknown {
  switch (int(depth > 3 ? 6 : 9)) {
    case 0:
      return null;
    case 1:
      return int(2) === 0;
    case 2:
      return pick([0, -1, 1e308, -0, 2 ** 53 + 1, 3.14, Number.MAX_SAFE_INTEGER]);
    case 3:
      return pick([
        '',
        'x',
        '../../etc/passwd',
        '\u0000',
        '%E0%A4%A',
        'a'.repeat(5000),
        '`; DROP',
        '{"$bin":0}',
      ]);
    case 4:
      return bytes(int(8)).toString('latin1');
    case 5:
      return { $bin: int(4) };
    case 6:
      return Array.from({ length: int(4) }, () => fuzzValue(depth + 1));
    case 7:
      return Object.fromEntries(
        Array.from({ length: int(5) }, () => [
          pick([
            'kind',
            'path',
            'url',
            'tableRef',
            'destination',
            'source',
            'id',
            '__proto__',
            'constructor',
            'x',
          ]),
          fuzzValue(depth + 1),
        ]),
      );
    default:
      return {
        kind: pick(['path', 'picked', 'staged']),
        path: '/etc/passwd',
        fileId: 'x',
        stagingId: '../../x',
      };
  }
}

let app: BrowserApp;
let dir: string;
const written = () =>
  Promise.all(
    ['data', 'downloads', 'static'].map(async (d) =>
      (await readdir(join(dir, d), { recursive: true })).sort(),
    ),
  );

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-fuzz-'));
  await Promise.all(
    ['data', 'downloads', 'static'].map((d) =>
      import('node:fs/promises').then((fs) => fs.mkdir(join(dir, d))),
    ),
  );
  await writeFile(join(dir, 'static', 'index.html'), '<!doctype html><title>Redivis Desktop</title>');
  app = await startBrowserApp({
    dataDir: join(dir, 'data'),
    staticDir: join(dir, 'static'),
    downloadDir: join(dir, 'downloads'),
    apiEndpoint: 'http://127.0.0.1:9/api/v1',
    localRoutes: fileStagingRoutes,
  });
});
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

const port = () => Number(new URL(app.server.origin).port);

/** Sends raw bytes as an HTTP request and returns the status line's code (0 when closed without one). */
function raw(data: Buffer | string): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port(), '127.0.0.1');
    let answer = '';
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) socket.destroy();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
    socket.end(data);
  });
}

async function stillServes(): Promise<void> {
  const ok = await fetch(app.server.origin, { headers: { Cookie: app.server.cookie } });
  expect(ok.status).toBe(200);
}

it('answers thousands of malformed HTTP requests with refusals, stays up, and writes nothing', async () => {
  const before = await written();
  const statuses = new Map<number, number>();
  const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
  const host = `127.0.0.1:${port()}`;
  for (let i = 0; i < 1200; i++) {
    const kind = int(4);
    let message: Buffer | string;
    if (kind === 0) {
      message = bytes(1 + int(200));
    } else {
      const method = pick(['GET', 'POST', 'PUT', 'HEAD', 'OPTIONS', 'DELETE', 'G\u0000T', 'BREW']);
      const headers = Array.from(
        { length: int(5) },
        () =>
          `${pick(headerNames)}: ${pick(['', '%E0%A4%A', 'x'.repeat(int(9000)), app.server.cookie.replace(/.$/, '!'), host, 'http://evil.example', 'chunked', '-1', '99999999999', bytes(12).toString('latin1')])}`,
      );
      if (kind === 3) headers.push(`Host: ${host}`, `Cookie: ${app.server.cookie}`);
      message = `${method} ${fuzzPath()} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`;
    }
    const status = await raw(message);
    count(status);
    // A request with the launch cookie and a good Host may be served; everything else is refused.
    expect(
      status === 0 || status === 200 || status === 302 || (status >= 400 && status < 500),
      `#${i}: ${status}`,
    ).toBe(true);
  }
  await stillServes();
  expect(await written()).toEqual(before);
  // The run exercised refusals, not just dropped connections.
  expect((statuses.get(400) ?? 0) + (statuses.get(403) ?? 0)).toBeGreaterThan(300);
});

it('answers well-formed requests with hostile paths and headers through the HTTP client', async () => {
  const before = await written();
  for (let i = 0; i < 600; i++) {
    const status = await new Promise<number>((resolve) => {
      const headers: Record<string, string> = { Cookie: app.server.cookie };
      if (rand() < 0.3) headers['X-File-Name'] = pick(['%E0%A4%A', '../../../etc/x', '\u00ff']);
      if (rand() < 0.2) headers.Origin = pick(['null', 'http://evil.example', app.server.origin]);
      const req = request(
        {
          host: '127.0.0.1',
          port: port(),
          path: encodeURI(fuzzPath()).replace(/%25/g, '%'),
          method: pick(['GET', 'HEAD', 'OPTIONS']),
          headers,
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', () => resolve(0));
      req.end();
    });
    expect([200, 400, 403, 404, 405], `#${i}: ${status}`).toContain(status);
  }
  await stillServes();
  expect(await written()).toEqual(before);
});

it('refuses malformed WebSocket frames and contract payloads with clear errors, and keeps serving', async () => {
  const before = await written();
  const names = listChannels(channels).map((entry) => entry.name);
  const specs = new Map(listChannels(channels).map((entry) => [entry.name, entry.spec]));
  const open = () =>
    new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(`${app.server.origin.replace('http', 'ws')}/contract`, {
        headers: { Cookie: app.server.cookie, Origin: app.server.origin },
      });
      socket.once('open', () => resolve(socket));
      socket.once('error', reject);
    });
  let socket = await open();
  const replies: unknown[] = [];
  let invokes = 0;
  let closes = 0;
  /** Sends one frame and waits for what it causes: a reply, or the server closing the socket. */
  const exchange = (data: string | Uint8Array | Buffer, binary: boolean) =>
    new Promise<void>((resolve) => {
      const onMessage = (reply: WebSocket.RawData, isBinary: boolean) => {
        replies.push(decodeMessage(isBinary ? new Uint8Array(reply as Buffer) : reply.toString()));
        done();
      };
      const onClose = () => {
        closes++;
        done();
      };
      const done = () => {
        socket.off('message', onMessage);
        socket.off('close', onClose);
        resolve();
      };
      socket.on('message', onMessage);
      socket.on('close', onClose);
      socket.send(data, { binary });
    });
  for (let i = 0; i < 1500; i++) {
    if (socket.readyState !== WebSocket.OPEN) socket = await open();
    const kind = int(5);
    if (kind === 0) await exchange(bytes(int(64)), true);
    else if (kind === 1) {
      const text = pick([
        '{',
        'null',
        '[]',
        '"x"',
        '{"type":"invoke"}',
        '{"type":"invoke","id":"1","channel":"app.info"}',
        '1e999',
        '[[[[[[[[[[]]]]]]]]]]',
      ]);
      await exchange(text, false);
    } else {
      const channel =
        rand() < 0.8
          ? pick(names)
          : pick(['', 'app', 'app.', '__proto__.x', 'constructor.constructor', 'jobs.open.x']);
      const params = fuzzValue();
      // Only payloads the contract refuses: valid calls would be real work, not fuzz.
      if (specs.get(channel)?.params.safeParse(params).success) continue;
      invokes++;
      const frame = encodeMessage({ type: 'invoke', id: invokes, channel, params });
      await exchange(frame, typeof frame !== 'string');
    }
  }
  // Every invoke got a refusal naming the problem; other frames a protocol error or a close.
  const results = replies.filter(
    (r): r is { type: 'result'; outcome: { ok: boolean; error?: { code: string; message: string } } } =>
      (r as { type?: string }).type === 'result',
  );
  expect(results.length).toBeGreaterThan(600);
  for (const result of results) {
    expect(result.outcome.ok).toBe(false);
    expect(result.outcome.error?.code).toBe('invalid_request');
    expect(result.outcome.error?.message).toMatch(/Unknown request|invalid parameters/);
  }
  expect(replies.some((r) => (r as { type?: string }).type === 'protocolError')).toBe(true);
  expect(closes).toBeGreaterThan(0);
  socket.close();
  const fresh = await open();
  const info = await new Promise<unknown>((resolve) => {
    fresh.once('message', (data) => resolve(decodeMessage(data.toString())));
    fresh.send(encodeMessage({ type: 'invoke', id: 1, channel: 'app.info' }));
  });
  expect(info).toMatchObject({ type: 'result', outcome: { ok: true, value: { mode: 'browser' } } });
  fresh.close();
  await stillServes();
  expect(await written()).toEqual(before);
}, 60_000);

/** Opens the contract WebSocket by hand and writes raw bytes after the handshake. */
function rawWebSocket(frames: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port(), '127.0.0.1');
    let upgraded = false;
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('data', (chunk) => {
      if (!upgraded && chunk.toString('latin1').startsWith('HTTP/1.1 101')) {
        upgraded = true;
        socket.write(frames);
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
    socket.write(
      `GET /contract HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\nOrigin: ${app.server.origin}\r\n` +
        `Cookie: ${app.server.cookie}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    // Give up on the frames once they are written and the server had a moment to react.
    setTimeout(() => socket.end(), 200);
  });
}

it('survives frames no browser would send: reserved opcodes, unmasked, bad UTF-8, lying lengths', async () => {
  const masked = (opcode: number, payload: Buffer) => {
    const mask = bytes(4);
    const body = Buffer.from(payload.map((b, i) => b ^ (mask[i % 4] as number)));
    return Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | payload.length]), mask, body]);
  };
  const cases: Buffer[] = [
    Buffer.from([0x83, 0x80, 1, 2, 3, 4]), // reserved opcode 3
    Buffer.from([0x81, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f]), // unmasked client frame
    masked(0x1, Buffer.from([0xc3, 0x28, 0xa0, 0xa1])), // invalid UTF-8 in a text frame
    Buffer.from([0x82, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4]), // 2^63 bytes announced
    Buffer.from([0xf1, 0x80, 1, 2, 3, 4]), // RSV bits without an extension
    masked(0x9, bytes(126).subarray(0, 125)), // a ping, then garbage
  ];
  for (let i = 0; i < 60; i++) cases.push(Buffer.concat([pick(cases), bytes(int(40))]));
  for (const frames of cases) await rawWebSocket(frames);
  await stillServes();
});
