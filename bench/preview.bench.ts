import { RecordBatchReader } from 'apache-arrow';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../emulator/src/index';
import { EventBus } from '../electron/services/host/eventBus';
import { PreviewService } from '../electron/services/preview/previewService';
import { RedivisApiClient } from '../electron/services/redivis/apiClient';
import { startBrowserApp } from '../electron/web/browserApp';
import { buildScripts, launchBenchChromium } from './benchBrowser';
import type { Benchmark, BenchResult } from './benchmark';

const ROWS = 1_000_000;
const TABLE = 'demo.large_sample.measurements';
const RUNS = 3;

interface Timing {
  firstMs: number;
  allMs: number;
  bytes: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Baseline: the same read session read straight over HTTP and decoded by apache-arrow. */
async function rawRead(emulator: RunningEmulator, token: string): Promise<Timing> {
  const start = performance.now();
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const session = (await (
    await fetch(`${emulator.apiBase}/tables/${TABLE}/readSessions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ format: 'arrow', maxResults: ROWS, requestedStreamCount: 1 }),
    })
  ).json()) as { streams: { id: string }[] };
  let firstMs = NaN;
  let bytes = 0;
  for (const stream of session.streams) {
    const response = await fetch(`${emulator.apiBase}/readStreams/${stream.id}?eosSentinel=true`, {
      headers,
    });
    const body = response.body as unknown as AsyncIterable<Uint8Array>;
    const counted = (async function* () {
      for await (const chunk of body) {
        bytes += chunk.byteLength;
        yield chunk;
      }
    })();
    for await (const batch of await RecordBatchReader.from(counted)) {
      if (batch.numRows > 0 && Number.isNaN(firstMs)) firstMs = performance.now() - start;
    }
  }
  return { firstMs, allMs: performance.now() - start, bytes };
}

/** The app's Node side: read session, stream, repack and emit `preview.batch` events. */
async function serviceRead(service: PreviewService, bus: EventBus, id: string): Promise<Timing> {
  const start = performance.now();
  let firstMs = NaN;
  let bytes = 0;
  const done = new Promise<void>((resolve) => {
    const detach = bus.attach((event, payload) => {
      const p = payload as { previewId: string; ipc?: Uint8Array };
      if (p.previewId !== id) return;
      if (event === 'preview.batch') {
        if (Number.isNaN(firstMs)) firstMs = performance.now() - start;
        bytes += p.ipc?.byteLength ?? 0;
      }
      if (event === 'preview.ended') {
        detach();
        resolve();
      }
    });
  });
  await service.start({ previewId: id, tableRef: TABLE, maxRows: ROWS }, 'bench');
  await done;
  return { firstMs, allMs: performance.now() - start, bytes };
}

interface PageTimes {
  times: { enter?: number; first?: number; all?: number };
  document: {
    addEventListener(type: 'keydown', listener: () => void, options: { capture: boolean }): void;
    querySelector(selector: string): { textContent: string | null } | null;
    body: unknown;
  };
}

declare const MutationObserver: new (callback: () => void) => {
  observe(target: unknown, options: { childList: boolean; subtree: boolean; characterData: boolean }): void;
};

/** Heap of the renderer before and after a million-row preview, in headless Chromium. */
async function rendererMemory(emulator: RunningEmulator, token: string, dataDir: string) {
  const { buildRenderer, findChromium } = await buildScripts();
  const executablePath = await findChromium();
  if (!executablePath) throw new Error('No Chromium for the renderer memory measurement.');
  const staticDir = join(dataDir, 'renderer');
  await buildRenderer(staticDir);
  const app = await startBrowserApp({
    dataDir: join(dataDir, 'app'),
    staticDir,
    apiEndpoint: emulator.apiBase,
    apiToken: token,
  });
  app.services.context.settings.set('preview.options', { rowCap: ROWS });
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
    await input.fill(TABLE);
    // Timed inside the page: this Node process also runs the emulator and the app's services,
    // so Playwright's own polling would be delayed by their work and overstate the times.
    await page.evaluate(() => {
      const scope = globalThis as unknown as PageTimes;
      const doc = scope.document;
      scope.times = {};
      doc.addEventListener('keydown', () => (scope.times.enter ??= performance.now()), { capture: true });
      new MutationObserver(() => {
        if (scope.times.enter === undefined) return;
        if (scope.times.first === undefined && doc.querySelector('[role="gridcell"]')) {
          scope.times.first = performance.now();
        }
        if (
          doc.querySelector('[data-testid="preview-count"]')?.textContent === '1,000,000 of 1,000,000 rows'
        ) {
          scope.times.all ??= performance.now();
        }
      }).observe(doc.body, { childList: true, subtree: true, characterData: true });
    });
    await input.press('Enter');
    await page.getByText('1,000,000 of 1,000,000 rows').waitFor({ timeout: 120_000 });
    const times = await page.evaluate(() => (globalThis as unknown as PageTimes).times);
    const enter = times.enter ?? NaN;
    const firstMs = (times.first ?? NaN) - enter;
    const allMs = (times.all ?? NaN) - enter;
    const after = await heap();
    return { before, after, firstMs, allMs };
  } finally {
    await browser.close();
    await app.close();
  }
}

const benchmark: Benchmark = {
  name: 'preview',
  async run() {
    const dataDir = await mkdtemp(join(tmpdir(), 'rd-bench-preview-'));
    const emulator = await startEmulator({ dataDir: join(dataDir, 'emulator'), largeRows: ROWS });
    try {
      const token = await emulator.createApiToken('demo_user', [
        'public',
        'data.overview',
        'data.metadata',
        'data.data',
      ]);
      const api = new RedivisApiClient({
        baseUrl: () => emulator.apiBase,
        tokens: { accessToken: async () => token, refreshAfterUnauthorized: async () => false },
      });
      const bus = new EventBus();
      const service = new PreviewService({ api, events: bus });
      await rawRead(emulator, token); // warm-up: caches, JIT
      const raw: Timing[] = [];
      const app: Timing[] = [];
      for (let i = 0; i < RUNS; i++) {
        raw.push(await rawRead(emulator, token));
        app.push(await serviceRead(service, bus, `bench-${i}`));
      }
      const rawFirst = median(raw.map((t) => t.firstMs));
      const appFirst = median(app.map((t) => t.firstMs));
      const rawAll = median(raw.map((t) => t.allMs));
      const appAll = median(app.map((t) => t.allMs));
      const mb = (raw[0]?.bytes ?? 0) / 1e6;
      const results: BenchResult[] = [
        {
          name: 'time to first rows (Node side, 1M-row cap)',
          value: appFirst,
          unit: 'ms',
          baseline: { name: 'raw HTTP + Arrow decode of the first batch', value: rawFirst },
          ratio: appFirst / rawFirst,
          target: '≤ 2',
        },
        {
          name: 'time to the full 1M-row cap (Node side)',
          value: appAll,
          unit: 'ms',
          baseline: { name: `raw HTTP + Arrow decode of the same ${mb.toFixed(1)} MB`, value: rawAll },
          ratio: appAll / rawAll,
          target: '≤ 2',
        },
      ];
      const memory = await rendererMemory(emulator, token, dataDir);
      results.push(
        {
          name: 'browser: click to first rows on screen',
          value: memory.firstMs,
          unit: 'ms',
          baseline: { name: 'raw HTTP first batch (Node)', value: rawFirst },
          ratio: memory.firstMs / rawFirst,
          note: 'timed in the page: table page, catalog calls, WebSocket, decode and React render',
        },
        {
          name: 'browser: click to all 1M rows loaded',
          value: memory.allMs,
          unit: 'ms',
          baseline: { name: 'raw HTTP read of the same bytes (Node)', value: rawAll },
          ratio: memory.allMs / rawAll,
        },
        {
          name: 'renderer heap after loading 1M rows',
          value: memory.after / 1e6,
          unit: 'MB',
          baseline: { name: 'Arrow IPC bytes of those rows', value: mb },
          ratio: (memory.after - memory.before) / 1e6 / mb,
          note: `heap before opening the table: ${(memory.before / 1e6).toFixed(1)} MB; ratio = growth / IPC bytes`,
        },
      );
      return results;
    } finally {
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
