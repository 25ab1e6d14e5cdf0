import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBuilderConfig } from './checkBuilderConfig.mjs';

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema check and names every target", async () => {
    const config = (await checkBuilderConfig()) as Record<
      string,
      { target?: string[] } & Record<string, unknown>
    >;
    expect(config.appId).toBe('com.redivis.desktop');
    expect(config.productName).toBe('Redivis Desktop');
    expect(config.asar).toBe(true);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('the check really rejects an invalid configuration', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rd-builder-'));
    const bad = join(dir, 'bad.yml');
    await writeFile(bad, 'appId: x\nproductNme: typo\n');
    await expect(checkBuilderConfig(bad)).rejects.toThrow(/productNme/);
  });
});
