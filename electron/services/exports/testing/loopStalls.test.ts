import { expect, it } from 'vitest';
import { watchLoopStalls } from './loopStalls';

it.skipIf(process.platform !== 'linux')(
  'records a loop blocked by work as a stall, split into time run and time waited',
  async () => {
    const watch = watchLoopStalls(50);
    const started = performance.now();
    while (performance.now() - started < 150) {
      // Busy: the loop is blocked by this thread's own work.
    }
    // The watcher's tick was due during the busy wait, so it runs before this later timer.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const stalls = watch.stop();
    expect(stalls.length).toBeGreaterThanOrEqual(1);
    const [stall] = stalls;
    expect(stall?.ms).toBeGreaterThanOrEqual(150);
    // Both counters cover the same interval as the stall, and the thread did run in it.
    expect((stall?.ranMs ?? 0) + (stall?.waitedMs ?? 0)).toBeLessThanOrEqual((stall?.ms ?? 0) + 20);
    expect(stall?.ranMs).toBeGreaterThan(0);
  },
);
