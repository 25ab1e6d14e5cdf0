import { RecordBatchReader } from 'apache-arrow';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../emulator/src/index';
import { startBrowserApp } from '../electron/web/browserApp';
import { buildScripts, launchBenchChromium } from './benchBrowser';
import type { Benchmark, BenchResult } from './benchmark';

const ROWS = 1_000_000;
const RUNS = 3;
/** A GROUP BY (8 rows) and a filter (125,000 rows): small and large results. */
const QUERIES = [
  {
    name: 'GROUP BY',
    sql: (n: number) =>
      `SELECT category, COUNT(*) AS n, AVG(value) + ${n} AS mean FROM \`demo.large_sample.measurements\` GROUP BY category`,
  },
  {
    name: 'filter',
    sql: (n: number) =>
      `SELECT *, ${n} AS run FROM \`demo.large_sample.measurements\` WHERE category = 'beta'`,
  },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Baseline: the same query done raw: POST (same short wait as the app), poll, first batch of a read stream. */
async function rawQuery(emulator: RunningEmulator, token: string, sql: string): Promise<number> {
  const start = performance.now();
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  let query = (await (
    await fetch(`${emulator.apiBase}/queries`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: sql, timeoutMs: 2_000 }),
    })
  ).json()) as { id: string; status: string };
  while (query.status !== 'completed') {
    if (query.status === 'failed') throw new Error(`query failed: ${sql}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    query = (await (
      await fetch(`${emulator.apiBase}/queries/${query.id}`, { headers })
    ).json()) as typeof query;
  }
  const session = (await (
    await fetch(`${emulator.apiBase}/queries/${query.id}/readSessions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ format: 'arrow', maxResults: 100_000, requestedStreamCount: 1 }),
    })
  ).json()) as { streams: { id: string }[] };
  const response = await fetch(`${emulator.apiBase}/readStreams/${session.streams[0]?.id}`, { headers });
  const reader = await RecordBatchReader.from(response.body as unknown as AsyncIterable<Uint8Array>);
  for await (const batch of reader) {
    if (batch.numRows > 0) break;
  }
  const ms = performance.now() - start;
  await response.body?.cancel().catch(() => undefined);
  return ms;
}

interface PageTimes {
  times: { run?: number; first?: number };
  document: {
    addEventListener(
      type: 'keydown',
      listener: (event: { key: string }) => void,
      options: { capture: boolean },
    ): void;
    querySelector(selector: string): unknown;
    body: unknown;
  };
}

declare const MutationObserver: new (callback: () => void) => {
  observe(target: unknown, options: { childList: boolean; subtree: boolean; characterData: boolean }): void;
};

const benchmark: Benchmark = {
  name: 'query',
  async run() {
    const dataDir = await mkdtemp(join(tmpdir(), 'rd-bench-query-'));
    const emulator = await startEmulator({ dataDir: join(dataDir, 'emulator'), largeRows: ROWS });
    const { buildRenderer, findChromium } = await buildScripts();
    const executablePath = await findChromium();
    if (!executablePath) throw new Error('No Chromium for the query benchmark.');
    const staticDir = join(dataDir, 'renderer');
    await buildRenderer(staticDir);
    const token = await emulator.createApiToken('demo_user', [
      'public',
      'data.overview',
      'data.metadata',
      'data.data',
    ]);
    const app = await startBrowserApp({
      dataDir: join(dataDir, 'app'),
      staticDir,
      apiEndpoint: emulator.apiBase,
      apiToken: token,
    });
    const browser = await launchBenchChromium(executablePath);
    const results: BenchResult[] = [];
    try {
      // The first query of a table also prepares it for the engine: warm it up outside the timings.
      await rawQuery(emulator, token, QUERIES[0]?.sql(-1) ?? '');
      const page = await browser.newPage();
      await page.goto(app.url);
      await page.locator('[data-app-state="ready"]').waitFor();
      await page.getByRole('button', { name: 'New query', exact: true }).first().click();
      const editor = page.locator('.cm-content');
      let run = 0;
      for (const query of QUERIES) {
        const raw: number[] = [];
        const app: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          raw.push(await rawQuery(emulator, token, query.sql(run++)));
          await editor.click();
          await page.keyboard.press('ControlOrMeta+A');
          await page.keyboard.insertText(query.sql(run++));
          // Timed inside the page: from the Run key to the first result cell on screen.
          await page.evaluate(() => {
            const scope = globalThis as unknown as PageTimes;
            const doc = scope.document;
            scope.times = {};
            doc.addEventListener(
              'keydown',
              (event) => {
                if (event.key === 'Enter') scope.times.run ??= performance.now();
              },
              { capture: true },
            );
            new MutationObserver(() => {
              if (
                scope.times.run !== undefined &&
                scope.times.first === undefined &&
                doc.querySelector('.qw-result [role="gridcell"]')
              ) {
                scope.times.first = performance.now();
              }
            }).observe(doc.body, { childList: true, subtree: true, characterData: true });
          });
          await page.keyboard.press('ControlOrMeta+Enter');
          await page.waitForFunction(
            () => (globalThis as unknown as PageTimes).times.first !== undefined,
            undefined,
            {
              timeout: 60_000,
            },
          );
          const times = await page.evaluate(() => (globalThis as unknown as PageTimes).times);
          app.push((times.first ?? NaN) - (times.run ?? NaN));
        }
        const appMs = median(app);
        const rawMs = median(raw);
        results.push({
          name: `${query.name}: Run to first result rows on screen`,
          value: appMs,
          unit: 'ms',
          baseline: { name: 'raw POST, poll, first read-stream batch', value: rawMs },
          ratio: appMs / rawMs,
          note: `median of ${RUNS}; 1M-row table, emulator in the same process`,
        });
      }
    } finally {
      await browser.close();
      await app.close();
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
    }
    return results;
  },
};

export default benchmark;
