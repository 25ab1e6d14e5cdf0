import { Field, Float64, Int32, Int64, Schema, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { streamBatchOf, type StreamBatch } from '../../redivis/streamBatch';
import { readParquetWithDuckDb } from '../testing/exportTestData';
import { ParquetPoolWriter } from './parquetPoolWriter';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rd-parquet-pool-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

const target = new Schema([
  new Field('id', new Int64(), true),
  new Field('name', new Utf8(), true),
  new Field('score', new Float64(), true),
]);

/** Rows `first`…, `count` of them, in the table's layout. */
function batch(first: number, count: number): StreamBatch {
  const ids = Array.from({ length: count }, (_, i) => first + i);
  const table = new Table({
    id: vectorFromArray(BigInt64Array.from(ids, BigInt)),
    name: vectorFromArray(
      ids.map((id) => (id % 11 === 0 ? null : `n${id % 3}`)),
      new Utf8(),
    ),
    score: vectorFromArray(Float64Array.from(ids, (id) => id / 8)),
  });
  return streamBatchOf(table.batches[0]!);
}

/** Rows in another layout (int32 ids, no score): the encoder must reconcile them. */
function otherLayout(first: number, count: number): StreamBatch {
  const table = new Table({
    ID: vectorFromArray(
      Array.from({ length: count }, (_, i) => first + i),
      new Int32(),
    ),
  });
  return streamBatchOf(table.batches[0]!);
}

it('three encoders write the parts of an export in the order the batches came, whatever their layout', async () => {
  const path = join(folder, 'pooled.parquet');
  const writer = await ParquetPoolWriter.open(path, target, 3, 250);
  let first = 0;
  for (let i = 0; i < 40; i++) {
    const count = 37 + ((i * 53) % 90);
    await writer.write(i % 9 === 4 ? otherLayout(first, count) : batch(first, count));
    first += count;
  }
  await writer.finish();
  expect(writer.rows).toBe(first);
  const { types, rows } = await readParquetWithDuckDb(path);
  expect(types).toEqual(['id:BIGINT', 'name:VARCHAR', 'score:DOUBLE']);
  expect(rows.map((r) => Number(r.id))).toEqual(Array.from({ length: first }, (_, i) => i));
  // Rows of the other layout keep their ids and have nulls for what they lack.
  const reconciled = rows.filter((r) => r.score === null);
  expect(reconciled.length).toBeGreaterThan(0);
  expect(reconciled.every((r) => r.name === null)).toBe(true);
  expect(rows[10]).toEqual({ id: '10', name: 'n1', score: 1.25 });
});

it('writes an export of no rows as a file with the schema', async () => {
  const path = join(folder, 'empty.parquet');
  const writer = await ParquetPoolWriter.open(path, target, 2, 250);
  await writer.finish();
  const { types, rows } = await readParquetWithDuckDb(path);
  expect(types).toEqual(['id:BIGINT', 'name:VARCHAR', 'score:DOUBLE']);
  expect(rows).toEqual([]);
});

it('an aborted export takes no more batches and cannot be finished', async () => {
  const writer = await ParquetPoolWriter.open(join(folder, 'aborted.parquet'), target, 2, 250);
  await writer.write(batch(0, 300));
  await writer.abort();
  await expect(writer.write(batch(300, 10))).rejects.toThrow(/stopped/);
  await expect(writer.finish()).rejects.toThrow(/stopped/);
});
