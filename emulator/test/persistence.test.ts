import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Store } from '../src/store/store.js';
import { post, startHarness } from './emulatorHarness.js';

describe('persistence', () => {
  it('keeps data across restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'redivis-emu-persist-'));
    try {
      const first = await startHarness({ dataDir });
      const created = await first.api('/users/demo_user/datasets', post({ name: 'Survives restarts' }));
      expect(created.status).toBe(200);
      await first.stop();
      const second = await startHarness({ dataDir });
      const ds = await second.json('/datasets/demo_user.survives_restarts:next');
      expect(ds.name).toBe('Survives restarts');
      // Static tokens from the first run still work.
      expect((await second.api('/users/me', { token: first.token })).status).toBe(200);
      await second.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('leaves a consistent store when the process is killed while writing', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'redivis-emu-crash-'));
    try {
      const script = fileURLToPath(new URL('./fixtures/storeWriter.ts', import.meta.url));
      const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('ready')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
      });
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));

      const store = await Store.open(dataDir);
      expect(store).not.toBeNull();
      const crashed = Object.values(store?.state.datasets ?? {}).filter((d) => d.id.startsWith('crash-'));
      expect(crashed.length).toBeGreaterThanOrEqual(20);
      for (const dataset of crashed) {
        expect(store?.state.versions[`${dataset.id}-v`], dataset.id).toBeDefined();
      }
      // The reopened store serves requests.
      const h = await startHarness({ dataDir });
      expect((await h.api('/tables/demo.iris_species.iris')).status).toBe(200);
      await h.stop();
      const leftovers = (await readdir(dataDir)).filter((name) => name.endsWith('.tmp'));
      expect(leftovers.length).toBeLessThanOrEqual(1);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
