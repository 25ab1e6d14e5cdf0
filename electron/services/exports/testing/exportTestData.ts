import { DuckDBInstance } from '@duckdb/node-api';
import { Type, tableFromIPC, type Table } from 'apache-arrow';
import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import { readParquet } from 'parquet-wasm';
import type { RedivisApiClient } from '../../redivis/apiClient';
import { tablePath } from '../../redivis/readSession';

export type Row = Record<string, unknown>;

/** The server's own rows (GET /tables/{T}/rows), the reference every written file is compared with. */
export async function serverRows(
  api: RedivisApiClient,
  tableRef: string,
  format: 'jsonl' | 'csv',
): Promise<Row[]> {
  const response = await api.send('GET', `${tablePath(tableRef)}/rows`, {
    query: { format, maxResults: 10_000_000 },
  });
  const text = await response.text();
  if (format === 'csv') return parse(text, { columns: true }) as Row[];
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Row);
}

export async function serverArrow(api: RedivisApiClient, tableRef: string): Promise<Table> {
  const response = await api.send('GET', `${tablePath(tableRef)}/rows`, {
    query: { format: 'arrow', maxResults: 10_000_000 },
  });
  return tableFromIPC(new Uint8Array(await response.arrayBuffer()));
}

/** Rows of an Arrow table with exact values: 64-bit integers and microseconds as strings. */
export function arrowRows(table: Table): Row[] {
  const rows: Row[] = Array.from({ length: table.numRows }, () => ({}));
  for (const field of table.schema.fields) {
    const column = table.getChild(field.name);
    if (!column) continue;
    let index = 0;
    for (const data of column.data) {
      for (let i = 0; i < data.length; i++, index++) {
        const row = rows[index] as Row;
        if (!data.getValid(i)) {
          row[field.name] = null;
          continue;
        }
        const typeId = data.type.typeId;
        if (
          typeId === Type.Int ||
          typeId === Type.Timestamp ||
          typeId === Type.Time ||
          typeId === Type.Date
        ) {
          row[field.name] = String((data.values as ArrayLike<unknown>)[i]);
        } else {
          row[field.name] = column.get(index);
        }
      }
    }
  }
  return rows;
}

export async function readArrowFile(path: string): Promise<Table> {
  return tableFromIPC(await readFile(path));
}

export async function readParquetFile(path: string): Promise<Table> {
  return tableFromIPC(readParquet(await readFile(path)).intoIPCStream());
}

/**
 * A Parquet file as DuckDB reads it (a reader independent of the writer), spelled as `arrowRows`
 * spells rows: integers as strings, dates as days, times and timestamps as microseconds. Also
 * returns the column types DuckDB sees.
 */
export async function readParquetWithDuckDb(path: string): Promise<{ types: string[]; rows: Row[] }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const source = `read_parquet('${path.replaceAll("'", "''")}')`;
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
    const columns = described.getRowObjectsJS() as { column_name: string; column_type: string }[];
    const select = columns.map(({ column_name: name, column_type: type }) => {
      const column = `"${name.replaceAll('"', '""')}"`;
      const spelled =
        type === 'DATE'
          ? `CAST(${column} - DATE '1970-01-01' AS VARCHAR)`
          : type === 'TIME'
            ? `CAST(epoch_us(DATE '1970-01-01' + ${column}) AS VARCHAR)`
            : type.startsWith('TIMESTAMP')
              ? `CAST(epoch_us(${column}) AS VARCHAR)`
              : /INT/.test(type)
                ? `CAST(${column} AS VARCHAR)`
                : column;
      return `${spelled} AS ${column}`;
    });
    const read = await connection.runAndReadAll(`SELECT ${select.join(', ')} FROM ${source}`);
    return {
      types: columns.map((c) => `${c.column_name}:${c.column_type}`),
      rows: read.getRowObjectsJS() as Row[],
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

export async function readCsvFile(path: string): Promise<Row[]> {
  return parse(await readFile(path, 'utf8'), { columns: true }) as Row[];
}

export async function readNdjsonFile(path: string): Promise<Row[]> {
  return (await readFile(path, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Row);
}

/** Streams interleave, so rows are compared in id order. */
export function byId(rows: Row[], key = 'id'): Row[] {
  return [...rows].sort((a, b) => Number(a[key]) - Number(b[key]));
}
