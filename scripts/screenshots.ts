// Takes the README's screenshots of the table page from the app in browser mode against a fresh
// demo server: `npx tsx scripts/screenshots.ts` (needs a Chromium, as the end-to-end tests do).
import { chromium } from '@playwright/test';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBrowserApp } from '../electron/web/browserApp';
import { startEmulator } from '../emulator/src/index';

const TABLE = 'demo.large_sample.measurements';
const SIZES = [
  { width: 1920, height: 1200 },
  { width: 1024, height: 640 },
];

async function main(): Promise<void> {
  const root = resolve(__dirname, '..');
  const { buildRenderer } = (await import(join(root, 'scripts/buildRenderer.mjs'))) as {
    buildRenderer(outDir: string): Promise<void>;
  };
  const { findChromium } = (await import(join(root, 'scripts/findChromium.mjs'))) as {
    findChromium(): Promise<string | undefined>;
  };
  const executablePath = await findChromium();
  if (!executablePath) throw new Error('No Chromium found: set CHROMIUM_PATH or install chromium.');

  const work = await mkdtemp(join(tmpdir(), 'rd-screenshots-'));
  const staticDir = join(work, 'renderer');
  await buildRenderer(staticDir);
  const emulator = await startEmulator({ dataDir: join(work, 'emulator'), port: 0, largeRows: 1_000_000 });
  const apiToken = await emulator.createApiToken('demo_user', [
    'public',
    'data.overview',
    'data.metadata',
    'data.data',
  ]);
  const app = await startBrowserApp({
    dataDir: join(work, 'app'),
    downloadDir: join(work, 'downloads'),
    opener: async () => undefined,
    staticDir,
    apiEndpoint: emulator.apiBase,
    demoApiEndpoint: emulator.apiBase,
    apiToken,
  });
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  const outDir = join(root, 'docs/images');
  await mkdir(outDir, { recursive: true });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: size, colorScheme: 'light' });
      await page.goto(app.url);
      await page.locator('[data-app-state="ready"]').waitFor();
      const reference = page.getByRole('textbox', { name: 'Reference or link' });
      await reference.fill(TABLE);
      await reference.press('Enter');
      await page.getByTestId('preview-count').filter({ hasText: '100,000' }).waitFor({ timeout: 60_000 });
      // Column profiles come from statistics the demo server computes on first request.
      await page
        .getByText(/^computing/)
        .first()
        .waitFor({ state: 'detached', timeout: 60_000 })
        .catch(() => undefined);
      const file = join(outDir, `table-page-${size.width}x${size.height}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await app.close();
    await emulator.close();
    await rm(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
