import type { RecordBatch, Schema } from 'apache-arrow';
import { columnCells, type CellSpelling } from './columnText';

/** Rows formatted at a time by the reference spellings below. */
const SLICE_ROWS = 8192;

const needsQuotes = /[",\r\n]/;

/** RFC 4180 quoting; empty strings are quoted so they stay distinguishable from nulls. */
export function csvField(value: string): string {
  if (value === '') return '""';
  return needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const csvSpelling: CellSpelling = {
  text: csvField,
  number: (value) => value,
  boolean: (value) => (value ? 'true' : 'false'),
};

export const jsonSpelling: CellSpelling = {
  text: (value) => JSON.stringify(value),
  number: (value) => value,
  boolean: (value) => (value ? 'true' : 'false'),
};

export function csvHeader(schema: Schema): string {
  return `${schema.fields.map((f) => csvField(f.name)).join(',')}\n`;
}

/**
 * A batch as slices of `rows` rows: formatting a slice at a time keeps each piece of output
 * small, whatever the size of the batch.
 */
export function* slicesOf(batch: RecordBatch, rows = SLICE_ROWS): Generator<RecordBatch> {
  for (let start = 0; start < batch.numRows; start += rows) {
    yield batch.slice(start, Math.min(batch.numRows, start + rows));
  }
}

/**
 * CSV lines (comma, `\n`, nulls as empty fields) for every row of a slice. This and
 * `ndjsonRows` are the reference spellings, plain and slow: exports use the byte encoders of
 * textBatchEncoder.ts, which are tested to write exactly the same bytes.
 */
export function csvRows(slice: RecordBatch): string {
  let text = '';
  {
    const columns = slice.data.children.map((data) => columnCells(data, csvSpelling, true));
    const width = columns.length;
    for (let row = 0; row < slice.numRows; row++) {
      for (let c = 0; c < width; c++) {
        const cell = columns[c]![row];
        text += c === 0 ? (cell ?? '') : `,${cell ?? ''}`;
      }
      text += '\n';
    }
  }
  return text;
}

/** The `{"name":` / `,"name":` prefixes of each column, computed once per schema. */
export function ndjsonKeys(schema: Schema): string[] {
  return schema.fields.map((f, i) => `${i === 0 ? '{' : ','}${JSON.stringify(f.name)}:`);
}

/**
 * One JSON object per row with every column present (null when empty). Dates and times are
 * strings as Redivis writes them; integers beyond 2^53 are strings.
 */
export function ndjsonRows(slice: RecordBatch, keys: string[]): string {
  let text = '';
  {
    const columns = slice.data.children.map((data) => columnCells(data, jsonSpelling, false));
    const width = columns.length;
    for (let row = 0; row < slice.numRows; row++) {
      if (width === 0) text += '{}';
      for (let c = 0; c < width; c++) text += keys[c] + (columns[c]![row] ?? 'null');
      text += width === 0 ? '\n' : '}\n';
    }
  }
  return text;
}
