import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RedivisApiClient } from '../../redivis/apiClient';
import { downloadExportPart } from './exportPartDownload';

const body = randomBytes(300_000);
const ranges: (string | undefined)[] = [];
let server: Server;
let api: RedivisApiClient;
let dir: string;
let honourRanges = true;
let requests = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-part-'));
  // Cuts the first answer after 100 kB; later answers honour Range (or ignore it when told to).
  server = createServer((req, res) => {
    requests++;
    ranges.push(req.headers.range);
    const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = honourRanges && match ? Number(match[1]) : 0;
    const headers: Record<string, string | number> = { 'Content-Length': body.length - start };
    if (honourRanges) headers['Accept-Ranges'] = 'bytes';
    if (start > 0) headers['Content-Range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
    res.writeHead(start > 0 ? 206 : 200, headers);
    if (requests === 1) {
      res.write(body.subarray(0, 100_000), () => res.destroy());
      return;
    }
    res.end(body.subarray(start));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  api = new RedivisApiClient({
    baseUrl: () => `http://127.0.0.1:${port}/api/v1`,
    tokens: { accessToken: async () => 'test-token', refreshAfterUnauthorized: async () => false },
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

it('resumes a broken part download with Range from the bytes on disk', async () => {
  const path = join(dir, 'part0');
  let reported = 0;
  const size = await downloadExportPart(api, 'e1', 0, path, {
    signal: new AbortController().signal,
    onBytes: (delta) => (reported += delta),
  });
  expect(size).toBe(body.length);
  expect(reported).toBe(body.length);
  expect((await readFile(path)).equals(body)).toBe(true);
  expect(ranges[0]).toBeUndefined();
  expect(ranges[1]).toMatch(/^bytes=\d+-$/);
  expect(Number(/\d+/.exec(ranges[1] ?? '')?.[0])).toBeGreaterThan(0);
});

it('starts the part over when the server does not offer ranges', async () => {
  honourRanges = false;
  requests = 0;
  ranges.length = 0;
  const path = join(dir, 'part1');
  let reported = 0;
  await downloadExportPart(api, 'e1', 1, path, {
    signal: new AbortController().signal,
    onBytes: (delta) => (reported += delta),
  });
  expect((await readFile(path)).equals(body)).toBe(true);
  expect(reported).toBe(body.length);
  expect(ranges).toEqual([undefined, undefined]);
});
