import {
  Dictionary,
  Int32,
  RecordBatchStreamWriter,
  Utf8,
  makeVector,
  tableFromArrays,
  tableFromIPC,
  vectorFromArray,
  Table,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { streamBatchesOf, type StreamBatch } from '../redivis/streamBatch';
import { BatchGrouper } from './batchGrouper';

const rows = (n: number, start = 0) => Float64Array.from({ length: n }, (_, i) => start + i);

/** The batches of one IPC stream as the read stream yields them (wire form, one schema message). */
function wireBatches(table: Table, batchRows: number): StreamBatch[] {
  const writer = new RecordBatchStreamWriter();
  for (let start = 0; start < table.numRows; start += batchRows) {
    for (const batch of table.slice(start, start + batchRows).batches) writer.write(batch);
  }
  writer.finish();
  return streamBatchesOf(writer.toUint8Array(true));
}

function ids(ipc: Uint8Array | undefined): number[] {
  return Array.from(tableFromIPC(ipc ?? new Uint8Array()).getChild('x') ?? [], Number);
}

describe('BatchGrouper', () => {
  it('sends the first batch at once, then groups small batches until enough rows', () => {
    let clock = 0;
    const [a, b, c] = wireBatches(tableFromArrays({ x: rows(30) }), 10);
    const [d, e] = wireBatches(tableFromArrays({ x: rows(2, 1000) }), 1);
    const grouper = new BatchGrouper({ minRows: 25, maxWaitMs: 1000, now: () => clock });
    const first = grouper.add(a!);
    expect(first.map((g) => g.rows)).toEqual([10]);
    expect(ids(first[0]?.ipc)).toEqual(Array.from(rows(10)));
    expect(grouper.add(b!)).toEqual([]);
    expect(grouper.add(c!)).toEqual([]);
    // d comes from another stream (its own schema message), so b and c go out first.
    const out = grouper.add(d!);
    expect(out.map((g) => g.rows)).toEqual([20]);
    expect(ids(out[0]?.ipc)).toEqual(Array.from(rows(20, 10)));
    // A batch held back longer than the wait goes out with the next one.
    clock = 5000;
    const late = grouper.add(e!);
    expect(late.map((g) => g.rows)).toEqual([2]);
    expect(ids(late[0]?.ipc)).toEqual([1000, 1001]);
    expect(grouper.flush()).toEqual([]);
  });

  it('sends a group once it holds enough bytes, however few rows', () => {
    const batches = wireBatches(tableFromArrays({ x: rows(400) }), 100);
    const bytesPerBatch = batches[1]!.message.metadata.byteLength + batches[1]!.message.bodyLength;
    const grouper = new BatchGrouper({ minRows: 1_000_000, maxBytes: bytesPerBatch * 2, now: () => 0 });
    const sent = batches.flatMap((batch) => grouper.add(batch));
    expect(sent.map((g) => g.rows)).toEqual([100, 200]);
    expect(grouper.flush().map((g) => g.rows)).toEqual([100]);
  });

  it('passes the record batch bytes on as the server sent them', () => {
    const [only] = wireBatches(tableFromArrays({ x: rows(50) }), 50);
    const [group] = new BatchGrouper().add(only!);
    const body = only!.message.body;
    const bodyBytes = new Uint8Array(body.reduce((sum, piece) => sum + piece.byteLength, 0));
    body.reduce((at, piece) => (bodyBytes.set(piece, at), at + piece.byteLength), 0);
    const ipc = group!.ipc;
    // Schema message, then the batch's own metadata and body unchanged, then the end marker.
    const schemaBytes = only!.preamble[0]!.metadata.byteLength;
    const metadata = only!.message.metadata;
    expect(ipc.subarray(schemaBytes, schemaBytes + metadata.byteLength)).toEqual(metadata);
    const bodyAt = schemaBytes + metadata.byteLength;
    expect(ipc.subarray(bodyAt, bodyAt + bodyBytes.byteLength)).toEqual(bodyBytes);
    expect(Array.from(ipc.subarray(-8))).toEqual([255, 255, 255, 255, 0, 0, 0, 0]);
  });

  it('keeps dictionary-encoded columns readable, with their dictionaries', () => {
    const dictionary = vectorFromArray(['alpha', 'beta', 'gamma'], new Utf8());
    const keys = Int32Array.from({ length: 30 }, (_, i) => i % 3);
    const species = makeVector({
      type: new Dictionary(new Utf8(), new Int32()),
      data: keys,
      dictionary,
    });
    const table = new Table({ species, x: vectorFromArray(Array.from(rows(30))) });
    const grouper = new BatchGrouper({ minRows: 1000, now: () => 0 });
    const sent = wireBatches(table, 10).flatMap((batch) => grouper.add(batch));
    sent.push(...grouper.flush());
    expect(sent.map((g) => g.rows)).toEqual([10, 20]);
    const values = sent.flatMap((g) => Array.from(tableFromIPC(g.ipc).getChild('species') ?? []));
    expect(values).toEqual(Array.from({ length: 30 }, (_, i) => ['alpha', 'beta', 'gamma'][i % 3]));
  });

  it('starts a new group when the schema changes, as streams of unreleased tables do', () => {
    const grouper = new BatchGrouper({ minRows: 1000, now: () => 0 });
    const [first, second] = wireBatches(tableFromArrays({ x: rows(10) }), 5);
    const [changed] = wireBatches(tableFromArrays({ x: rows(5), extra: rows(5) }), 5);
    grouper.add(first!);
    expect(grouper.add(second!)).toEqual([]);
    expect(grouper.add(changed!).map((g) => g.rows)).toEqual([5]);
    const rest = grouper.flush();
    expect(tableFromIPC(rest[0]?.ipc ?? new Uint8Array()).schema.fields.map((f) => f.name)).toEqual([
      'x',
      'extra',
    ]);
  });
});
