import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  DateMillisecond,
  Decimal,
  Field,
  Float32,
  Int32,
  Schema,
  Table,
  TimestampMillisecond,
  Utf8,
  tableFromArrays,
  tableToIPC,
  vectorFromArray,
  makeData,
  RecordBatch,
  Struct,
} from 'apache-arrow';
import { Table as WasmTable, writeParquet } from 'parquet-wasm/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryBatchSink } from '../src/ingest/batchSink.js';
import { ingestFile } from '../src/ingest/ingestFile.js';
import { IngestError, type IngestOptions } from '../src/ingest/ingestTypes.js';
import { sniffDelimiter } from '../src/ingest/sniffDelimiter.js';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ingest-test-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, content);
  return file;
}

async function ingest(name: string, content: string | Uint8Array, options: IngestOptions = {}) {
  const file = await write(name, content);
  const sink = new MemoryBatchSink();
  const result = await ingestFile(file, sink, { fileName: name, ...options });
  const table = new Table(sink.schema!, sink.batches);
  const rows = table.toArray().map((r) => r.toJSON() as Record<string, unknown>);
  const arrowTypes = sink.schema!.fields.map((f) => String(f.type));
  return { result, rows, arrowTypes, table };
}

describe('delimited ingest', () => {
  it('infers every type, maps it to the read-stream Arrow type and keeps nulls', async () => {
    const csv = [
      'id,score,ok,day,at,clock,name',
      '1,1.5,true,2024-01-31,2024-01-31 12:30:00,08:15:30.25,alpha',
      '2,,FALSE,,2024-02-01T00:00:00Z,,NA',
      '-3,7,true,1999-12-31,2024-02-29 23:59:59.123456,23:59:59,"with, comma"',
    ].join('\n');
    const { result, rows, arrowTypes } = await ingest('types.csv', csv, { nullMarkers: ['NA'] });
    expect(result.variables).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'score', type: 'float' },
      { name: 'ok', type: 'boolean' },
      { name: 'day', type: 'date' },
      { name: 'at', type: 'dateTime' },
      { name: 'clock', type: 'time' },
      { name: 'name', type: 'string' },
    ]);
    expect(arrowTypes).toEqual([
      'Int64',
      'Float64',
      'Bool',
      'Date32<DAY>',
      'Timestamp<MICROSECOND>',
      'Time64<MICROSECOND>',
      'Utf8',
    ]);
    expect(result.numRows).toBe(3);
    expect(result.hasHeaderRow).toBe(true);
    expect(result.delimiter).toBe(',');
    expect(rows[0]).toMatchObject({ id: 1n, score: 1.5, ok: true, name: 'alpha' });
    expect(rows[0]!.day).toBe(Date.UTC(2024, 0, 31));
    expect(rows[0]!.at).toBe(Date.UTC(2024, 0, 31, 12, 30));
    expect(rows[0]!.clock).toBe(BigInt((8 * 3600 + 15 * 60 + 30) * 1_000_000 + 250_000));
    expect(rows[1]).toMatchObject({ id: 2n, score: null, ok: false, day: null, clock: null, name: null });
    expect(rows[2]).toMatchObject({ id: -3n, score: 7, name: 'with, comma' });
  });

  it('keeps leading-zero codes as strings and widens mixed columns', async () => {
    const csv = 'zip,mixed,when\n02139,1,2024-01-01\n10001,x,2024-01-01 10:00:00\n';
    const { result, rows } = await ingest('mixed.csv', csv);
    expect(result.variables.map((v) => v.type)).toEqual(['string', 'string', 'dateTime']);
    expect(rows.map((r) => r.zip)).toEqual(['02139', '10001']);
    expect(rows[0]!.when).toBe(Date.UTC(2024, 0, 1));
  });

  it.each([
    [';', 'a;b;c\n1;2;3\n4;5;6\n'],
    ['\t', 'a\tb\tc\n1\t2\t3\n4\t5\t6\n'],
    ['|', 'a|b|c\n1|2,5|3\n4|5|6\n'],
    [',', 'a,b;c\n1,2;3\n4,5;6\n'],
  ])('sniffs the delimiter %j', async (delimiter, text) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
    const { result } = await ingest('sniff.txt', text);
    expect(result.delimiter).toBe(delimiter);
    expect(result.variables).toHaveLength(delimiter === ',' ? 2 : 3);
    expect(result.numRows).toBe(2);
  });

  it('handles CRLF line ends, a byte-order mark and a written-out tab delimiter', async () => {
    const crlf = await ingest('crlf.csv', '\uFEFFa;b\r\n1;x\r\n2;y\r\n');
    expect(crlf.result.delimiter).toBe(';');
    expect(crlf.rows).toEqual([
      { a: 1n, b: 'x' },
      { a: 2n, b: 'y' },
    ]);
    const tab = await ingest('tab.txt', 'a\tb\n1\t2\n', { delimiter: '\\t' });
    expect(tab.rows).toEqual([{ a: 1n, b: 2n }]);
  });

  it('reads quoted newlines, custom quote and escape characters', async () => {
    const quoted = 'id,text\n1,"line one\nline two"\n2,"say ""hi"""\n';
    const first = await ingest('quoted.csv', quoted);
    expect(first.rows).toEqual([
      { id: 1n, text: 'line one\nline two' },
      { id: 2n, text: 'say "hi"' },
    ]);
    const custom = "id,text\n1,'it\\'s, fine'\n";
    const second = await ingest('custom.csv', custom, { quoteCharacter: "'", escapeCharacter: '\\' });
    expect(second.rows).toEqual([{ id: 1n, text: "it's, fine" }]);
  });

  it('detects a missing header row and honours an explicit hasHeaderRow', async () => {
    const detected = await ingest('noheader.csv', '1,2.5,x\n2,3.5,y\n');
    expect(detected.result.hasHeaderRow).toBe(false);
    expect(detected.result.variables.map((v) => v.name)).toEqual(['var1', 'var2', 'var3']);
    expect(detected.result.numRows).toBe(2);
    const forced = await ingest('forced.csv', 'a,b\nc,d\n', { hasHeaderRow: false });
    expect(forced.rows).toEqual([
      { var1: 'a', var2: 'b' },
      { var1: 'c', var2: 'd' },
    ]);
  });

  it('cleans header names into unique variable names', async () => {
    const { result } = await ingest('names.csv', 'First Name,first name,2nd,,a-b\n1,2,3,4,5\n', {
      hasHeaderRow: true,
    });
    expect(result.variables.map((v) => v.name)).toEqual([
      'First_Name',
      'first_name_2',
      '_2nd',
      'var4',
      'a_b',
    ]);
  });

  it('fails on a bad record naming its line, or skips and counts it', async () => {
    const csv = 'a,b\n1,2\n3,4,5\n6,7\n';
    await expect(ingest('bad.csv', csv)).rejects.toThrow(/Line 3: expected 2 values but found 3/);
    const skipped = await ingest('bad.csv', csv, { skipBadRecords: true });
    expect(skipped.result.badRecordsCount).toBe(1);
    expect(skipped.rows).toEqual([
      { a: 1n, b: 2n },
      { a: 6n, b: 7n },
    ]);
  });

  it('accepts short rows only with allowJaggedRows', async () => {
    const csv = 'a,b,c\n1,2,3\n4\n';
    await expect(ingest('jagged.csv', csv)).rejects.toThrow(/allowJaggedRows/);
    const { rows } = await ingest('jagged.csv', csv, { allowJaggedRows: true });
    expect(rows[1]).toEqual({ a: 4n, b: null, c: null });
  });

  it('reports malformed quoting as a parse error or skips it', async () => {
    const csv = 'a,b\n1,x"y\n2,z\n';
    await expect(ingest('quote.csv', csv)).rejects.toThrow(/Could not parse the delimited file/);
    const { result, rows } = await ingest('quote.csv', csv, { skipBadRecords: true });
    expect(result.badRecordsCount).toBe(1);
    expect(rows).toEqual([{ a: 2n, b: 'z' }]);
  });

  it('writes several batches for larger files and keeps every row in order', async () => {
    const lines = ['n,label'];
    for (let i = 0; i < 5000; i++) lines.push(`${i},r${i}`);
    const { result, table } = await ingest('big.csv', lines.join('\n'), { maxBatchRows: 1000 });
    expect(result.numRows).toBe(5000);
    expect(table.batches.map((b) => b.numRows)).toEqual([1000, 1000, 1000, 1000, 1000]);
    const n = table.getChild('n')!;
    expect(n.get(0)).toBe(0n);
    expect(n.get(4999)).toBe(4999n);
    expect(table.getChild('label')!.get(1234)).toBe('r1234');
  });

  it('reports progress through the second pass', async () => {
    const lines = ['n'];
    for (let i = 0; i < 4000; i++) lines.push(String(i));
    const file = await write('progress.csv', lines.join('\n'));
    const fractions: number[] = [];
    const sink = Object.assign(new MemoryBatchSink(), { progress: (f: number) => fractions.push(f) });
    await ingestFile(file, sink, { fileName: 'progress.csv', maxBatchRows: 1000 });
    expect(fractions).toEqual([0.5, 0.625, 0.75, 0.875, 1]);
  });

  it('treats a header-only file as zero rows of strings', async () => {
    const { result, rows } = await ingest('header.csv', 'a,b\n');
    expect(result.numRows).toBe(0);
    expect(rows).toEqual([]);
    expect(result.variables).toEqual([
      { name: 'a', type: 'string' },
      { name: 'b', type: 'string' },
    ]);
  });
});

