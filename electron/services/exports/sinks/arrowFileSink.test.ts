import { Table, tableFromArrays, type Schema, tableFromIPC, vectorFromArray, Utf8 } from 'apache-arrow';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { join as joinBytes } from '../../redivis/arrowMessages';
import { streamBatchOf } from '../../redivis/streamBatch';
import { ArrowFileSink } from './arrowFileSink';
import type { OutputFile } from './outputFile';
import { TableFileWriter } from './tableFileWriter';

const arrowSink = (file: OutputFile, schema: Schema) => new ArrowFileSink(file, schema);

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rd-arrow-sink-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

const source = new Table({
  id: vectorFromArray(BigInt64Array.from({ length: 300 }, (_, i) => BigInt(i))),
  name: vectorFromArray(
    Array.from({ length: 300 }, (_, i) => (i % 7 ? `row ${i}` : null)),
    new Utf8(),
  ),
});

it('copies batches already in the target schema byte for byte and records them in the footer', async () => {
  const path = join(folder, 'exact.arrow');
  const writer = await TableFileWriter.open(path, source.schema, arrowSink);
  const batches = [source.slice(0, 120), source.slice(120)].map((t) => streamBatchOf(t.batches[0]!));
  for (const batch of batches) await writer.write(batch);
  await writer.finish();
  const bytes = await readFile(path);
  for (const batch of batches) {
    // The body is found unchanged in the file: nothing was decoded or re-encoded.
    expect(bytes.indexOf(Buffer.from(joinBytes(batch.message.body)))).toBeGreaterThan(0);
  }
  const written = tableFromIPC(bytes);
  expect(written.batches).toHaveLength(2);
  expect(written.toArray().map((r) => r.toJSON())).toEqual(source.toArray().map((r) => r.toJSON()));
});

it('reconciles batches of another schema into the same file', async () => {
  const path = join(folder, 'mixed.arrow');
  const writer = await TableFileWriter.open(path, source.schema, arrowSink);
  await writer.write(streamBatchOf(source.slice(0, 100).batches[0]!));
  // Another upload's columns: other order, other case, int32 ids, a missing column.
  const other = tableFromArrays({ ID: Int32Array.from([1000, 1001]) });
  await writer.write(streamBatchOf(other.batches[0]!));
  await writer.write(streamBatchOf(source.slice(100, 150).batches[0]!));
  await writer.finish();
  expect(writer.rows).toBe(152);
  const written = tableFromIPC(await readFile(path));
  expect(written.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['id:Int64', 'name:Utf8']);
  const ids = written.getChild('id')!.toArray() as BigInt64Array;
  expect([...ids.slice(98, 103)]).toEqual([98n, 99n, 1000n, 1001n, 100n]);
  expect(written.getChild('name')!.get(100)).toBeNull();
  expect(written.getChild('name')!.get(103)).toBe('row 101');
});
