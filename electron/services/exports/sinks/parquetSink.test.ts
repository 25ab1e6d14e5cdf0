import {
  Field,
  Float64,
  Int32,
  Int64,
  RecordBatch,
  Schema,
  Struct,
  Utf8,
  makeData,
  vectorFromArray,
  type Data,
  type Vector,
} from 'apache-arrow';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { streamBatchOf, type StreamBatch } from '../../redivis/streamBatch';
import { arrowRows, readParquetFile, type Row } from '../testing/exportTestData';
import { garbageCollector } from './garbageCollector';
import { TableFileWriter } from './tableFileWriter';
import { ParquetSink } from './parquetSink';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rd-parquet-sink-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** The table's schema, as `targetSchema` makes it: every column nullable, no metadata. */
const target = new Schema([
  new Field('id', new Int64(), true),
  new Field('name', new Utf8(), true),
  new Field('score', new Float64(), true),
]);

/** One record batch of `columns`, given in the order of `schema`'s fields. */
function batchOf(schema: Schema, columns: Vector[]): StreamBatch {
  const children = columns.map((column) => column.data[0] as Data);
  const length = children[0]?.length ?? 0;
  return streamBatchOf(
    new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length, nullCount: 0, children })),
  );
}

/**
 * Names and types of the table, so written without decoding, but spelled as a server may: `id`
 * declared non-nullable and carrying field metadata, the schema carrying metadata of its own.
 */
function passthroughBatch(first: number, count: number): StreamBatch {
  const schema = new Schema(
    [
      new Field('id', new Int64(), false, new Map([['origin', 'upload 1']])),
      new Field('name', new Utf8(), true),
      new Field('score', new Float64(), true),
    ],
    new Map([['source', 'stream']]),
  );
  const ids = Array.from({ length: count }, (_, i) => first + i);
  return batchOf(schema, [
    vectorFromArray(BigInt64Array.from(ids, BigInt)),
    vectorFromArray(
      ids.map((i) => (i % 5 ? `row ${i}` : null)),
      new Utf8(),
    ),
    vectorFromArray(
      ids.map((i) => (i % 3 ? i / 4 : null)),
      new Float64(),
    ),
  ]);
}

/** Another upload's columns: other case and order, int32 ids with a null, `score` missing. */
function reconciledBatch(): StreamBatch {
  const schema = new Schema([new Field('NAME', new Utf8(), true), new Field('ID', new Int32(), true)]);
  return batchOf(schema, [
    vectorFromArray(['late', null, 'last'], new Utf8()),
    vectorFromArray([9000, null, 9002], new Int32()),
  ]);
}

function expectedRows(first: number, count: number): Row[] {
  return Array.from({ length: count }, (_, k) => {
    const i = first + k;
    return { id: String(i), name: i % 5 ? `row ${i}` : null, score: i % 3 ? i / 4 : null };
  });
}

const reconciledRows: Row[] = [
  { id: '9000', name: 'late', score: null },
  { id: null, name: null, score: null },
  { id: '9002', name: 'last', score: null },
];

async function writeParquet(name: string, batches: StreamBatch[]): Promise<string> {
  const path = join(folder, name);
  const writer = await TableFileWriter.open(path, target, (file, schema) => new ParquetSink(file, schema));
  for (const batch of batches) await writer.write(batch);
  await writer.finish();
  return path;
}

async function readBack(path: string) {
  const table = await readParquetFile(path);
  const fields = table.schema.fields.map((f) => `${f.name}:${f.type}:${f.nullable}:${f.metadata.size}`);
  return { fields, rows: arrowRows(table) };
}

const targetFields = ['id:Int64:true:0', 'name:Utf8:true:0', 'score:Float64:true:0'];

describe('Parquet files have the table schema and rows whichever way each batch arrives', () => {
  it('writes batches in the table layout without decoding them', async () => {
    const encoded = vi.spyOn(ParquetSink.prototype, 'writeEncoded');
    const decoded = vi.spyOn(ParquetSink.prototype, 'write');
    const path = await writeParquet('passthrough.parquet', [
      passthroughBatch(0, 300),
      passthroughBatch(300, 200),
    ]);
    expect(encoded).toHaveBeenCalledTimes(2);
    expect(decoded).not.toHaveBeenCalled();
    expect(await readBack(path)).toEqual({ fields: targetFields, rows: expectedRows(0, 500) });
  });

  it('mixes reconciled batches with undecoded ones, either coming first', async () => {
    const decoded = vi.spyOn(ParquetSink.prototype, 'write');
    // The first batch fixes the encoder's schema; had it been the stream's own (`id` required),
    // the null id of the reconciled batch would be lost.
    const passthroughFirst = await writeParquet('mixed-1.parquet', [
      passthroughBatch(0, 100),
      reconciledBatch(),
      passthroughBatch(100, 50),
    ]);
    const reconciledFirst = await writeParquet('mixed-2.parquet', [
      reconciledBatch(),
      passthroughBatch(0, 100),
      passthroughBatch(100, 50),
    ]);
    expect(decoded).toHaveBeenCalledTimes(2);
    expect(await readBack(passthroughFirst)).toEqual({
      fields: targetFields,
      rows: [...expectedRows(0, 100), ...reconciledRows, ...expectedRows(100, 50)],
    });
    expect(await readBack(reconciledFirst)).toEqual({
      fields: targetFields,
      rows: [...reconciledRows, ...expectedRows(0, 150)],
    });
  });

  it('writes the schema of a table without rows', async () => {
    expect(await readBack(await writeParquet('empty.parquet', []))).toEqual({
      fields: targetFields,
      rows: [],
    });
    const onlyEmpty = await writeParquet('empty-batch.parquet', [passthroughBatch(0, 0)]);
    expect(await readBack(onlyEmpty)).toEqual({ fields: targetFields, rows: [] });
  });
});

describe('spent output buffers', () => {
  it('are collected every few MB of output when a collector is given', async () => {
    const collect = vi.fn();
    const path = join(folder, 'collected.parquet');
    const scores = new Schema([new Field('score', new Float64(), true)]);
    const writer = await TableFileWriter.open(
      path,
      scores,
      (file, schema) => new ParquetSink(file, schema, collect),
    );
    // Random doubles barely compress: about 19 MB of Parquet, in row groups of 1 MB.
    const rows = 2_400_000;
    for (let first = 0; first < rows; first += 400_000) {
      const values = Float64Array.from({ length: 400_000 }, () => Math.random());
      await writer.write(batchOf(scores, [vectorFromArray(values)]));
    }
    await writer.finish();
    const { size } = await stat(path);
    expect(size).toBeGreaterThan(16 * 1024 * 1024);
    // Once per 8 MB, or a row group later.
    const calls = collect.mock.calls.length;
    expect(calls).toBeLessThanOrEqual(Math.floor(size / (8 * 1024 * 1024)));
    expect(calls).toBeGreaterThanOrEqual(Math.floor(size / (9 * 1024 * 1024)));
    expect((await readParquetFile(path)).numRows).toBe(rows);
  });

  it('can be collected from this thread without giving any other context a global gc', () => {
    const collect = garbageCollector();
    expect(collect).toBeTypeOf('function');
    expect(() => collect?.()).not.toThrow();
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});
