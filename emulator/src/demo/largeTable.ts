/**
 * Streamed generation of the big `measurements`-style tables: rows are produced batch by batch
 * straight into typed arrays, so memory stays bounded even for tens of millions of rows.
 * Row i (1-based id) is a pure function of i, which lets tests recompute expected values.
 */
import { makeData, RecordBatch, Struct, vectorFromArray, type Data } from 'apache-arrow';
import type { DataSegment, VariableRecord } from '../store/model.js';
import { SegmentWriter } from '../store/segmentFiles.js';
import { schemaFor } from '../store/variables.js';
import { variable } from './demoBuilder.js';

export const LARGE_BATCH_ROWS = 65_536;
export const CATEGORIES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];
const DAY0 = 18_262; // 2020-01-01 in days since epoch
const T0 = 1_577_836_800_000_000n; // 2020-01-01T00:00:00Z in microseconds

export function measurementVariables(): VariableRecord[] {
  return [
    variable('id', 'integer', 'Measurement id', 'Sequential id starting at 1'),
    variable('value', 'float', 'Value', 'Measured value; every 97th is missing'),
    variable('category', 'string', 'Category', 'One of eight categories'),
    variable('day', 'date', 'Day', 'Day of the measurement'),
    variable('recorded_at', 'dateTime', 'Recorded at', 'Timestamp of the measurement'),
    variable('is_valid', 'boolean', 'Valid?', 'Quality flag'),
  ];
}

/** The value column for id `i` (null when i % 97 === 0). */
export function measurementValue(i: number): number | null {
  if (i % 97 === 0) return null;
  return Math.round(((i * 2654435761) % 1_000_003) / 10) / 100;
}

/** Rows `firstId`… of the table, as typed arrays (benchmarks build them the same way). */
export function buildMeasurementBatch(firstId: number, count: number): RecordBatch {
  const schema = schemaFor(measurementVariables());
  const ids = new BigInt64Array(count);
  const values = new Float64Array(count);
  const valueValid = new Uint8Array(Math.ceil(count / 8));
  const days = new Int32Array(count);
  const times = new BigInt64Array(count);
  const categories: string[] = new Array<string>(count);
  const flags: boolean[] = new Array<boolean>(count);
  let nulls = 0;
  for (let r = 0; r < count; r++) {
    const i = firstId + r;
    ids[r] = BigInt(i);
    const value = measurementValue(i);
    if (value === null) nulls += 1;
    else {
      values[r] = value;
      valueValid[r >> 3] = (valueValid[r >> 3] ?? 0) | (1 << (r & 7));
    }
    categories[r] = CATEGORIES[i % CATEGORIES.length] ?? 'alpha';
    days[r] = DAY0 + (i % 1461);
    times[r] = T0 + BigInt(i) * 37_000_123n;
    flags[r] = i % 5 !== 0;
  }
  const [idType, valueType, categoryType, dayType, timeType, flagType] = schema.fields.map((f) => f.type);
  const children: Data[] = [
    makeData({ type: idType, length: count, nullCount: 0, data: ids } as never),
    makeData({
      type: valueType,
      length: count,
      nullCount: nulls,
      nullBitmap: valueValid,
      data: values,
    } as never),
    vectorFromArray(categories, categoryType).data[0] as Data,
    makeData({ type: dayType, length: count, nullCount: 0, data: days } as never),
    makeData({ type: timeType, length: count, nullCount: 0, data: times } as never),
    vectorFromArray(flags, flagType).data[0] as Data,
  ];
  return new RecordBatch(
    schema,
    makeData({ type: new Struct(schema.fields), length: count, nullCount: 0, children }),
  );
}

/** Writes `rows` measurement rows as one segment and returns it with summary statistics. */
export async function writeMeasurements(
  dataDir: string,
  rows: number,
  onProgress?: (written: number) => void,
): Promise<{ segment: DataSegment; variables: VariableRecord[] }> {
  const variables = measurementVariables();
  const writer = await SegmentWriter.create(dataDir, schemaFor(variables));
  try {
    for (let first = 1; first <= rows; first += LARGE_BATCH_ROWS) {
      const count = Math.min(LARGE_BATCH_ROWS, rows - first + 1);
      await writer.write(buildMeasurementBatch(first, count));
      onProgress?.(first + count - 1);
    }
    const segment = await writer.finish();
    const nullValues = Math.floor(rows / 97);
    const stat = (
      count: number,
      numDistinct: number,
      min: number | string | null,
      max: number | string | null,
      nullCount = 0,
    ) => ({
      count,
      numDistinct,
      nullCount,
      min,
      max,
      mean: null,
      approxMedian: null,
      standardDeviation: null,
    });
    const [id, value, category, day, recordedAt, flag] = variables;
    if (id) id.statistics = { ...stat(rows, rows, 1, rows), mean: (rows + 1) / 2 };
    if (value) value.statistics = stat(rows - nullValues, Math.min(rows, 100_000), 0, 10_000, nullValues);
    if (category) category.statistics = stat(rows, Math.min(rows, CATEGORIES.length), 'alpha', 'zeta');
    if (day) day.statistics = stat(rows, Math.min(rows, 1461), '2020-01-01', '2023-12-31');
    if (recordedAt) recordedAt.statistics = stat(rows, rows, null, null);
    if (flag) flag.statistics = stat(rows, 2, null, null);
    return { segment, variables };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
