import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from './browserApp';
import { fileStagingRoutes } from './fileStaging';
import { LocalFiles } from '../services/uploads/localFiles';

let app: BrowserApp;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-staging-'));
  app = await startBrowserApp({
    dataDir: join(dir, 'data'),
    staticDir: dir,
    apiEndpoint: 'http://127.0.0.1:9/api/v1',
    localRoutes: fileStagingRoutes,
  });
});

afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

const cookie = () => app.server.cookie;

function stage(body: string, headers: Record<string, string>) {
  return fetch(`${app.server.origin}/local/stage`, { method: 'POST', body, headers });
}

describe('browser-mode file staging', () => {
  it('streams a dropped file to the data dir and the uploads service reads it back', async () => {
    const csv = 'id;name\n1;a\n2;b\n';
    const response = await stage(csv, { Cookie: cookie(), 'X-File-Name': encodeURIComponent('wave 2.csv') });
    expect(response.status).toBe(200);
    const { stagingId } = (await response.json()) as { stagingId: string };
    const staged = await new LocalFiles(join(dir, 'data')).staging.resolve(stagingId);
    expect(await readFile(staged.path, 'utf8')).toBe(csv);
    const [file] = await app.services.handlers.uploads.inspect(
      { sources: [{ kind: 'staged', stagingId }] },
      { clientId: 'test' },
    );
    expect(file).toMatchObject({ name: 'wave 2.csv', size: csv.length, kind: 'tabular', type: 'delimited' });
    expect(file?.options.delimiter).toBe(';');
  });

  it('keeps only the file name, never a path', async () => {
    const response = await stage('x', {
      Cookie: cookie(),
      'X-File-Name': encodeURIComponent('../../etc/passwd'),
    });
    const { stagingId } = (await response.json()) as { stagingId: string };
    const staged = await new LocalFiles(join(dir, 'data')).staging.resolve(stagingId);
    expect(staged.name).toBe('passwd');
    expect(staged.path.startsWith(join(dir, 'data', 'staging'))).toBe(true);
  });

  it('refuses requests without the launch secret, from other origins, or with other methods', async () => {
    expect((await stage('x', {})).status).toBe(403);
    expect((await stage('x', { Cookie: cookie(), Origin: 'https://evil.example' })).status).toBe(403);
    const get = await fetch(`${app.server.origin}/local/stage`, { headers: { Cookie: cookie() } });
    expect(get.status).toBe(405);
  });
});
