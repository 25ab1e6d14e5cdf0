import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, statSync } from 'node:fs';

/**
 * One conversion by a peer of the export engine, in a process of its own, measured the way
 * downloadProcess.ts measures an export (wall time, peak RSS, CPU), so the benchmark can set
 * the two side by side. Peers convert a file already on disk: they have no download to do.
 * - `polars-csv`, `polars-parquet`: nodejs-polars reads the Arrow IPC file and writes CSV or
 *   Parquet (its defaults: Snappy);
 * - `duckdb-csv`, `duckdb-parquet`: DuckDB reads a Parquet file and writes CSV or Parquet
 *   (its defaults: Snappy).
 * The library is loaded before the clock starts, as the app has its encoder loaded by the time
 * anyone exports. Usage: tsx exportPeers.ts <peer> <input> <target>; prints one JSON summary.
 */
type Convert = (input: string, target: string) => Promise<number>;

async function polars(format: 'csv' | 'parquet'): Promise<Convert> {
  // Required lazily: its native binding needs an explicit install on Node 20 (see README).
  const pl = (await import('nodejs-polars')).default;
  return async (input, target) => {
    const frame = pl.readIPC(input);
    if (format === 'csv') frame.writeCSV(target);
    else frame.writeParquet(target, { compression: 'snappy' });
    return frame.height;
  };
}

async function duckdb(format: 'csv' | 'parquet'): Promise<Convert> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const quoted = (path: string) => `'${path.replaceAll("'", "''")}'`;
  return async (input, target) => {
    const options = format === 'csv' ? '(HEADER)' : '(FORMAT parquet, COMPRESSION snappy)';
    await connection.run(
      `COPY (SELECT * FROM read_parquet(${quoted(input)})) TO ${quoted(target)} ${options}`,
    );
    const counted = await connection.runAndReadAll(`SELECT count(*) FROM read_parquet(${quoted(input)})`);
    return Number(counted.getRows()[0]?.[0]);
  };
}

const peers: Record<string, () => Promise<Convert>> = {
  'polars-csv': () => polars('csv'),
  'polars-parquet': () => polars('parquet'),
  'duckdb-csv': () => duckdb('csv'),
  'duckdb-parquet': () => duckdb('parquet'),
};

/** Peak resident memory of this process as Linux records it (0 elsewhere). */
function highWaterMark(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const [peer, input, target] = process.argv.slice(2);
  const load = peer ? peers[peer] : undefined;
  if (!load || !input || !target)
    throw new Error(`usage: exportPeers <${Object.keys(peers).join('|')}> <input> <target>`);
  const convert = await load();
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const rows = await convert(input, target);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  // The conversions are synchronous native calls the sampler cannot interrupt: take the
  // kernel's high-water mark where there is one.
  peakRss = Math.max(peakRss, process.memoryUsage.rss(), highWaterMark());
  const summary = {
    done: rows,
    bytes: statSync(target).size,
    ms,
    peakRss,
    loopP99Ms: 0,
    loopMaxMs: 0,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    systemMs: Math.round(cpu.system / 1000),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
