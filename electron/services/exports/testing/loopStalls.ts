import { readFileSync } from 'node:fs';

/** One stall of the event loop: how long, and how much of it the main thread ran or waited. */
export interface LoopStall {
  ms: number;
  /** Time the thread was on a core (its own work). */
  ranMs: number;
  /** Time it was ready to run but waited for a core. */
  waitedMs: number;
}

/**
 * Watches the main thread for stalls longer than `thresholdMs` and splits each into the time
 * the thread ran and the time it waited for a core, from Linux's per-thread scheduler counters
 * (/proc/self/task/<tid>/schedstat: nanoseconds on a core, nanoseconds waiting). That tells work
 * that blocks the loop apart from a machine whose cores are all busy. Elsewhere it records nothing.
 */
export function watchLoopStalls(thresholdMs: number): { stop(): LoopStall[] } {
  const path = `/proc/self/task/${process.pid}/schedstat`;
  const counters = (): [number, number] | undefined => {
    try {
      const [ran, waited] = readFileSync(path, 'utf8').split(' ').map(Number);
      return ran === undefined || waited === undefined ? undefined : [ran, waited];
    } catch {
      return undefined;
    }
  };
  const stalls: LoopStall[] = [];
  let last = counters();
  if (!last) return { stop: () => stalls };
  let lastAt = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    const current = counters();
    if (!current || !last) return;
    if (now - lastAt > thresholdMs) {
      stalls.push({
        ms: now - lastAt,
        ranMs: (current[0] - last[0]) / 1e6,
        waitedMs: (current[1] - last[1]) / 1e6,
      });
    }
    last = current;
    lastAt = now;
  }, 10);
  ticker.unref();
  return {
    stop() {
      clearInterval(ticker);
      return stalls;
    },
  };
}