describe('ndjson ingest', () => {
  it('collects keys in order, infers types and stores nested values as JSON text', async () => {
    const text = [
      '{"id":1,"score":2,"tags":["a"],"day":"2024-03-01","flag":true}',
      '{"id":2,"score":2.5,"extra":"late","day":null,"flag":false}',
      '',
    ].join('\n');
    const { result, rows, arrowTypes } = await ingest('data.ndjson', text);
    expect(result.variables).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'score', type: 'float' },
      { name: 'tags', type: 'string' },
      { name: 'day', type: 'date' },
      { name: 'flag', type: 'boolean' },
      { name: 'extra', type: 'string' },
    ]);
    expect(arrowTypes[0]).toBe('Int64');
    expect(rows[0]).toMatchObject({ id: 1n, score: 2, tags: '["a"]', flag: true, extra: null });
    expect(rows[1]).toMatchObject({ id: 2n, score: 2.5, day: null, extra: 'late' });
  });

  it('fails on a line that is not an object unless bad records are skipped', async () => {
    const text = '{"a":1}\nnot json\n{"a":2}\n';
    await expect(ingest('bad.jsonl', text)).rejects.toThrow(/Line 2: not a JSON object/);
    const { result, rows } = await ingest('bad.jsonl', text, { skipBadRecords: true });
    expect(result.badRecordsCount).toBe(1);
    expect(rows).toEqual([{ a: 1n }, { a: 2n }]);
  });
});

