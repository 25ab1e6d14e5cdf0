import { open } from 'node:fs/promises';
import type { UploadOptions } from '../../../shared/contract/uploadModel';

/** How much of a file is read to guess its parsing options. */
const SAMPLE_BYTES = 64 * 1024;
const SAMPLE_LINES = 50;

const delimitedExtensions = new Set(['csv', 'tsv', 'tab', 'psv', 'txt']);
/** Redivis upload types by extension (spec §6.2), besides delimited text. */
const typedExtensions: Record<string, string> = {
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  parquet: 'parquet',
  arrow: 'arrow',
  feather: 'arrow',
  avro: 'avro',
  orc: 'orc',
  xls: 'xls',
  xlsx: 'xlsx',
  dta: 'dta',
  sas7bdat: 'sas7bdat',
  sav: 'sav',
  geojson: 'geojson',
  geojsonl: 'geojsonl',
  json: 'json',
  kml: 'kml',
};
const candidateDelimiters = [',', '\t', ';', '|'];
const commonNullMarkers = ['NA', 'N/A', 'NULL', 'null', '\\N', 'NaN', '.'];

export const defaultOptions: UploadOptions = {
  hasHeaderRow: true,
  delimiter: null,
  quoteCharacter: '"',
  nullMarkers: [],
  skipBadRecords: false,
  hasQuotedNewlines: false,
};

/** The Redivis upload type of a file name, or undefined for non-tabular files. */
export function uploadTypeOf(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.shp.zip')) return 'shp.zip';
  const ext = lower.includes('.') ? lower.slice(lower.lastIndexOf('.') + 1) : '';
  if (delimitedExtensions.has(ext)) return 'delimited';
  return typedExtensions[ext];
}

/** Bytes of a delimited file the upload dialog's preview gets (cut back to the last whole line). */
const PREVIEW_BYTES = 16 * 1024;

/** The first whole lines of a text file, for the upload dialog's preview of the parsed rows. */
export async function previewSample(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(PREVIEW_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, PREVIEW_BYTES, 0);
    const bytes = buffer.subarray(0, bytesRead);
    // Cut at the last newline (a byte, so never inside a UTF-8 character) unless the file ended.
    const end = bytesRead < PREVIEW_BYTES ? bytesRead : bytes.lastIndexOf(0x0a) + 1;
    return bytes
      .subarray(0, end)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

/** Reads the start of a delimited file and guesses delimiter, header row and null markers. */
export async function sniffDelimited(path: string, name: string): Promise<UploadOptions> {
  const handle = await open(path, 'r');
  let text: string;
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    text = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
  return guessDelimitedOptions(text, name);
}

/** Pure part of the sniffing, on a text sample (the sample may end mid-line). */
export function guessDelimitedOptions(sample: string, name = ''): UploadOptions {
  const quote = '"';
  const { rows, quotedNewlines } = splitSample(sample, quote);
  const hinted = name.toLowerCase().endsWith('.tsv') || name.toLowerCase().endsWith('.tab');
  const delimiter = hinted ? '\t' : chooseDelimiter(rows, quote);
  const table = rows.map((line) => splitFields(line, delimiter, quote));
  return {
    hasHeaderRow: looksLikeHeader(table),
    delimiter,
    quoteCharacter: quote,
    nullMarkers: detectNullMarkers(table.slice(1)),
    skipBadRecords: false,
    hasQuotedNewlines: quotedNewlines,
  };
}

/** Complete records of the sample (the last, possibly cut, one dropped), quote-aware. */
function splitSample(sample: string, quote: string): { rows: string[]; quotedNewlines: boolean } {
  const rows: string[] = [];
  let quotedNewlines = false;
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < sample.length && rows.length < SAMPLE_LINES; i++) {
    const char = sample[i];
    if (char === quote) inQuotes = !inQuotes;
    else if (char === '\n') {
      if (inQuotes) quotedNewlines = true;
      else {
        rows.push(sample.slice(start, i).replace(/\r$/, ''));
        start = i + 1;
      }
    }
  }
  // A sample without any newline is a single short file: keep its only row.
  if (rows.length === 0 && sample.trim()) rows.push(sample.replace(/\r?\n?$/, ''));
  return { rows: rows.filter((row) => row.length > 0), quotedNewlines };
}

function countOutsideQuotes(line: string, delimiter: string, quote: string): number {
  let count = 0;
  let inQuotes = false;
  for (const char of line) {
    if (char === quote) inQuotes = !inQuotes;
    else if (char === delimiter && !inQuotes) count++;
  }
  return count;
}

/** The candidate seen the same (non-zero) number of times on the most rows; comma by default. */
function chooseDelimiter(rows: string[], quote: string): string {
  let best = { delimiter: ',', score: 0 };
  for (const delimiter of candidateDelimiters) {
    const counts = rows.map((row) => countOutsideQuotes(row, delimiter, quote));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((count) => count === first).length / counts.length;
    const score = consistent * 1000 + first;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

function splitFields(line: string, delimiter: string, quote: string): string[] {
  const fields: string[] = [];
  let current = '';
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === quote) {
      if (inQuotes && line[i + 1] === quote) {
        current += quote;
        i++;
      } else inQuotes = !inQuotes;
    } else if (char === delimiter && !inQuotes) {
      fields.push(current);
      current = '';
    } else current += char;
  }
  fields.push(current);
  return fields.map((field) => field.trim());
}

const numberLike = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const dateLike = /^\d{4}-\d{2}-\d{2}/;

function isValueLike(field: string): boolean {
  return field === '' || numberLike.test(field) || dateLike.test(field) || /^(true|false)$/i.test(field);
}

/**
 * A first row of distinct, non-numeric labels is a header. When every row is text, the header
 * is still likely when the first row's labels never repeat below it.
 */
function looksLikeHeader(table: string[][]): boolean {
  const [first, ...rest] = table;
  if (!first || first.length === 0) return true;
  if (first.some(isValueLike)) return false;
  if (new Set(first).size !== first.length) return false;
  if (rest.length === 0) return true;
  const columnsWithValues = first.map((_, column) =>
    rest.some((row) => row[column] !== undefined && isValueLike(row[column]) && row[column] !== ''),
  );
  if (columnsWithValues.some(Boolean)) return true;
  return !rest.some((row) => row.some((field, column) => field === first[column]));
}

/** Common null spellings that appear as whole fields in the sample. */
function detectNullMarkers(rows: string[][]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const field of row) if (commonNullMarkers.includes(field)) seen.add(field);
  return commonNullMarkers.filter((marker) => seen.has(marker));
}
