import { RecordBatch, RecordBatchStreamWriter, tableFromArrays, type Table } from 'apache-arrow';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/contract/errors';
import { RedivisApiClient } from './apiClient';
import { readStreamBatches, readStreamMessages } from './readStream';
import { decodeStreamBatch } from './streamBatch';

const rows = 10_000;
const table: Table = tableFromArrays({ id: Int32Array.from({ length: rows }, (_, i) => i) });
let server: Server;
let base: string;
/** Per request: cut the body after this many batches (undefined = complete stream). */
let cuts: (number | undefined)[] = [];
let omitSentinel = false;
const offsets: number[] = [];

function streamBytes(offset: number, maxBatches: number | undefined): Uint8Array {
  const slice = table.slice(offset);
  const writer = new RecordBatchStreamWriter();
  let written = 0;
  for (let start = 0; start < slice.numRows; start += 1000) {
    if (maxBatches !== undefined && written >= maxBatches) break;
    for (const batch of slice.slice(start, start + 1000).batches) writer.write(batch);
    written++;
  }
  const complete = maxBatches === undefined;
  if (complete && !omitSentinel) writer.write(new RecordBatch(table.schema, undefined));
  writer.finish();
  return writer.toUint8Array(true);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const offset = Number(url.searchParams.get('offset') ?? 0);
    offsets.push(offset);
    const cut = cuts.shift();
    const bytes = streamBytes(offset, cut);
    res.writeHead(200, { 'Content-Type': 'application/vnd.apache.arrow.stream' });
    if (cut !== undefined) {
      // Send the whole batches, then a partial message, then drop the connection.
      res.write(bytes);
      res.write(new Uint8Array([255, 255, 255, 255, 40, 0]));
      setTimeout(() => res.destroy(), 5);
    } else res.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  cuts = [];
  omitSentinel = false;
  offsets.length = 0;
});

const api = new RedivisApiClient({
  baseUrl: () => base,
  tokens: { accessToken: async () => undefined, refreshAfterUnauthorized: async () => false },
});

type Reader = (options: object) => AsyncIterable<RecordBatch>;

/** Both readers share one resume loop: each must pass every case. */
const readers: [string, Reader][] = [
  ['readStreamBatches', (options) => readStreamBatches(api, 'stream-1', options)],
  [
    'readStreamMessages',
    async function* (options) {
      for await (const batch of readStreamMessages(api, 'stream-1', options)) {
        const decoded = decodeStreamBatch(batch);
        expect(decoded.numRows).toBe(batch.numRows);
        yield decoded;
      }
    },
  ],
];

describe.each(readers)('%s', (_name, read) => {
  async function collect(options = {}): Promise<number[]> {
    const ids: number[] = [];
    for await (const batch of read({ maxRetries: 5, ...options })) {
      const column = batch.getChild('id');
      for (let i = 0; i < batch.numRows; i++) ids.push(column?.get(i) as number);
    }
    return ids;
  }

  it('reads a whole stream and stops at the sentinel', async () => {
    const ids = await collect();
    expect(ids).toHaveLength(rows);
    expect(ids[rows - 1]).toBe(rows - 1);
    expect(offsets).toEqual([0]);
  });

  it('resumes cut streams from the rows already received, exactly once each', async () => {
    cuts = [3, 2];
    const ids = await collect();
    expect(offsets).toEqual([0, 3000, 5000]);
    expect(ids).toEqual(Array.from({ length: rows }, (_, i) => i));
  });

  it('treats a stream that ends without the sentinel as cut', async () => {
    omitSentinel = true;
    await expect(collect({ maxRetries: 1 })).rejects.toBeInstanceOf(AppFailure);
    expect(offsets.length).toBe(2);
    expect(offsets[1]).toBe(rows);
  });

  it('starts from a given offset', async () => {
    const ids = await collect({ startOffset: 9_500 });
    expect(ids[0]).toBe(9_500);
    expect(ids).toHaveLength(500);
  });
});
