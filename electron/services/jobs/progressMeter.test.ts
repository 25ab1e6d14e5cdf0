import { describe, expect, it } from 'vitest';
import { ProgressMeter } from './progressMeter';

/** Feeds the meter one sample every 250 ms at a steady pace; returns the last rate. */
function steady(meter: ProgressMeter, untilMs: number, bytesPerMs: number, rowsPerMs: number) {
  let rate: number | undefined;
  for (let at = 0; at <= untilMs; at += 250) rate = meter.sample(at * bytesPerMs, at, at * rowsPerMs);
  return rate;
}

describe('ProgressMeter', () => {
  it('gives no rate for the first second and no estimate for the first two', () => {
    const meter = new ProgressMeter();
    expect(steady(meter, 750, 1000, 10)).toBeUndefined();
    expect(steady(new ProgressMeter(), 1000, 1000, 10)).toBe(1_000_000);
    const early = new ProgressMeter();
    steady(early, 1750, 1000, 10);
    expect(early.secondsLeft({ bytesDone: 1_750_000, rowsDone: 17_500, rowsTotal: 100_000 })).toBeUndefined();
  });

  it('estimates from rows when the size of the output is not known', () => {
    const meter = new ProgressMeter();
    steady(meter, 2000, 1000, 10);
    // 20,000 of 100,000 rows at 10 rows per ms: 8 s left.
    expect(meter.secondsLeft({ bytesDone: 2_000_000, rowsDone: 20_000, rowsTotal: 100_000 })).toBeCloseTo(8);
  });

  it('estimates from bytes when their total is known', () => {
    const meter = new ProgressMeter();
    steady(meter, 3000, 1000, 0);
    expect(meter.secondsLeft({ bytesDone: 3_000_000, bytesTotal: 6_000_000, rowsDone: 0 })).toBeCloseTo(3);
  });

  it('shows neither while nothing moves, and again once it does', () => {
    const meter = new ProgressMeter();
    steady(meter, 2000, 1000, 10);
    // Retries report progress without new rows: a stall.
    for (let at = 2250; at <= 4000; at += 250) meter.sample(2_000_000, at, 20_000);
    expect(meter.sample(2_000_000, 4000, 20_000)).toBeUndefined();
    expect(meter.secondsLeft({ bytesDone: 2_000_000, rowsDone: 20_000, rowsTotal: 100_000 })).toBeUndefined();
    // Moving again: a rate over the window, which still holds the stall.
    expect(meter.sample(2_500_000, 4250, 25_000)).toBeGreaterThan(0);
  });

  it('gives no rate while only rows move (output still in the encoders)', () => {
    const meter = new ProgressMeter();
    for (let at = 0; at <= 1500; at += 250) meter.sample(43, at, at * 10);
    expect(meter.sample(43, 1750, 17_500)).toBeUndefined();
  });
});
