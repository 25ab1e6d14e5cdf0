import { join } from 'node:path';
import type { RunningEmulator } from '../emulator/src/index';
import { startBrowserApp } from '../electron/web/browserApp';
import { buildScripts, launchBenchChromium } from './benchBrowser';
import { rendererMainTasks } from './rendererTasks';

interface PageTimes {
  times: { enter?: number; first?: number; all?: number };
  longTasks: { start: number; duration: number }[];
  document: {
    addEventListener(type: 'keydown', listener: () => void, options: { capture: boolean }): void;
    querySelector(selector: string): { textContent: string | null } | null;
    body: unknown;
  };
}

declare const MutationObserver: new (callback: () => void) => {
  observe(target: unknown, options: { childList: boolean; subtree: boolean; characterData: boolean }): void;
};
declare const PerformanceObserver: new (
  callback: (list: { getEntries(): { startTime: number; duration: number }[] }) => void,
) => { observe(options: { type: string }): void };

/**
 * A million-row preview in headless Chromium: times to first and all rows, the heap before and
 * after, and the main thread's long tasks (over 50 ms) from the Enter key to the last row.
 */
export async function browserLoad(
  emulator: RunningEmulator,
  token: string,
  dataDir: string,
  table: string,
  rows: number,
) {
  const loaded = `${rows.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} rows`;
  const { buildRenderer, findChromium } = await buildScripts();
  const executablePath = await findChromium();
  if (!executablePath) throw new Error('No Chromium for the renderer measurements.');
  const staticDir = join(dataDir, 'renderer');
  await buildRenderer(staticDir);
  const app = await startBrowserApp({
    dataDir: join(dataDir, 'app'),
    staticDir,
    apiEndpoint: emulator.apiBase,
    apiToken: token,
  });
  app.services.context.settings.set('preview.options', { rowCap: rows });
  const browser = await launchBenchChromium(executablePath);
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      // Arrow data lives in ArrayBuffers, outside the JS heap proper: count their backing stores.
      const usage = (await cdp.send('Runtime.getHeapUsage')) as {
        usedSize: number;
        embedderHeapUsedSize?: number;
        backingStorageSize?: number;
      };
      return usage.usedSize + (usage.embedderHeapUsedSize ?? 0) + (usage.backingStorageSize ?? 0);
    };
    await page.goto(app.url);
    await page.locator('[data-app-state="ready"]').waitFor();
    const before = await heap();
    const input = page.getByRole('textbox', { name: 'Reference or link' });
    await input.fill(table);
    // Timed inside the page: this Node process also runs the emulator and the app's services,
    // so Playwright's own polling would be delayed by their work and overstate the times.
    await page.evaluate((loaded) => {
      const scope = globalThis as unknown as PageTimes;
      const doc = scope.document;
      scope.times = {};
      scope.longTasks = [];
      new PerformanceObserver((list) => {
        for (const task of list.getEntries())
          scope.longTasks.push({ start: task.startTime, duration: task.duration });
      }).observe({ type: 'longtask' });
      doc.addEventListener('keydown', () => (scope.times.enter ??= performance.now()), { capture: true });
      new MutationObserver(() => {
        if (scope.times.enter === undefined) return;
        if (scope.times.first === undefined && doc.querySelector('[role="gridcell"]')) {
          scope.times.first = performance.now();
        }
        if (doc.querySelector('[data-testid="preview-count"]')?.textContent === loaded) {
          scope.times.all ??= performance.now();
        }
      }).observe(doc.body, { childList: true, subtree: true, characterData: true });
    }, loaded);
    // Traced too, for each task's CPU time beside its wall time (the long-task API has only the latter).
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
    });
    await input.press('Enter');
    await page.getByText(loaded).waitFor({ timeout: 120_000 });
    // Long-task entries are delivered after the task: give the last ones a moment.
    await page.waitForTimeout(200);
    const tasks = rendererMainTasks(await browser.stopTracing());
    const { times, longTasks } = await page.evaluate(() => {
      const scope = globalThis as unknown as PageTimes;
      return { times: scope.times, longTasks: scope.longTasks };
    });
    const enter = times.enter ?? NaN;
    const firstMs = (times.first ?? NaN) - enter;
    const allMs = (times.all ?? NaN) - enter;
    const loading = longTasks.filter((task) => task.start >= enter && task.start <= (times.all ?? Infinity));
    const after = await heap();
    return { before, after, firstMs, allMs, loading, tasks };
  } finally {
    await browser.close();
    await app.close();
  }
}
