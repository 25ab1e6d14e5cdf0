import { expect, it } from 'vitest';
import { arrowTypeOf } from '../download/arrowTypes';
import { readParquetWithDuckDb } from '../testing/exportTestData';
import { warmUpParquetEncoder, warmUpSample } from './parquetWarmUp';
import { Table as WasmTable, writeParquet } from 'parquet-wasm';
import { parquetProperties } from './parquetSink';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every variable type Redivis has (spec 4.4), so a new one cannot be left out of the warm-up.
const VARIABLE_TYPES = ['integer', 'float', 'string', 'boolean', 'date', 'dateTime', 'time', 'geography'];

it('warms the encoder up on every column type an export writes', () => {
  const sampled = new Set(warmUpSample().schema.fields.map((field) => String(field.type)));
  for (const type of VARIABLE_TYPES) expect(sampled, type).toContain(String(arrowTypeOf(type)));
  expect(() => warmUpParquetEncoder()).not.toThrow();
});

it('encodes a sample an independent reader reads back whole, nulls included', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'rd-warm-up-'));
  try {
    const { schema, stream } = warmUpSample();
    const path = join(folder, 'sample.parquet');
    await writeFile(path, writeParquet(WasmTable.fromIPCStream(stream), parquetProperties(schema)));
    const { types, rows } = await readParquetWithDuckDb(path);
    expect(types).toEqual([
      'integer:BIGINT',
      'float:DOUBLE',
      'string:VARCHAR',
      'date:DATE',
      'date_time:TIMESTAMP',
      'time:TIME',
      'boolean:BOOLEAN',
    ]);
    expect(rows).toHaveLength(16_384);
    expect(rows[3]).toMatchObject({ integer: '21', string: 'value 3', boolean: true });
    expect(rows.filter((row) => row.float === null)).toHaveLength(8_192);
    expect(rows.filter((row) => row.string === null).length).toBeGreaterThan(0);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
