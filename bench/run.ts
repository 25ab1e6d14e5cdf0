import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Benchmark, BenchResult } from './benchmark';

/**
 * Runs every bench/*.bench.ts (or those named on the command line) and prints one table.
 * Ratios compare against a baseline measured in the same run, so they hold across machines.
 */
async function main(): Promise<void> {
  const filter = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filter.length === 0 || filter.some((name) => f.includes(name)))
    .sort();
  const rows: { bench: string; result: BenchResult }[] = [];
  for (const file of files) {
    const benchmark = ((await import(join(__dirname, file))) as { default: Benchmark }).default;
    process.stderr.write(`running ${benchmark.name}…\n`);
    try {
      for (const result of await benchmark.run()) rows.push({ bench: benchmark.name, result });
    } catch (error) {
      rows.push({
        bench: benchmark.name,
        result: {
          name: 'FAILED',
          value: NaN,
          unit: '',
          note: error instanceof Error ? error.message : String(error),
        },
      });
    }
  }
  const table = rows.map(({ bench, result }) => ({
    benchmark: bench,
    measure: result.name,
    value: Number.isFinite(result.value) ? `${result.value.toFixed(1)} ${result.unit}` : 'n/a',
    baseline: result.baseline
      ? `${result.baseline.name}: ${result.baseline.value.toFixed(1)} ${result.unit}`
      : '',
    ratio: result.ratio !== undefined ? result.ratio.toFixed(2) : '',
    target: result.target ?? '',
    note: result.note ?? '',
  }));
  console.table(table);
}

void main();
