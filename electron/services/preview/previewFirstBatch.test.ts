import { RecordBatch, RecordBatchStreamWriter, tableFromArrays, tableFromIPC } from 'apache-arrow';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/contract';
import { EventBus } from '../host/eventBus';
import { RedivisApiClient } from '../redivis/apiClient';
import { PreviewService } from './previewService';

const table = tableFromArrays({ id: Int32Array.from({ length: 3000 }, (_, i) => i) });
const batches = [0, 1000, 2000].map((start) => table.slice(start, start + 1000).batches[0]!);

function streamBytes(parts: RecordBatch[], sentinel: boolean): Uint8Array {
  const writer = new RecordBatchStreamWriter();
  parts.forEach((batch) => writer.write(batch));
  if (sentinel) writer.write(new RecordBatch(table.schema, undefined));
  writer.finish();
  return writer.toUint8Array(true);
}

/** Released by the test once it has seen the first batch; until then the stream stalls. */
let release: () => void = () => undefined;
const released = new Promise<void>((resolve) => (release = resolve));
let server: Server;
let base = '';

beforeAll(async () => {
  const whole = streamBytes(batches, true);
  // The first batch's messages are a prefix of the whole stream (minus the 8-byte end marker).
  const firstLength = streamBytes([batches[0]!], false).byteLength - 8;
  server = createServer((req, res) => {
    if (req.method === 'POST') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: 'session', numRows: 3000, streams: [{ id: 's1', estimatedRows: 3000 }] }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/vnd.apache.arrow.stream' });
    res.write(whole.subarray(0, firstLength));
    void released.then(() => res.end(whole.subarray(firstLength)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('PreviewService first rows', () => {
  it('forwards the first batch while the rest of the stream is still on its way', async () => {
    const events = new EventBus();
    const seen: string[] = [];
    const firstBatch = new Promise<EventPayload<'preview.batch'>>((resolve) =>
      events.attach((event, payload) => {
        seen.push(event);
        if (event === 'preview.batch') resolve(payload as EventPayload<'preview.batch'>);
      }),
    );
    const ended = new Promise<void>((resolve) =>
      events.attach((event) => {
        if (event === 'preview.ended') resolve();
      }),
    );
    const api = new RedivisApiClient({
      baseUrl: () => base,
      tokens: { accessToken: async () => undefined, refreshAfterUnauthorized: async () => false },
    });
    const service = new PreviewService({ api, events });
    // Without a view the rows come from the table itself.
    await expect(service.start({ previewId: 'p', tableRef: 't', maxRows: 10_000 }, 'w')).resolves.toEqual({
      numRows: 3000,
      source: 't',
      viewRows: undefined,
    });
    const first = await firstBatch;
    expect(first).toMatchObject({ seq: 0, rows: 1000, rowsLoaded: 1000 });
    expect(seen).not.toContain('preview.ended');
    release();
    await ended;
    expect(seen.filter((event) => event === 'preview.batch').length).toBeGreaterThanOrEqual(2);
  });
});

describe('PreviewService row cap', () => {
  it('cuts the batch that crosses the cap when the server sends more rows than asked', async () => {
    release();
    const events = new EventBus();
    const ids: number[] = [];
    const ended = new Promise<EventPayload<'preview.ended'>>((resolve) =>
      events.attach((event, payload) => {
        if (event === 'preview.batch') {
          const batch = payload as EventPayload<'preview.batch'>;
          const column = tableFromIPC(batch.ipc).getChild('id');
          for (let i = 0; i < (column?.length ?? 0); i++) ids.push(Number(column?.get(i)));
        }
        if (event === 'preview.ended') resolve(payload as EventPayload<'preview.ended'>);
      }),
    );
    const api = new RedivisApiClient({
      baseUrl: () => base,
      tokens: { accessToken: async () => undefined, refreshAfterUnauthorized: async () => false },
    });
    // The test server ignores maxResults and always sends its 3000 rows.
    const service = new PreviewService({ api, events });
    await service.start({ previewId: 'capped', tableRef: 't', maxRows: 1500 }, 'w');
    expect(await ended).toEqual({ previewId: 'capped', status: 'complete', rowsLoaded: 1500 });
    expect(ids).toEqual(Array.from({ length: 1500 }, (_, i) => i));
  });
});
