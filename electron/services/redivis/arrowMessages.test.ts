import {
  MessageHeader,
  RecordBatchStreamWriter,
  tableFromArrays,
  tableFromIPC,
  vectorFromArray,
  Dictionary,
  Int32,
  Utf8,
  Table,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import { ArrowMessageFramer, join, messagesOf, type ArrowMessage } from './arrowMessages';
import {
  decodeStreamBatch,
  ipcStreamOf,
  StreamBatchAssembler,
  streamBatchesOf,
  usesDictionaries,
} from './streamBatch';

const rows = 2_500;
const table = tableFromArrays({
  id: Int32Array.from({ length: rows }, (_, i) => i),
  score: Float64Array.from({ length: rows }, (_, i) => i / 7),
});
const withNames = new Table({
  id: table.getChild('id')!,
  score: table.getChild('score')!,
  name: vectorFromArray(
    Array.from({ length: rows }, (_, i) => (i % 11 === 0 ? null : `név ${i}, "q"`)),
    new Utf8(),
  ),
});

function encode(source: Table, legacy = false): Uint8Array {
  const writer = new RecordBatchStreamWriter({ writeLegacyIpcFormat: legacy });
  // Several batches, so message boundaries fall inside the chunks.
  for (let start = 0; start < source.numRows; start += 700) {
    for (const batch of source.slice(start, start + 700).batches) writer.write(batch);
  }
  writer.finish();
  return writer.toUint8Array(true);
}

function frameInChunks(
  bytes: Uint8Array,
  size: number,
): { framer: ArrowMessageFramer; messages: ArrowMessage[] } {
  const framer = new ArrowMessageFramer();
  const messages: ArrowMessage[] = [];
  for (let at = 0; at < bytes.byteLength; at += size)
    messages.push(...framer.push(bytes.subarray(at, at + size)));
  return { framer, messages };
}

function rebuilt(messages: ArrowMessage[]): Table {
  const assembler = new StreamBatchAssembler();
  const batches = messages.flatMap((m) => assembler.add(m) ?? []);
  return new Table(batches.map(decodeStreamBatch));
}

async function failureOf(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppFailure);
    return (error as AppFailure).appError.message;
  }
  throw new Error('expected a failure');
}

describe('ArrowMessageFramer', () => {
  const bytes = encode(withNames);

  it('cuts a stream into its schema and record batch messages, bodies untouched', () => {
    const { framer, messages } = frameInChunks(bytes, bytes.byteLength);
    expect(framer.ended).toBe(true);
    expect(messages.map((m) => m.header.headerType)).toEqual([
      MessageHeader.Schema,
      ...Array.from({ length: 4 }, () => MessageHeader.RecordBatch),
    ]);
    // Re-joined, the messages are the original bytes less the end marker.
    const joined = join(messages.flatMap((m) => [m.metadata, ...m.body]));
    expect(joined).toEqual(bytes.subarray(0, bytes.byteLength - 8));
  });

  it.each([1, 3, 8, 13, 64, 4096])('gives the same messages whatever the chunk size (%i bytes)', (size) => {
    const { framer, messages } = frameInChunks(bytes, size);
    expect(framer.ended).toBe(true);
    const whole = messagesOf(bytes);
    expect(messages.map((m) => m.metadata)).toEqual(whole.map((m) => m.metadata));
    expect(messages.map((m) => join(m.body))).toEqual(whole.map((m) => join(m.body)));
    expect(
      rebuilt(messages)
        .toArray()
        .map((r) => r.toJSON()),
    ).toEqual(withNames.toArray().map((r) => r.toJSON()));
  });

  it('holds a partial message back until the rest arrives', () => {
    const framer = new ArrowMessageFramer();
    const schemaSize = messagesOf(bytes)[0]!.metadata.byteLength;
    const first = framer.push(bytes.subarray(0, schemaSize + 12));
    expect(first.map((m) => m.header.headerType)).toEqual([MessageHeader.Schema]);
    expect(framer.atBoundary).toBe(false);
    expect(framer.push(bytes.subarray(schemaSize + 12)).length).toBe(4);
    expect(framer.ended).toBe(true);
  });

  it('reads streams in the pre-0.15 format and writes them in the current one', () => {
    const legacy = encode(table, true);
    expect(new DataView(legacy.buffer, legacy.byteOffset).getInt32(0, true)).not.toBe(-1);
    const messages = messagesOf(legacy);
    for (const message of messages) {
      const view = new DataView(message.metadata.buffer, message.metadata.byteOffset);
      expect(view.getInt32(0, true)).toBe(-1);
      expect(message.metadata.byteLength % 8).toBe(0);
    }
    expect(rebuilt(messages).numRows).toBe(rows);
  });

  it('keeps dictionary batches in the preamble a batch needs to be decoded', () => {
    const words = vectorFromArray(
      Array.from({ length: 50 }, (_, i) => ['alpha', 'beta', 'gamma'][i % 3] ?? null),
      new Dictionary(new Utf8(), new Int32()),
    );
    const dictionaryTable = new Table({ word: words });
    const [batch] = streamBatchesOf(encode(dictionaryTable));
    expect(batch && usesDictionaries(batch)).toBe(true);
    const decoded = tableFromIPC(ipcStreamOf(batch!));
    expect(decoded.getChild('word')?.toArray()).toEqual(dictionaryTable.getChild('word')?.toArray());
  });

  it('rejects a corrupt message length clearly', async () => {
    const corrupt = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x80]);
    expect(await failureOf(() => new ArrowMessageFramer().push(corrupt))).toMatch(/not a valid Arrow stream/);
  });

  it('rejects metadata that is not an Arrow message', async () => {
    const garbage = new Uint8Array(24).fill(0x5a);
    new DataView(garbage.buffer).setInt32(0, -1, true);
    new DataView(garbage.buffer).setInt32(4, 16, true);
    expect(await failureOf(() => new ArrowMessageFramer().push(garbage))).toMatch(/not a valid Arrow stream/);
  });

  it('rejects a record batch that comes before any schema', async () => {
    const [, batchMessage] = messagesOf(bytes);
    expect(await failureOf(() => new StreamBatchAssembler().add(batchMessage!))).toMatch(
      /not a valid Arrow stream/,
    );
  });

  it('rejects in-memory data that ends inside a message', async () => {
    expect(await failureOf(() => messagesOf(bytes.subarray(0, bytes.byteLength - 100)))).toMatch(
      /not a valid Arrow stream/,
    );
  });
});
