import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** The Electron binary is fetched on first run; where it is missing this spec is skipped with the reason. */
function electronBinary(): string | undefined {
  const pathFile = join(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();

test.describe('desktop app (Electron)', () => {
  test.skip(
    !binary,
    'The Electron binary is not installed here (it is downloaded on first run, which needs internet).',
  );

  test('opens the main window with the contract on window.redivis and reaches the ready marker', async () => {
    const app = await electron.launch({ executablePath: binary, args: [root] });
    const window = await app.firstWindow();
    await expect(window.locator('[data-app-state="ready"]')).toBeVisible();
    const shape = await window.evaluate(() => ({
      hasBridge: typeof (window as unknown as { redivis?: unknown }).redivis === 'object',
      hasRequire: typeof (window as unknown as { require?: unknown }).require,
    }));
    expect(shape).toEqual({ hasBridge: true, hasRequire: 'undefined' });
    const page = await window.evaluate(() => ({
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(page.process).toBe('undefined');
    await app.close();
  });
});