function sampleTable(): Table {
  const schema = new Schema([
    new Field('small', new Int32(), true),
    new Field('ratio', new Float32(), true),
    new Field('city', new Utf8(), true),
    new Field('seen', new TimestampMillisecond(), true),
    new Field('born', new DateMillisecond(), true),
  ]);
  const columns = [
    vectorFromArray([1, null, 3], new Int32()),
    vectorFromArray([0.5, 1.5, null], new Float32()),
    vectorFromArray(['Oslo', 'Lima', null], new Utf8()),
    makeData({
      type: new TimestampMillisecond(),
      length: 3,
      nullCount: 0,
      data: BigInt64Array.from([0n, 1_700_000_000_123n, 86_400_000n]),
    }),
    vectorFromArray([new Date(Date.UTC(2020, 4, 17)), null, new Date(0)], new DateMillisecond()),
  ].map((c) => ('data' in c && Array.isArray(c.data) ? c.data[0]! : c));
  const struct = makeData({
    type: new Struct(schema.fields),
    length: 3,
    nullCount: 0,
    children: columns as never,
  });
  return new Table([new RecordBatch(schema, struct)]);
}

describe('columnar ingest', () => {
  const expectNormalized = (
    result: { variables: unknown },
    rows: Record<string, unknown>[],
    arrowTypes: string[],
  ) => {
    expect(result.variables).toEqual([
      { name: 'small', type: 'integer' },
      { name: 'ratio', type: 'float' },
      { name: 'city', type: 'string' },
      { name: 'seen', type: 'dateTime' },
      { name: 'born', type: 'date' },
    ]);
    expect(arrowTypes).toEqual(['Int64', 'Float64', 'Utf8', 'Timestamp<MICROSECOND>', 'Date32<DAY>']);
    expect(rows.map((r) => r.small)).toEqual([1n, null, 3n]);
    expect(rows.map((r) => r.ratio)).toEqual([0.5, 1.5, null]);
    expect(rows.map((r) => r.city)).toEqual(['Oslo', 'Lima', null]);
    expect(rows.map((r) => r.seen)).toEqual([0, 1_700_000_000_123, 86_400_000]);
    expect(rows.map((r) => r.born)).toEqual([Date.UTC(2020, 4, 17), null, 0]);
  };

  it('reads Arrow IPC files and streams', async () => {
    const table = sampleTable();
    for (const [name, format] of [
      ['t.arrow', 'file'],
      ['t.arrows', 'stream'],
    ] as const) {
      const { result, rows, arrowTypes } = await ingest(name, tableToIPC(table, format));
      expectNormalized(result, rows, arrowTypes);
    }
  });

  it('reads Parquet', async () => {
    const parquet = writeParquet(WasmTable.fromIPCStream(tableToIPC(sampleTable(), 'stream')));
    const { result, rows, arrowTypes } = await ingest('t.parquet', parquet);
    expectNormalized(result, rows, arrowTypes);
  });

  it('turns dictionary strings into plain utf8', async () => {
    const table = tableFromArrays({ label: ['a', 'b', 'a'] });
    const { result, rows, arrowTypes } = await ingest('dict.arrows', tableToIPC(table, 'stream'), {
      type: 'arrow',
    });
    expect(result.variables).toEqual([{ name: 'label', type: 'string' }]);
    expect(arrowTypes).toEqual(['Utf8']);
    expect(rows.map((r) => r.label)).toEqual(['a', 'b', 'a']);
  });

  it('reads decimals as floats', async () => {
    const data = makeData({
      type: new Decimal(2, 10, 128),
      length: 2,
      nullCount: 0,
      data: new Uint32Array([12345, 0, 0, 0, 4294967295, 4294967295, 4294967295, 4294967295]),
    });
    const schema = new Schema([new Field('amount', new Decimal(2, 10, 128), true)]);
    const struct = makeData({ type: new Struct(schema.fields), length: 2, nullCount: 0, children: [data] });
    const bytes = tableToIPC(new Table([new RecordBatch(schema, struct)]), 'stream');
    const { result, rows } = await ingest('money.arrows', bytes);
    expect(result.variables).toEqual([{ name: 'amount', type: 'float' }]);
    expect(rows).toEqual([{ amount: 123.45 }, { amount: -0.01 }]);
  });

  it('rejects corrupt Parquet with a clear message', async () => {
    await expect(ingest('broken.parquet', 'PAR1 definitely not parquet')).rejects.toThrow(
      /Could not read the Parquet file/,
    );
  });
});

describe('input errors', () => {
  it('rejects empty files', async () => {
    for (const name of ['e.csv', 'e.ndjson', 'e.parquet', 'e.arrow']) {
      await expect(ingest(name, '')).rejects.toThrow('The file is empty.');
    }
    await expect(ingest('blank.csv', '\n\n')).rejects.toThrow('The file is empty.');
  });

  it('rejects unsupported types and extensions', async () => {
    await expect(ingest('x.csv', 'a\n1\n', { type: 'dta' })).rejects.toThrow(/"dta" is not supported/);
    await expect(ingest('x.xlsx', 'zz')).rejects.toThrow(/"\.xlsx" are not supported/);
    await expect(ingest('noext', 'a\n1\n')).rejects.toThrow(/Cannot determine the upload type/);
    await expect(ingest('x.csv', 'a\n', { type: 'weird' })).rejects.toBeInstanceOf(IngestError);
  });

  it('prefers the explicit type over the extension', async () => {
    const { result } = await ingest('data.bin', '{"a":1}\n', { type: 'ndjson' });
    expect(result.fileType).toBe('ndjson');
  });
});
