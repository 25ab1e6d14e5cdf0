import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { transferFile } from './tempUploadTransfer';
import { defaultTransferSettings } from './transferSettings';
import { uploadHeadersFor } from './uploadAuth';
import type { LocalFile } from './fileSource';

/**
 * A small GCS-style resumable endpoint with scripted misbehaviour: sessions that expire, and
 * answers forced for the next requests.
 */
class FakeStorage {
  stored = Buffer.alloc(0);
  sessions = 0;
  expireAfterChunks?: number;
  /** Statuses forced on the next PUTs (chunks and probes). */
  forced: number[] = [];
  headersSeen: Record<string, string | undefined>[] = [];
  private chunks = 0;

  handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body: Buffer[] = [];
    for await (const chunk of req) body.push(chunk as Buffer);
    this.headersSeen.push({ authorization: req.headers.authorization });
    const forced = req.method === 'PUT' ? this.forced.shift() : undefined;
    if (forced)
      return void res
        .writeHead(forced, { 'Content-Type': 'application/json' })
        .end('{"error":{"message":"forced"}}');
    if (req.method === 'POST') {
      this.sessions++;
      this.stored = Buffer.alloc(0);
      this.chunks = 0;
      return void res.writeHead(201, { Location: `/session/${this.sessions}` }).end();
    }
    if (req.url !== `/session/${this.sessions}`) return void res.writeHead(404).end();
    const range = String(req.headers['content-range'] ?? '');
    const probe = /^bytes \*\/(\d+)$/.exec(range);
    const chunk = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range);
    const total = Number((probe ?? chunk)?.[probe ? 1 : 3]);
    if (chunk) {
      if (Number(chunk[1]) !== this.stored.length) {
        return void res.writeHead(400).end('{"error":{"message":"gap or overlap"}}');
      }
      this.stored = Buffer.concat([this.stored, Buffer.concat(body)]);
      this.chunks++;
      if (this.expireAfterChunks !== undefined && this.chunks === this.expireAfterChunks) {
        this.expireAfterChunks = undefined;
        this.sessions++;
      }
    }
    if (this.stored.length === total) return void res.writeHead(200).end('{}');
    const headers: Record<string, string> = this.stored.length
      ? { Range: `bytes=0-${this.stored.length - 1}` }
      : {};
    res.writeHead(308, headers).end();
  };
}

let server: Server;
let storage: FakeStorage;
let base: string;
let dir: string;
let file: LocalFile;
const content = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-transfer-'));
  const path = join(dir, 'data.bin');
  await writeFile(path, content);
  file = { path, name: 'data.bin', size: content.length, mtimeMs: (await stat(path)).mtimeMs };
  server = createServer((req, res) => void storage.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  storage = new FakeStorage();
});

function send(settings: Partial<typeof defaultTransferSettings> = {}, progress: number[] = []) {
  return transferFile(file, `${base}/upload`, {
    settings: {
      ...defaultTransferSettings,
      resumableThreshold: 1000,
      chunkSize: 1024,
      retryDelayMs: 1,
      ...settings,
    },
    signal: new AbortController().signal,
    headers: {},
    onProgress: (bytes) => progress.push(bytes),
    checkFile: async () => undefined,
  });
}

describe('transferFile (resumable)', () => {
  it('sends the file in chunks and reports progress up to the size', async () => {
    const progress: number[] = [];
    await send({}, progress);
    expect(storage.stored.equals(content)).toBe(true);
    expect(progress.at(-1)).toBe(content.length);
  });

  it('starts a new session from byte 0 when the old one expired', async () => {
    storage.expireAfterChunks = 2;
    await send();
    expect(storage.sessions).toBe(3);
    expect(storage.stored.equals(content)).toBe(true);
  });

  it('retries 503s and gives up on a 400 with the server message', async () => {
    storage.forced = [503, 503];
    await send();
    expect(storage.stored.equals(content)).toBe(true);
    storage = new FakeStorage();
    storage.forced = [400];
    await expect(send()).rejects.toMatchObject({ appError: { detail: expect.stringContaining('forced') } });
  });

  it('stops after the configured number of attempts without progress', async () => {
    storage.forced = Array.from({ length: 20 }, () => 503);
    await expect(send({ maxRetries: 3 })).rejects.toMatchObject({ appError: { code: 'unavailable' } });
    expect(storage.forced.length).toBeGreaterThan(10);
  });
});

describe('uploadHeadersFor', () => {
  it('sends the token to the API origin only', () => {
    const api = 'http://127.0.0.1:4000/api/v1';
    expect(uploadHeadersFor(api, 'http://127.0.0.1:4000/upload/x', 'tok')).toEqual({
      Authorization: 'Bearer tok',
    });
    expect(uploadHeadersFor(api, 'https://storage.example/upload/x', 'tok')).toEqual({});
    expect(uploadHeadersFor(api, 'http://127.0.0.1:4001/upload/x', 'tok')).toEqual({});
    expect(uploadHeadersFor(api, 'http://127.0.0.1:4000/upload/x', undefined)).toEqual({});
  });
});
