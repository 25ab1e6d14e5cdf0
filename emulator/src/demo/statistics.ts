import type { VariableStatistics, VariableType } from '../store/model.js';
import { formatDateTime, formatTime } from '../readSessions/rowValues.js';
import type { CellValue } from './columnBuilder.js';

const DISTINCT_CAP = 200_000;

/** Streaming summary statistics; distinct counts are exact up to DISTINCT_CAP values. */
export class StatsAccumulator {
  private count = 0;
  private nulls = 0;
  private min: number | string | null = null;
  private max: number | string | null = null;
  private sum = 0;
  private sumSquares = 0;
  private readonly distinct = new Set<string | number | boolean>();
  private sample: number[] = [];

  constructor(private readonly type: VariableType) {}

  add(values: readonly CellValue[]): void {
    for (const value of values) {
      if (value === null) {
        this.nulls += 1;
        continue;
      }
      this.count += 1;
      const key = typeof value === 'bigint' ? Number(value) : value;
      if (this.distinct.size < DISTINCT_CAP) this.distinct.add(key);
      if (typeof key === 'number') {
        this.min = this.min === null ? key : Math.min(this.min as number, key);
        this.max = this.max === null ? key : Math.max(this.max as number, key);
        if (this.type === 'integer' || this.type === 'float') {
          this.sum += key;
          this.sumSquares += key * key;
          if (this.sample.length < 10_000) this.sample.push(key);
        }
      } else if (typeof key === 'string') {
        if (this.min === null || key < (this.min as string)) this.min = key;
        if (this.max === null || key > (this.max as string)) this.max = key;
      }
    }
  }

  private format(value: number | string | null): number | string | null {
    if (value === null || typeof value === 'string') return value;
    switch (this.type) {
      case 'date':
        return new Date(value * 86_400_000).toISOString().slice(0, 10);
      case 'dateTime':
        return formatDateTime(BigInt(value));
      case 'time':
        return formatTime(BigInt(value));
      default:
        return value;
    }
  }

  result(): VariableStatistics {
    const numeric = this.type === 'integer' || this.type === 'float';
    const mean = numeric && this.count > 0 ? this.sum / this.count : null;
    const variance = mean !== null ? this.sumSquares / this.count - mean * mean : null;
    const sorted = [...this.sample].sort((a, b) => a - b);
    const median = numeric && sorted.length > 0 ? (sorted[Math.floor(sorted.length / 2)] ?? null) : null;
    const isBool = this.type === 'boolean';
    return {
      count: this.count,
      numDistinct: this.distinct.size,
      nullCount: this.nulls,
      min: isBool ? null : this.format(this.min),
      max: isBool ? null : this.format(this.max),
      mean: mean === null ? null : Number(mean.toFixed(6)),
      approxMedian: median,
      standardDeviation: variance === null ? null : Number(Math.sqrt(Math.max(0, variance)).toFixed(6)),
    };
  }
}
