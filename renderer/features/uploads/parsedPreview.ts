import type { UploadOptions } from '../../../shared/contract/uploadModel';

/** Redivis variable types the preview can tell from text (spec §5: the types an import detects). */
export type DetectedType = 'integer' | 'float' | 'boolean' | 'date' | 'dateTime' | 'string';

export interface ParsedPreview {
  columns: { name: string; type: DetectedType }[];
  /** Cells as read: null where the value is empty or a null marker. */
  rows: (string | null)[][];
  delimiter: string;
}

const candidates = [',', '\t', ';', '|'];

/**
 * The first rows of a delimited file's sample as the options read them: the delimiter (or the
 * one detection would pick), the quote character, whether quoted values may hold line breaks,
 * the header row and the null markers; each column's type is what its values all fit.
 */
export function parsePreview(sample: string, options: UploadOptions, maxRows = 10): ParsedPreview {
  const delimiter = options.delimiter ?? detectDelimiter(sample, options.quoteCharacter);
  const records = splitRecords(
    sample,
    delimiter,
    options.quoteCharacter,
    options.hasQuotedNewlines,
    maxRows + 1,
  );
  const header = options.hasHeaderRow ? (records.shift() ?? []) : [];
  const body = records.slice(0, maxRows);
  const width = Math.max(header.length, ...body.map((row) => row.length), 0);
  const nulls = new Set(options.nullMarkers);
  const rows = body.map((row) =>
    Array.from({ length: width }, (_, i) => {
      const value = row[i];
      return value === undefined || value === '' || nulls.has(value) ? null : value;
    }),
  );
  const columns = Array.from({ length: width }, (_, i) => ({
    name: header[i]?.trim() || `column_${i + 1}`,
    type: typeOf(rows.map((row) => row[i] ?? null)),
  }));
  return { columns, rows, delimiter };
}

/** The candidate found the same non-zero number of times on the most lines; comma otherwise. */
function detectDelimiter(sample: string, quote: string): string {
  const lines = sample
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, 20);
  let best = { delimiter: ',', score: 0 };
  for (const delimiter of candidates) {
    const counts = lines.map((line) => splitRecords(line, delimiter, quote, true, 1)[0]?.length ?? 1);
    const first = counts[0] ?? 1;
    const score = first > 1 ? counts.filter((count) => count === first).length : 0;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/**
 * Records of the sample, split into fields. A quote opens a quoted value only at the start of a
 * field, and a doubled quote inside one is a literal quote. Without `quotedNewlines` a line break
 * ends the record even inside quotes, as the import would read it.
 */
function splitRecords(
  sample: string,
  delimiter: string,
  quote: string,
  quotedNewlines: boolean,
  limit: number,
): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldStart = true;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push(fields);
    fields = [];
    field = '';
    fieldStart = true;
  };
  for (let i = 0; i < sample.length && records.length < limit; i++) {
    const char = sample[i] as string;
    if (inQuotes) {
      if (char === quote && sample[i + 1] === quote) {
        field += quote;
        i++;
      } else if (char === quote) inQuotes = false;
      else if (char === '\n' && !quotedNewlines) {
        inQuotes = false;
        endRecord();
      } else field += char;
      continue;
    }
    if (quote && char === quote && fieldStart) {
      inQuotes = true;
      fieldStart = false;
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
      fieldStart = true;
    } else if (char === '\n') {
      if (field.endsWith('\r')) field = field.slice(0, -1);
      endRecord();
    } else {
      field += char;
      fieldStart = false;
    }
  }
  if (records.length < limit && (field !== '' || fields.length > 0)) endRecord();
  return records;
}

const patterns: [Exclude<DetectedType, 'string'>, RegExp][] = [
  ['integer', /^[+-]?\d+$/],
  ['float', /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/],
  ['boolean', /^(true|false)$/i],
  ['date', /^\d{4}-\d{2}-\d{2}$/],
  ['dateTime', /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/],
];

/** The narrowest type every non-null value fits (integers widen to float); text otherwise. */
function typeOf(values: (string | null)[]): DetectedType {
  const present = values.filter((value): value is string => value !== null).map((value) => value.trim());
  if (present.length === 0) return 'string';
  for (const [type, pattern] of patterns) {
    if (present.every((value) => pattern.test(value))) return type;
  }
  return 'string';
}
