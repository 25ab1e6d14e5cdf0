import { tableFromIPC, tableToIPC, Table, Float64, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { parse } from 'csv-parse/sync';
import { readParquet } from 'parquet-wasm';
import { fail } from '../../../shared/contract/errors';
import type { FileEntry, FileTable, FileText } from '../../../shared/contract/filesModel';
import type { RedivisApiClient } from '../redivis/apiClient';
import { fetchFileBytes } from '../redivis/api/files';

/** Text previews show the first megabyte. */
export const TEXT_PREVIEW_BYTES = 1024 * 1024;
/** Rows of a CSV, Parquet or Arrow file shown in the grid. */
export const TABLE_PREVIEW_ROWS = 10_000;
/** CSV: the first bytes parsed for the grid. */
const CSV_PREVIEW_BYTES = 4 * 1024 * 1024;
/** Parquet and Arrow need the whole file (their index is at the end); larger ones are downloaded instead. */
const MAX_COLUMNAR_BYTES = 256 * 1024 * 1024;

/** The first `limit` bytes of a file (Range request), read into memory. */
async function readHead(api: RedivisApiClient, file: FileEntry, limit: number): Promise<Buffer> {
  if (file.size === 0) return Buffer.alloc(0);
  const { response } = await fetchFileBytes(api, file.id, {
    range: `bytes=0-${Math.min(limit, file.size) - 1}`,
    what: `"${file.name}"`,
  });
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of response.body) {
    chunks.push(Buffer.from(chunk));
    length += chunk.byteLength;
    // A server that ignores Range sends the whole file: stop at the limit.
    if (length >= limit) {
      (response.body as { destroy?: () => void }).destroy?.();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

export async function readText(api: RedivisApiClient, file: FileEntry): Promise<FileText> {
  const head = await readHead(api, file, TEXT_PREVIEW_BYTES);
  // A multi-byte character cut at the end decodes as U+FFFD; drop it rather than show it.
  let text = new TextDecoder('utf-8').decode(head);
  const truncated = file.size > head.length;
  if (truncated) text = text.replace(/\uFFFD$/, '');
  return { text, truncated, size: file.size };
}

export async function readTable(api: RedivisApiClient, file: FileEntry): Promise<FileTable> {
  const ext = file.name.toLowerCase().slice(file.name.lastIndexOf('.') + 1);
  let table: Table;
  let truncated = false;
  if (ext === 'csv' || ext === 'tsv') {
    const head = await readHead(api, file, CSV_PREVIEW_BYTES);
    truncated = file.size > head.length;
    table = csvTable(head, ext === 'tsv' ? '\t' : undefined, truncated);
  } else if (['parquet', 'arrow', 'feather', 'arrows'].includes(ext)) {
    if (file.size > MAX_COLUMNAR_BYTES) {
      fail('bad_input', `"${file.name}" is too large to show as a table here; download it instead.`);
    }
    const bytes = await readHead(api, file, file.size);
    table = ext === 'parquet' ? tableFromIPC(readParquet(bytes).intoIPCStream()) : tableFromIPC(bytes);
  } else {
    return fail('bad_input', `"${file.name}" is not a CSV, Parquet or Arrow file.`);
  }
  if (table.numRows > TABLE_PREVIEW_ROWS) {
    truncated = true;
    table = table.slice(0, TABLE_PREVIEW_ROWS);
  }
  return { ipc: tableToIPC(table, 'stream'), numRows: table.numRows, truncated };
}

/**
 * CSV text to an Arrow table: the first row names the columns; a column whose every non-empty
 * cell is a number (without leading zeros) becomes float64, any other utf8; empty cells are nulls. When the text was
 * cut, its last (partial) line is dropped.
 */
export function csvTable(bytes: Buffer, delimiter: string | undefined, cut: boolean): Table {
  let text = bytes.toString('utf8');
  if (cut) text = text.slice(0, text.lastIndexOf('\n') + 1);
  const records = parse(text, {
    delimiter: delimiter ?? detectDelimiter(text),
    relax_column_count: true,
    skip_empty_lines: true,
    bom: true,
    to: TABLE_PREVIEW_ROWS + 1,
  }) as string[][];
  const header = records[0] ?? [];
  const rows = records.slice(1);
  const used = new Set<string>();
  const columns: Record<string, Vector> = {};
  header.forEach((raw, c) => {
    let name = raw.trim() || `column_${c + 1}`;
    while (used.has(name)) name = `${name}_`;
    used.add(name);
    const cells = rows.map((row) => {
      const cell = row[c];
      return cell === undefined || cell === '' ? null : cell;
    });
    const numeric = cells.every(
      // Leading zeros (zip codes, ids) keep a column text.
      (cell) => cell === null || /^\s*-?((0|[1-9]\d*)(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(cell),
    );
    columns[name] = numeric
      ? vectorFromArray(
          cells.map((cell) => (cell === null ? null : Number(cell))),
          new Float64(),
        )
      : vectorFromArray(cells, new Utf8());
  });
  return new Table(columns);
}

function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const counts = [',', ';', '\t', '|'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}
