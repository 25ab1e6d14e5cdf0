/**
 * Picks the delimiter of a delimited file from its first bytes, for uploads that send
 * `delimiter: null` (the clients' default).
 */
import fs from 'node:fs/promises';
import { parse } from 'csv-parse/sync';

const CANDIDATES = [',', ';', '\t', '|'] as const;
const SAMPLE_BYTES = 64 * 1024;

export async function readSample(path: string, bytes = SAMPLE_BYTES): Promise<string> {
  const handle = await fs.open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    let text = buffer.subarray(0, bytesRead).toString('utf8');
    // A partial last line would look like a short record; drop it unless it is all we have.
    if (bytesRead === bytes) {
      const lastNewline = text.lastIndexOf('\n');
      if (lastNewline > 0) text = text.slice(0, lastNewline);
    }
    return text.replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

interface Score {
  delimiter: string;
  consistency: number;
  columns: number;
}

function score(sample: string, delimiter: string, quote: string): Score | null {
  let records: string[][];
  try {
    records = parse(sample, {
      delimiter,
      quote,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      to_line: 200,
    }) as string[][];
  } catch {
    return null;
  }
  if (records.length === 0) return null;
  const counts = new Map<number, number>();
  for (const record of records) counts.set(record.length, (counts.get(record.length) ?? 0) + 1);
  let modal = 0;
  let modalCount = 0;
  for (const [columns, count] of counts) {
    if (count > modalCount || (count === modalCount && columns > modal)) {
      modal = columns;
      modalCount = count;
    }
  }
  if (modal < 2) return null;
  return { delimiter, consistency: modalCount / records.length, columns: modal };
}

/**
 * The candidate whose records most consistently split into the same number (≥ 2) of fields;
 * ties go to more fields, then to the order `, ; \t |`. Single-column files get a comma.
 */
export function sniffDelimiter(sample: string, quote = '"'): string {
  let best: Score | null = null;
  for (const delimiter of CANDIDATES) {
    const current = score(sample, delimiter, quote);
    if (!current) continue;
    if (
      !best ||
      current.consistency > best.consistency + 1e-9 ||
      (Math.abs(current.consistency - best.consistency) <= 1e-9 && current.columns > best.columns)
    ) {
      best = current;
    }
  }
  return best?.delimiter ?? ',';
}
