import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { demoFiles } from '../../emulator/src/demo/demoFiles';
import type { Outcome } from '../../shared/contract/errors';
import type { FileContent, FileListing } from '../../shared/contract/filesModel';
import { dispatch } from '../services/host/dispatch';
import { startBrowserApp, type BrowserApp } from './browserApp';

const TABLE = 'demo.sample_files.files';
let dir: string;
let emulator: RunningEmulator;
let app: BrowserApp;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-file-route-'));
  emulator = await startEmulator({ dataDir: join(dir, 'emulator'), largeRows: 2000 });
  app = await startBrowserApp({
    dataDir: join(dir, 'app'),
    staticDir: dir,
    apiEndpoint: emulator.apiBase,
    apiToken: await emulator.createApiToken('demo_user', ['public', 'data.data']),
  });
});
afterAll(async () => {
  await app?.close();
  await emulator?.close();
  await rm(dir, { recursive: true, force: true });
});

async function call<T>(name: string, params: unknown): Promise<T> {
  const outcome: Outcome<unknown> = await dispatch(app.services.handlers, name, params, { clientId: 'ws-1' });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value as T;
}

async function addressOf(name: string): Promise<string> {
  const listing = await call<FileListing>('files.list', { tableRef: TABLE });
  const fileId = listing.files.find((f) => f.name === name)!.id;
  return (await call<FileContent>('files.content', { tableRef: TABLE, fileId })).url;
}

describe('browser-mode file content route', () => {
  it('serves a file behind its handle with Range, only with the launch cookie', async () => {
    const png = demoFiles().find((f) => f.name === 'images/gradient.png')!.bytes;
    const url = `${app.server.origin}${await addressOf('images/gradient.png')}`;
    const whole = await fetch(url, { headers: { Cookie: app.server.cookie } });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await whole.arrayBuffer()).equals(png)).toBe(true);

    const part = await fetch(url, { headers: { Cookie: app.server.cookie, Range: 'bytes=8-23' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 8-23/${png.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(png.subarray(8, 24))).toBe(true);

    expect((await fetch(url)).status).toBe(403);
    const unknown = url.replace(/files\/[^/]+\//, 'files/AAAAAAAAAAAAAAAAAAAAAAAA/');
    expect((await fetch(unknown, { headers: { Cookie: app.server.cookie } })).status).toBe(404);
  });

  it('serves markup as plain text, so a file can never run script in the app', async () => {
    const url = `${app.server.origin}${await addressOf('README.txt')}`;
    const response = await fetch(url, { headers: { Cookie: app.server.cookie } });
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
