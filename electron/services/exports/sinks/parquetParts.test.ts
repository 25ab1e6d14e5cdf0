import { Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Table as WasmTable, writeParquet } from 'parquet-wasm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readParquetWithDuckDb } from '../testing/exportTestData';
import { OutputFile } from './outputFile';
import { parquetProperties } from './parquetSink';
import { ParquetParts } from './parquetParts';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rd-parquet-parts-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

/** Rows `first`… of a table with every kind of encoding the sink uses, and nulls. */
function part(first: number, count: number, rowGroupRows?: number): Uint8Array {
  const ids = Array.from({ length: count }, (_, i) => first + i);
  const table = new Table({
    id: vectorFromArray(BigInt64Array.from(ids, BigInt)),
    name: vectorFromArray(
      ids.map((id) => (id % 7 === 0 ? null : `name ${id % 5}`)),
      new Utf8(),
    ),
    score: vectorFromArray(Float64Array.from(ids, (id) => id / 4)),
  });
  return writeParquet(
    WasmTable.fromIPCStream(tableToIPC(table, 'stream')),
    parquetProperties(table.schema, rowGroupRows),
  );
}

it('joins parts of several row groups each into one file that DuckDB reads whole and in order', async () => {
  const path = join(folder, 'joined.parquet');
  const file = await OutputFile.create(path);
  const parts = new ParquetParts(file);
  await parts.append(part(0, 1000, 300));
  await parts.append(part(1000, 10, 300));
  await parts.append(part(1010, 700, 300));
  await parts.finish(async () => part(0, 0));
  await file.close(true);
  const { types, rows } = await readParquetWithDuckDb(path);
  expect(types).toEqual(['id:BIGINT', 'name:VARCHAR', 'score:DOUBLE']);
  expect(rows).toHaveLength(1710);
  expect(rows.map((r) => Number(r.id))).toEqual(Array.from({ length: 1710 }, (_, i) => i));
  expect(rows[14]).toEqual({ id: '14', name: null, score: 3.5 });
  expect(rows[1709]).toEqual({ id: '1709', name: 'name 4', score: 1709 / 4 });
});

it('writes a file of no rows with the schema when no part had any', async () => {
  const path = join(folder, 'empty.parquet');
  const file = await OutputFile.create(path);
  const parts = new ParquetParts(file);
  await parts.finish(async () => part(0, 0));
  await file.close(true);
  const { types, rows } = await readParquetWithDuckDb(path);
  expect(types).toEqual(['id:BIGINT', 'name:VARCHAR', 'score:DOUBLE']);
  expect(rows).toEqual([]);
});

it('refuses a part that is not Parquet', async () => {
  const file = await OutputFile.create(join(folder, 'bad.parquet'));
  await expect(new ParquetParts(file).append(new Uint8Array(20))).rejects.toThrow(/not a Parquet file/);
  await file.close(false);
});
