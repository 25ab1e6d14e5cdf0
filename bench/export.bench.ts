import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addHugeTable } from '../emulator/src/demo/hugeTable';
import { openOrSeedStore } from '../emulator/src/demo/templateCache';
import { startEmulator } from '../emulator/src/index';
import type { Benchmark, BenchResult } from './benchmark';
import { buildExportBundle } from './exportBundle';
import { hasProgram, isPeer, PEERS, runChild, runPeer, type Peer, type RunSummary } from './exportRuns';

/** The run with the median time (its memory and delay figures come with it). */
function median(results: RunSummary[]): RunSummary {
  const sorted = [...results].sort((a, b) => a.ms - b.ms);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error('no runs');
  return middle;
}

const rows = Number(process.env.BENCH_EXPORT_ROWS ?? 4_000_000);
const formats = (process.env.BENCH_EXPORT_FORMATS ?? 'arrow,csv,ndjson,parquet').split(',');
const runs = Math.max(1, Number(process.env.BENCH_EXPORT_RUNS ?? 3));
/** Peers to run (prefixes, e.g. `polars`), or `none`. */
const peerFilter = (process.env.BENCH_EXPORT_PEERS ?? 'polars,duckdb').split(',');

const mb = (bytes: number) => bytes / 1e6;

const peerNames: Record<Peer, string> = {
  'polars-csv': 'polars: Arrow IPC file → CSV',
  'polars-parquet': 'polars: Arrow IPC file → Parquet',
  'duckdb-csv': 'DuckDB: Parquet file → CSV',
  'duckdb-parquet': 'DuckDB: Parquet file → Parquet',
};

/**
 * Our export of `format` against a peer's conversion to it: the time ratio (above 1: we are
 * faster, though the peer has no download to do) and, for Parquet, the file sizes.
 */
function peerComparison(format: string, ours: RunSummary, peer: Peer, theirs: RunSummary): BenchResult {
  const sizes =
    format === 'parquet'
      ? `; files ${mb(ours.bytes).toFixed(1)} MB here, ${mb(theirs.bytes).toFixed(1)} MB by the peer (${((ours.bytes / theirs.bytes - 1) * 100).toFixed(0)} %)`
      : '';
  return {
    name: `${format}: against ${peerNames[peer]}`,
    value: 1000 / ours.ms,
    unit: 'exports/s',
    baseline: { name: peerNames[peer], value: 1000 / theirs.ms },
    ratio: theirs.ms / ours.ms,
    target: peer === 'polars-parquet' ? '≥ 1.0, files no larger' : '',
    note: `${ours.ms.toFixed(0)} ms with the download, the peer ${theirs.ms.toFixed(0)} ms from a file${sizes}`,
  };
}
/** The CSV export built with the filling encoder (see fillingEncoder.ts). */
const CEILING = 'csv-ceiling';
/** The app's Parquet writer converting the peers' Arrow IPC file: no download (downloadProcess.ts). */
const FILE_PARQUET = 'file-parquet';

/**
 * Table downloads and exports, each run in a child process of its own (standing in for the app's
 * main process, and bundled like it: see exportBundle.ts) against an emulator in this process, on
 * `demo.large_sample.huge`:
 * - throughput of Arrow, CSV, NDJSON and Parquet against a raw HTTP read of the same read streams
 *   (the same 8 streams read with node:http, bytes counted, nothing decoded), measured in the same
 *   run; a raw read through fetch, and the raw read written to a file (Arrow is also compared
 *   with that: the part of its cost that is the disk's), are shown for reference, and with CSV its
 *   ceiling: the same export with the cell spelling replaced by a fill of as many bytes
 *   (fillingEncoder.ts), the most any encoder could reach here. Each is the median of BENCH_EXPORT_RUNS
 *   runs (default 3), taken in turns so that a noisy moment hits every format alike;
 * - peers, as references on the same table in the same run: a raw read by curl processes (when
 *   curl is installed: the physical limit, no JavaScript involved), polars converting the Arrow
 *   IPC file to CSV and to Parquet, and DuckDB converting a Parquet file to CSV and to Parquet
 *   (exportPeers.ts; dev dependencies of the benchmark only). Peers convert a file already on
 *   disk: they have no download to do. So that Parquet is also compared on their footing, the
 *   app's Parquet writer converts polars' input file too, fed its batches as a download feeds them
 *   (`file-parquet` in downloadProcess.ts);
 * - peak RSS of each child, and its event-loop delay (perf_hooks.monitorEventLoopDelay): the worst
 *   p99 and the longest stall over all runs, each run's printed as it ends.
 * BENCH_EXPORT_ROWS sets the table size (default 4,000,000 rows, 148 MB of Arrow, about 35 s to
 * generate; 60,000,000 rows gives a ~2.2 GB table). BENCH_EXPORT_FORMATS picks formats (e.g. `arrow,csv`).
 */
