import type { RecordBatch } from 'apache-arrow';
import {
  buildMeasurementBatch,
  LARGE_BATCH_ROWS,
  measurementVariables,
} from '../emulator/src/demo/largeTable';
import { schemaFor } from '../emulator/src/store/variables';
import { encodeCsvRows, encodeNdjsonRows } from '../electron/services/exports/text/textBatchEncoder';
import { csvRows, ndjsonKeys, ndjsonRows, slicesOf } from '../electron/services/exports/text/textRows';
import { medianMs, type Benchmark, type BenchResult } from './benchmark';

/**
 * CSV and NDJSON formatting of Arrow batches on one core, as a format worker does it: the byte
 * encoders against the reference spellings `csvRows`/`ndjsonRows` + `Buffer.from` (on whole
 * batches, and on the 8,192-row slices they format at a time), on 1,000,000 rows of the
 * emulator's measurements table in its 65,536-row batches. Outputs are checked equal first.
 */
const ROWS = 1_000_000;
const RUNS = 5;

const schema = schemaFor(measurementVariables());

function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

const rate = (ms: number) => ROWS / (ms / 1000);

const benchmark: Benchmark = {
  name: 'text encoding',
  async run() {
    const batches: RecordBatch[] = [];
    for (let first = 1; first <= ROWS; first += LARGE_BATCH_ROWS) {
      batches.push(buildMeasurementBatch(first, Math.min(LARGE_BATCH_ROWS, ROWS - first + 1)));
    }
    const keys = ndjsonKeys(schema);
    const formats = [
      {
        name: 'CSV',
        text: (batch: RecordBatch) => csvRows(batch),
        encode: (batch: RecordBatch) => encodeCsvRows(batch),
      },
      {
        name: 'NDJSON',
        text: (batch: RecordBatch) => ndjsonRows(batch, keys),
        encode: (batch: RecordBatch) => encodeNdjsonRows(batch, keys),
      },
    ];
    const results: BenchResult[] = [];
    for (const format of formats) {
      let bytes = 0;
      for (const batch of batches) {
        const expected = Buffer.from(format.text(batch), 'utf8');
        if (!same(format.encode(batch), expected)) throw new Error(`${format.name}: output differs`);
        bytes += expected.byteLength;
      }
      const whole = await medianMs(RUNS, () => batches.forEach((b) => Buffer.from(format.text(b), 'utf8')));
      // The reference spellings' own way: 8,192-row slices, each its own string and Buffer.
      const sliced = await medianMs(RUNS, () => {
        for (const batch of batches) {
          for (const slice of slicesOf(batch)) Buffer.from(format.text(slice), 'utf8');
        }
      });
      const encoded = await medianMs(RUNS, () => batches.forEach(format.encode));
      const note = `${ROWS.toLocaleString('en-US')} rows in ${LARGE_BATCH_ROWS.toLocaleString('en-US')}-row batches, ${(bytes / 1e6).toFixed(0)} MB; ${((encoded / ROWS) * 1e6).toFixed(0)} ns/row`;
      for (const [versus, name, ms] of [
        ['whole-batch strings', 'Buffer.from(rows(batch))', whole],
        ['8,192-row slices', 'Buffer.from(rows(slice)) per slice', sliced],
      ] as const) {
        results.push({
          name: `${format.name} rows/s, one core, vs ${versus}`,
          value: rate(encoded),
          unit: 'rows/s',
          baseline: { name, value: rate(ms) },
          ratio: ms / encoded,
          target: '≥ 3',
          note,
        });
      }
    }
    return results;
  },
};

export default benchmark;
