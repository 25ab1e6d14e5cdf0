/**
 * The rows of `demo.large_sample.measurements` recomputed from the demo generator's formulas
 * (emulator/src/demo/largeTable.ts: row i is a pure function of i), so SQL answers can be
 * checked against values computed without the SQL engine.
 */
import { CATEGORIES, measurementValue } from '../src/demo/largeTable.js';

const DAY0 = 18_262; // 2020-01-01
const T0_MS = Date.UTC(2020, 0, 1);

export interface Measurement {
  id: number;
  value: number | null;
  category: string;
  /** Days since the epoch. */
  dayNumber: number;
  day: string;
  /** Milliseconds since the epoch (the stored value has µs precision). */
  recordedAtMs: number;
  isValid: boolean;
}

export function isoDate(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

export function measurement(i: number): Measurement {
  const dayNumber = DAY0 + (i % 1461);
  return {
    id: i,
    value: measurementValue(i),
    category: CATEGORIES[i % CATEGORIES.length] ?? 'alpha',
    dayNumber,
    day: isoDate(dayNumber),
    recordedAtMs: T0_MS + (i * 37_000_123) / 1000,
    isValid: i % 5 !== 0,
  };
}

export function measurements(count: number): Measurement[] {
  return Array.from({ length: count }, (_, k) => measurement(k + 1));
}
