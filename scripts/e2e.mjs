// Runs the Playwright end-to-end tests in browser mode against system Chromium. Never skips
// silently: without a Chromium it fails and says how to get one.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRenderer } from './buildRenderer.mjs';
import { findChromium } from './findChromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = await findChromium();
if (!chromium) {
  console.error(
    'No Chromium found for the end-to-end tests.\n' +
      '  Debian/Ubuntu: sudo apt-get install chromium\n' +
      '  or set CHROMIUM_PATH to a Chromium/Chrome binary\n' +
      '  or run: npx playwright install chromium',
  );
  process.exit(1);
}

// RENDERER_DIR lets several test runs on one machine each use their own build.
const rendererDir = process.env.RENDERER_DIR ?? join(root, 'out/renderer');
await buildRenderer(rendererDir);

const result = spawnSync(
  process.execPath,
  [join(root, 'node_modules/@playwright/test/cli.js'), 'test', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: chromium, RENDERER_DIR: rendererDir },
  },
);
const electronPath = join(root, 'node_modules/electron/path.txt');
if (
  !existsSync(electronPath) ||
  !existsSync(join(root, 'node_modules/electron/dist', readFileSync(electronPath, 'utf8')))
) {
  console.log(
    'Electron e2e spec skipped: the Electron binary is not installed here (it is downloaded on first run, which needs internet).',
  );
}
process.exit(result.status ?? 1);
