import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { streamRequest } from './streamTransport';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/silent') return; // never answers
    // Headers and a first chunk, then nothing: a stalled stream.
    res.writeHead(200);
    res.write('first bytes');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

it('drops a connection that stops sending mid-body, so the reader can resume', async () => {
  const response = await streamRequest(`${base}/stall`, { method: 'GET', headers: {}, idleTimeoutMs: 150 });
  const received: string[] = [];
  await expect(
    (async () => {
      for await (const chunk of response.body) received.push(Buffer.from(chunk).toString());
    })(),
  ).rejects.toThrow();
  expect(received.join('')).toBe('first bytes');
});

it('drops a server that never answers', async () => {
  await expect(
    streamRequest(`${base}/silent`, { method: 'GET', headers: {}, idleTimeoutMs: 150 }),
  ).rejects.toThrow(/stopped sending/);
});
