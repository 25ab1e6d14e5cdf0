import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHugeTable } from '../src/demo/hugeTable.js';
import { openOrSeedStore } from '../src/demo/templateCache.js';
import { SMALL_LARGE_ROWS, startHarness } from './emulatorHarness.js';

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
const run = promisify(execFile);

describe('command line', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'redivis-emu-cli-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves on the requested port and accepts tokens minted by the token command', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', cli, '--port', '0', '--data', dataDir, '--large-rows', String(SMALL_LARGE_ROWS)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const apiBase = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /Redivis emulator listening at (http:\/\/127\.0\.0\.1:\d+\/api\/v1)/.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
      });
      const { stdout } = await run(process.execPath, [
        '--import',
        'tsx',
        cli,
        'token',
        '--user',
        'alice',
        '--scopes',
        'public data.data',
        '--data',
        dataDir,
      ]);
      const token = stdout.trim();
      expect(token).toMatch(/^rdvs_api_/);
      const me = await fetch(`${apiBase}/users/me`, { headers: { Authorization: `Bearer ${token}` } });
      expect(await me.json()).toMatchObject({ name: 'alice' });
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});

describe('huge table generation', () => {
  it('adds demo.large_sample.huge with the requested rows', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'redivis-emu-huge-'));
    try {
      const store = await openOrSeedStore(dataDir, SMALL_LARGE_ROWS);
      await addHugeTable(store, 70_000);
      const h = await startHarness({ dataDir });
      const table = await h.json('/tables/demo.large_sample.huge');
      expect(table).toMatchObject({ name: 'huge', numRows: 70_000 });
      await h.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