const benchmark: Benchmark = {
  name: 'table export',
  async run() {
    const dataDir = await mkdtemp(join(tmpdir(), 'rd-bench-export-'));
    const outDir = await mkdtemp(join(tmpdir(), 'rd-bench-export-out-'));
    try {
      const script = await buildExportBundle();
      const ceilingScript = formats.includes('csv') ? await buildExportBundle('ceiling') : '';
      const store = await openOrSeedStore(dataDir, 20_000);
      process.stderr.write(`  generating demo.large_sample.huge (${rows} rows)…\n`);
      await addHugeTable(store, rows);
      const emulator = await startEmulator({ dataDir, largeRows: 20_000 });
      const token = await emulator.createApiToken('demo_user', ['public', 'data.data']);
      const table = 'demo.large_sample.huge';
      const results: BenchResult[] = [];
      try {
        const curl = await hasProgram('curl');
        const modes = [
          'raw',
          'raw-fetch',
          ...(curl ? ['raw-curl'] : []),
          'raw-file',
          ...formats,
          ...(ceilingScript ? [CEILING] : []),
        ];
        const peers = PEERS.filter((peer) => peerFilter.some((name) => peer.startsWith(name)));
        // With polars to compare against, the app's writer also converts polars' input file.
        if (peers.includes('polars-parquet') && formats.includes('parquet')) modes.push(FILE_PARQUET);
        const summaries = new Map<string, RunSummary[]>([...modes, ...peers].map((m) => [m, []]));
        /** Peers that could not run here (nodejs-polars without its binding), and why. */
        const missing = new Map<string, string>();
        // The peers' inputs: the table as this app exports it to Arrow IPC and to Parquet.
        const peerInput = {
          ipc: join(outDir, 'peer-input.ipc'),
          parquet: join(outDir, 'peer-input.parquet'),
        };
        if (peers.length) {
          await runChild(script, emulator, token, table, 'arrow', peerInput.ipc);
          await runChild(script, emulator, token, table, 'parquet', peerInput.parquet);
        }
        let csvBytesPerRow = 0;
        for (let round = 0; round < runs; round++) {
          for (const mode of [...modes, ...peers]) {
            const target = join(outDir, `huge.${mode}`);
            let run: RunSummary;
            if (isPeer(mode)) {
              if (missing.has(mode)) continue;
              const input = mode.startsWith('polars') ? peerInput.ipc : peerInput.parquet;
              const ran = await runPeer(mode, input, target).catch((error: Error) => error);
              if (ran instanceof Error) {
                missing.set(mode, ran.message);
                continue;
              }
              run = ran;
            } else if (mode === FILE_PARQUET) {
              run = await runChild(script, emulator, token, table, mode, target, {
                BENCH_INPUT_FILE: peerInput.ipc,
              });
            } else if (mode === CEILING) {
              run = await runChild(ceilingScript, emulator, token, table, 'csv', target, {
                BENCH_FILL_BYTES_PER_ROW: String(csvBytesPerRow),
              });
            } else {
              run = await runChild(script, emulator, token, table, mode, target);
            }
            await rm(target, { force: true });
            if (mode === 'csv') csvBytesPerRow = run.bytes / run.done;
            summaries.get(mode)?.push(run);
            process.stderr.write(
              `  run ${round + 1}/${runs} ${mode}: ${run.ms.toFixed(0)} ms, ${mb(run.bytes).toFixed(0)} MB, ` +
                `event-loop p99 ${run.loopP99Ms.toFixed(1)} ms, longest stall ${run.loopMaxMs.toFixed(1)} ms, ` +
                `peak RSS ${mb(run.peakRss).toFixed(0)} MB` +
                (run.phases?.Downloading !== undefined
                  ? `, rows asked for at ${run.phases.Downloading} ms`
                  : '') +
                (run.idle
                  ? `; an idle process beside it: p99 ${run.idle.p99Ms.toFixed(1)} ms, longest ${run.idle.maxMs.toFixed(1)} ms`
                  : '') +
                '\n',
            );
          }
        }
        const result = (mode: string) => median(summaries.get(mode) ?? []);
        const raw = result('raw');
        const rawRate = mb(raw.bytes) / (raw.ms / 1000);
        const size = `${rows.toLocaleString('en-US')} rows, ${mb(raw.bytes).toFixed(0)} MB of Arrow`;
        /** A run's speed in MB of Arrow read per second, against the raw read's. */
        const againstRaw = (name: string, run: RunSummary, note: string, target?: string): BenchResult => ({
          name,
          value: mb(raw.bytes) / (run.ms / 1000),
          unit: 'MB/s',
          baseline: { name: 'raw node:http read', value: rawRate },
          ratio: raw.ms / run.ms,
          target,
          note,
        });
        results.push(
          againstRaw(
            'raw read through fetch (reference)',
            result('raw-fetch'),
            'the same streams read with fetch, for comparison',
          ),
        );
        const curlRun = curl ? result('raw-curl') : undefined;
        if (curlRun) {
          results.push(
            againstRaw(
              'raw read by curl (reference: the physical limit)',
              curlRun,
              'the same streams read by 8 curl processes at once, bytes thrown away: no JavaScript involved',
            ),
          );
        }
        /** "0.52 of curl": a run against the physical limit, when curl is there. */
        const ofCurl = (run: RunSummary) => (curlRun ? `; ${(curlRun.ms / run.ms).toFixed(2)} of curl` : '');
        const toDisk = result('raw-file');
        results.push(
          againstRaw(
            'raw read written to a file (reference)',
            toDisk,
            `the same reads appended to one file 2 MB of a stream at a time and flushed, as a download writes; CPU ${toDisk.cpuMs} ms, ${toDisk.systemMs} in the kernel`,
          ),
        );
        results.push({
          name: 'raw HTTP read: peak RSS (reference)',
          value: mb(raw.peakRss),
          unit: 'MB',
          note: 'a process that only reads the streams, for comparison',
        });
        results.push({
          name: 'raw HTTP read: event-loop delay p99 (reference)',
          value: raw.loopP99Ms,
          unit: 'ms',
          note: `max ${raw.loopMaxMs.toFixed(1)} ms: what reading alone costs the loop`,
        });
        const targets: Record<string, string> = { arrow: '≥ 0.8', csv: '≥ 0.5' };
        for (const format of formats) {
          const run = result(format);
          if (run.done !== raw.done) throw new Error(`${format}: ${run.done} rows, expected ${raw.done}`);
          const note = `${size} → ${mb(run.bytes).toFixed(0)} MB ${format}`;
          results.push(
            againstRaw(
              `${format}: throughput (Arrow MB in / s)`,
              run,
              `${note}${ofCurl(run)}; CPU ${run.cpuMs} ms, ${run.systemMs} in the kernel (raw read ${raw.cpuMs}, ${raw.systemMs})`,
              targets[format] ?? '',
            ),
          );
          if (format === 'csv' && ceilingScript) {
            const ceiling = result(CEILING);
            results.push(
              againstRaw(
                'csv: encoder ceiling, cells not spelled (reference)',
                ceiling,
                `the same CSV export with the encoder replaced by a fill of the same ${mb(ceiling.bytes).toFixed(0)} MB (fillingEncoder.ts): the most any encoder could reach here; CPU ${ceiling.cpuMs} ms, ${ceiling.systemMs} in the kernel`,
              ),
            );
          }
          if (format === 'arrow') {
            results.push({
              name: 'arrow: throughput against the raw read written to a file',
              value: mb(raw.bytes) / (run.ms / 1000),
              unit: 'MB/s',
              baseline: { name: 'raw read written to a file', value: mb(toDisk.bytes) / (toDisk.ms / 1000) },
              ratio: toDisk.ms / run.ms,
              note: 'what the download costs beyond receiving the bytes onto disk',
            });
          }
          results.push({
            name: `${format}: peak RSS`,
            value: mb(run.peakRss),
            unit: 'MB',
            target: '< 300',
            note,
          });
          const all = summaries.get(format) ?? [];
          const perRun = all.map((r) => `${r.loopP99Ms.toFixed(0)}/${r.loopMaxMs.toFixed(0)}`).join(', ');
          results.push({
            name: `${format}: event-loop delay p99, worst of ${all.length} runs`,
            value: Math.max(...all.map((r) => r.loopP99Ms)),
            unit: 'ms',
            target: '< 50',
            note: `p99/longest stall of each run: ${perRun} ms`,
          });
          results.push({
            name: `${format}: longest event-loop stall, worst of ${all.length} runs`,
            value: Math.max(...all.map((r) => r.loopMaxMs)),
            unit: 'ms',
            target: '< 100',
            note: 'the main thread blocked or waiting for a core',
          });
          const idle = all.flatMap((r) => (r.idle ? [r.idle] : []));
          if (idle.length > 0) {
            results.push({
              name: `${format}: an idle process's event-loop delay beside it, worst of ${idle.length} runs`,
              value: Math.max(...idle.map((r) => r.p99Ms)),
              unit: 'ms p99',
              note:
                `p99/longest stall of each run: ${idle.map((r) => `${r.p99Ms.toFixed(0)}/${r.maxMs.toFixed(0)}`).join(', ')} ms: ` +
                'what this machine gives an event loop with nothing to do while the export runs',
            });
          }
          const stalls = all.flatMap((r) => r.stalls ?? []);
          if (stalls.length > 0) {
            const mostWork = stalls.reduce((a, b) => (b.ranMs > a.ranMs ? b : a));
            const ran = stalls.reduce((sum, s) => sum + s.ranMs, 0);
            const waited = stalls.reduce((sum, s) => sum + s.waitedMs, 0);
            results.push({
              name: `${format}: most work in one event-loop stall, ${all.length} runs`,
              value: mostWork.ranMs,
              unit: 'ms',
              target: '< 50',
              note:
                `${stalls.length} stalls over 50 ms; in all of them the main thread ran ${ran.toFixed(0)} ms ` +
                `and waited ${waited.toFixed(0)} ms for a core (Linux scheduler counters)`,
            });
          }
          for (const peer of peers.filter((p) => p.endsWith(format) && !missing.has(p))) {
            results.push(peerComparison(format, run, peer, result(peer)));
          }
          if (
            format === 'parquet' &&
            summaries.get(FILE_PARQUET)?.length &&
            summaries.get('polars-parquet')?.length
          ) {
            const ours = result(FILE_PARQUET);
            const theirs = result('polars-parquet');
            results.push({
              name: 'parquet: the same conversion, from the Arrow IPC file (no download), against polars',
              value: 1000 / ours.ms,
              unit: 'exports/s',
              baseline: { name: peerNames['polars-parquet'], value: 1000 / theirs.ms },
              ratio: theirs.ms / ours.ms,
              target: '≥ 1.0, files no larger',
              note:
                `${ours.ms.toFixed(0)} ms, the peer ${theirs.ms.toFixed(0)} ms; files ${mb(ours.bytes).toFixed(1)} MB here, ` +
                `${mb(theirs.bytes).toFixed(1)} MB by the peer; peak RSS ${mb(ours.peakRss).toFixed(0)} MB, CPU ${ours.cpuMs} ms ` +
                `(the peer: ${mb(theirs.peakRss).toFixed(0)} MB, ${theirs.cpuMs} ms)`,
            });
          }
        }
        for (const peer of peers) {
          const reason = missing.get(peer);
          if (reason) {
            results.push({
              name: `${peerNames[peer]} (reference)`,
              value: NaN,
              unit: '',
              note: `not run: ${reason}`,
            });
            continue;
          }
          const run = result(peer);
          results.push(
            againstRaw(
              `${peerNames[peer]} (reference)`,
              run,
              `${mb(run.bytes).toFixed(0)} MB written from a file on disk, no download${ofCurl(run)}; peak RSS ${mb(run.peakRss).toFixed(0)} MB, CPU ${run.cpuMs} ms`,
            ),
          );
        }
      } finally {
        await emulator.close();
      }
      return results;
    } finally {
      await rm(dataDir, { recursive: true, force: true });
      await rm(outDir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
