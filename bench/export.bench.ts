import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { addHugeTable } from '../emulator/src/demo/hugeTable';
import { openOrSeedStore } from '../emulator/src/demo/templateCache';
import { startEmulator, type RunningEmulator } from '../emulator/src/index';
import type { Benchmark, BenchResult } from './benchmark';

/**
 * Table downloads and exports, each run in a child process of its own (standing in for the app's
 * main process) against an emulator in this process, on `demo.large_sample.huge`:
 * - throughput of Arrow, CSV, NDJSON and Parquet against a raw HTTP read of the same read streams
 *   (the same 8 streams, bytes counted, nothing decoded), measured in the same run;
 * - peak RSS of each child, and its event-loop delay (perf_hooks.monitorEventLoopDelay).
 * BENCH_EXPORT_ROWS sets the table size (default 4,000,000 rows, 148 MB of Arrow, about 35 s to
 * generate; 60,000,000 rows gives a ~2.2 GB table). BENCH_EXPORT_FORMATS picks formats (e.g. `arrow,csv`).
 */
interface RunSummary {
  done: number;
  bytes: number;
  ms: number;
  peakRss: number;
  loopP99Ms: number;
  loopMaxMs: number;
}

const rows = Number(process.env.BENCH_EXPORT_ROWS ?? 4_000_000);
const formats = (process.env.BENCH_EXPORT_FORMATS ?? 'arrow,csv,ndjson,parquet').split(',');
const script = join(__dirname, '../electron/services/exports/downloadProcess.ts');

async function runChild(
  emulator: RunningEmulator,
  token: string,
  table: string,
  format: string,
  target: string,
) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, emulator.apiBase, table, format, target, '8'],
    {
      env: { ...process.env, REDIVIS_API_TOKEN: token },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let summary: RunSummary | undefined;
  for await (const line of createInterface({ input: child.stdout })) {
    const message = JSON.parse(line) as Partial<RunSummary>;
    if (message.done !== undefined) summary = message as RunSummary;
  }
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0 || !summary) throw new Error(`${format} run failed (exit ${code})`);
  return summary;
}

const mb = (bytes: number) => bytes / 1e6;

const benchmark: Benchmark = {
  name: 'table export',
  async run() {
    const dataDir = await mkdtemp(join(tmpdir(), 'rd-bench-export-'));
    const outDir = await mkdtemp(join(tmpdir(), 'rd-bench-export-out-'));
    try {
      const store = await openOrSeedStore(dataDir, 20_000);
      process.stderr.write(`  generating demo.large_sample.huge (${rows} rows)…\n`);
      await addHugeTable(store, rows);
      const emulator = await startEmulator({ dataDir, largeRows: 20_000 });
      const token = await emulator.createApiToken('demo_user', ['public', 'data.data']);
      const table = 'demo.large_sample.huge';
      const results: BenchResult[] = [];
      try {
        const raw = await runChild(emulator, token, table, 'raw', join(outDir, 'raw'));
        const rawRate = mb(raw.bytes) / (raw.ms / 1000);
        const size = `${rows.toLocaleString('en-US')} rows, ${mb(raw.bytes).toFixed(0)} MB of Arrow`;
        results.push({
          name: 'raw HTTP read: peak RSS (reference)',
          value: mb(raw.peakRss),
          unit: 'MB',
          note: 'a process that only reads the streams, for comparison',
        });
        const targets: Record<string, string> = { arrow: '≥ 0.8', csv: '≥ 0.5' };
        for (const format of formats) {
          const run = await runChild(emulator, token, table, format, join(outDir, `huge.${format}`));
          await rm(join(outDir, `huge.${format}`), { force: true });
          if (run.done !== raw.done) throw new Error(`${format}: ${run.done} rows, expected ${raw.done}`);
          const note = `${size} → ${mb(run.bytes).toFixed(0)} MB ${format}`;
          results.push({
            name: `${format}: throughput (Arrow MB in / s)`,
            value: mb(raw.bytes) / (run.ms / 1000),
            unit: 'MB/s',
            baseline: { name: 'raw HTTP read', value: rawRate },
            ratio: raw.ms / run.ms,
            target: targets[format] ?? '',
            note,
          });
          results.push({
            name: `${format}: peak RSS`,
            value: mb(run.peakRss),
            unit: 'MB',
            target: '< 300',
            note,
          });
          results.push({
            name: `${format}: event-loop delay p99`,
            value: run.loopP99Ms,
            unit: 'ms',
            target: '< 50',
            note: `max ${run.loopMaxMs.toFixed(1)} ms`,
          });
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
