import type { RecordBatch } from 'apache-arrow';
import { constantBytes } from './cellByteTables';
import { columnWriter, textSink } from './columnWriters';
import type { TextFormat } from '../exportFormats';
import { slicesOf } from './textRows';

/**
 * CSV and NDJSON rows written straight into bytes: the same output as
 * `Buffer.from(csvRows(batch))` / `Buffer.from(ndjsonRows(batch, keys))`, several times faster
 * because no string is built per cell. One writer is chosen per column; types and values the
 * byte writers do not cover take the spelling `columnCells` gives them, so output never differs.
 * Results start an ArrayBuffer nothing else uses, so `result.buffer` can be transferred to
 * another thread, and handed back with `recycleTextBuffer` once written.
 */

// Read once: compiled module by module to CommonJS, each use of an import is a getter call.
const sink = textSink;

/**
 * Hands back the buffer of a result (`result.buffer`) once it is written, for later results;
 * a formatter thread otherwise allocates and faults in a new buffer for every piece of text.
 */
export function recycleTextBuffer(buffer: ArrayBuffer): void {
  sink.recycle(buffer);
}

/** Arrow bytes formatted at a time: bounds each output buffer, however wide or long the batch. */
const SLICE_ARROW_BYTES = 4 * 1024 * 1024;

/** Rows of `batch` spelled into one piece of text (about SLICE_ARROW_BYTES of Arrow). */
export function rowsPerPiece(batch: RecordBatch): number {
  const bytesPerRow = batch.data.byteLength / Math.max(1, batch.numRows);
  return Math.max(1024, Math.floor(SLICE_ARROW_BYTES / Math.max(1, bytesPerRow)));
}

/**
 * The text of a whole batch (CSV or NDJSON rows), in pieces of a few megabytes, each the start
 * of an ArrayBuffer of its own (transferable).
 */
export function* encodeTextRows(
  format: TextFormat,
  batch: RecordBatch,
  keys: string[],
): Generator<Uint8Array> {
  const rows = rowsPerPiece(batch);
  for (const slice of batch.numRows <= rows ? [batch] : slicesOf(batch, rows)) {
    yield format === 'csv' ? encodeCsvRows(slice) : encodeNdjsonRows(slice, keys);
  }
}

/** CSV lines for every row of a batch (any length), byte for byte `Buffer.from(csvRows(batch))`. */
export function encodeCsvRows(batch: RecordBatch): Uint8Array {
  const columns = batch.data.children.map((data) => columnWriter(data, batch.numRows, false));
  const writers = columns.map((c) => c.write);
  const width = writers.length;
  const rowBound = columns.reduce((sum, c) => sum + c.bound + 1, 1);
  const rowEstimate = columns.reduce((sum, c) => sum + c.estimate + 1, 1);
  const estimate = begin(batch.numRows, rowBound, rowEstimate, false);
  for (let row = 0; row < batch.numRows; row++) {
    sink.reserve(rowBound);
    for (let c = 0; c < width; c++) {
      if (c > 0) sink.byte(0x2c);
      writers[c]!(row);
    }
    sink.byte(0x0a);
  }
  return finish(estimate, false);
}

/** NDJSON lines for every row, byte for byte `Buffer.from(ndjsonRows(batch, keys))`. */
export function encodeNdjsonRows(batch: RecordBatch, keys: string[]): Uint8Array {
  const columns = batch.data.children.map((data) => columnWriter(data, batch.numRows, true));
  const writers = columns.map((c) => c.write);
  const width = writers.length;
  // `keys[c] + cell` in ndjsonRows: a missing key is spelled "undefined".
  const keyBytes = writers.map((_, c) => constantBytes(String(keys[c])));
  const rowBound = columns.reduce((sum, c, i) => sum + c.bound + keyBytes[i]!.length, 3);
  const rowEstimate = columns.reduce((sum, c, i) => sum + c.estimate + keyBytes[i]!.length, 3);
  const estimate = begin(batch.numRows, rowBound, rowEstimate, true);
  for (let row = 0; row < batch.numRows; row++) {
    sink.reserve(rowBound);
    if (width === 0) {
      sink.byte(0x7b);
      sink.byte(0x7d);
    }
    for (let c = 0; c < width; c++) {
      sink.constant(keyBytes[c]!);
      writers[c]!(row);
    }
    if (width > 0) sink.byte(0x7d);
    sink.byte(0x0a);
  }
  return finish(estimate, true);
}

/**
 * How far the static size estimate was off for the last batch of each format. A worker sees
 * batch after batch of one schema, so this makes the output buffer fit almost exactly.
 */
const estimateRatio = { csv: 1, json: 1 };

function begin(rows: number, rowBound: number, rowEstimate: number, json: boolean): number {
  const estimate = rows * rowEstimate;
  sink.begin(
    Math.ceil(estimate * (json ? estimateRatio.json : estimateRatio.csv) * 1.02) + rowBound,
    rowBound,
  );
  return estimate;
}

function finish(estimate: number, json: boolean): Uint8Array {
  const ratio = Math.min(4, Math.max(0.25, sink.pos / Math.max(1, estimate)));
  if (json) estimateRatio.json = ratio;
  else estimateRatio.csv = ratio;
  return sink.finish();
}
