/** One row of the results table: a measurement and, where it has one, its ratio to a baseline. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** What the ratio compares against, measured in the same run. */
  baseline?: { name: string; value: number };
  /** value / baseline (or its inverse for "lower is better" metrics), as the target states it. */
  ratio?: number;
  target?: string;
  note?: string;
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchResult[]>;
}

export function timeIt<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Median of several runs, to keep noise from one run out of the table. */
export async function medianMs(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}
