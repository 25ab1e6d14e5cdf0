import { monitorEventLoopDelay } from 'node:perf_hooks';
import { RedivisApiClient } from '../redivis/apiClient';
import { createReadSession, tablePath } from '../redivis/readSession';
import type { LocalFormat } from './exportFormats';
import { downloadTable } from './tableDownload';

/**
 * Runs one download in a process of its own: to prove that a process killed mid-write leaves
 * nothing at the target, and to measure time, peak memory and event-loop delay apart from the
 * emulator. Format `raw` reads the same read streams with plain fetch (the baseline).
 * Usage: node --import tsx downloadProcess.ts <apiBase> <tableRef> <format|raw> <target> [streams] [parallel]
 * with the access token in REDIVIS_API_TOKEN. Prints one JSON line per progress step, then a summary.
 */
async function main(): Promise<void> {
  const [apiBase, tableRef, format, target, streams, parallel] = process.argv.slice(2);
  const token = process.env.REDIVIS_API_TOKEN;
  if (!apiBase || !tableRef || !format || !target || !token) throw new Error('missing arguments');
  const api = new RedivisApiClient({
    baseUrl: () => apiBase,
    tokens: { accessToken: async () => token, refreshAfterUnauthorized: async () => false },
  });
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  let rows = 0;
  let bytes = 0;
  if (format === 'raw') {
    ({ rows, bytes } = await rawRead(api, apiBase, token, tableRef, Number(streams ?? 8)));
  } else {
    const result = await downloadTable({
      api,
      tableRef,
      format: format as LocalFormat,
      target,
      overwrite: true,
      signal: new AbortController().signal,
      streamCount: streams ? Number(streams) : undefined,
      parallelStreams: parallel ? Number(parallel) : undefined,
      progress: (p) => {
        if (p.rowsDone) process.stdout.write(`${JSON.stringify({ rows: p.rowsDone, bytes: p.bytesDone })}\n`);
      },
    });
    ({ rows, bytes } = result);
  }
  const ms = performance.now() - started;
  delay.disable();
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const summary = {
    done: rows,
    bytes,
    ms,
    peakRss,
    loopP99Ms: delay.percentile(99) / 1e6,
    loopMaxMs: delay.max / 1e6,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

/** The baseline: the same session's streams fetched in parallel, bytes counted, nothing decoded. */
async function rawRead(
  api: RedivisApiClient,
  apiBase: string,
  token: string,
  tableRef: string,
  streams: number,
) {
  const session = await createReadSession(api, tablePath(tableRef), { requestedStreamCount: streams });
  const sizes = await Promise.all(
    session.streams.map(async (stream) => {
      const response = await fetch(`${apiBase}/readStreams/${stream.id}?eosSentinel=true`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      let size = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
        size += chunk.byteLength;
      return size;
    }),
  );
  return { rows: session.numRows, bytes: sizes.reduce((a, b) => a + b, 0) };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
