// Runs the Playwright end-to-end tests in browser mode against system Chromium. Never skips
// silently: without a Chromium it fails and says how to get one.
import { spawnSync } from 'node:child_process';
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
process.exit(result.status ?? 1);
