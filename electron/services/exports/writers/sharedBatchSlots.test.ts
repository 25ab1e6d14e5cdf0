import { Table, tableFromArrays, type RecordBatch } from 'apache-arrow';
import { Worker } from 'node:worker_threads';
import { expect, it } from 'vitest';
import { decodeStreamBatch, ipcStreamOf, streamBatchOf, streamBatchesOf } from '../../redivis/streamBatch';
import { SharedBatchSlots } from './sharedBatchSlots';

function batchOfRows(rows: number) {
  const table = tableFromArrays({ id: Float64Array.from({ length: rows }, (_, i) => i) });
  return streamBatchOf(table.batches[0] as RecordBatch);
}

it('holds each batch as the IPC stream it would be sent as, in shared memory', () => {
  const slots = new SharedBatchSlots();
  const batch = batchOfRows(1000);
  const filled = slots.fill(batch);
  expect(filled.buffer).toBeInstanceOf(SharedArrayBuffer);
  expect(Buffer.from(filled).equals(Buffer.from(ipcStreamOf(batch)))).toBe(true);
  const [decoded] = streamBatchesOf(filled);
  expect(new Table(decodeStreamBatch(decoded!)).getChild('id')!.get(999)).toBe(999);
});

it('reuses a slot once its batch is released, oldest first, and grows one that is too small', () => {
  const slots = new SharedBatchSlots();
  const first = slots.fill(batchOfRows(100)).buffer;
  const second = slots.fill(batchOfRows(100)).buffer;
  expect(second).not.toBe(first);
  slots.release();
  expect(slots.fill(batchOfRows(200)).buffer).toBe(first);
  slots.release();
  slots.release();
  // 300,000 doubles do not fit a 1 MB slot: a bigger one takes the place of one of them.
  const big = slots.fill(batchOfRows(300_000)).buffer;
  expect([first, second]).not.toContain(big);
  expect(big.byteLength).toBeGreaterThanOrEqual(2_400_000);
  expect([first, second]).toContain(slots.fill(batchOfRows(100)).buffer);
});

it('shares a slot with a worker instead of copying it', async () => {
  const slots = new SharedBatchSlots();
  const filled = slots.fill(batchOfRows(10));
  const worker = new Worker(
    `require('node:worker_threads').parentPort.once('message', (view) => { view[0] = 42; process.exit(0); });`,
    { eval: true },
  );
  worker.postMessage(filled);
  await new Promise((resolve) => worker.once('exit', resolve));
  expect(filled[0]).toBe(42);
});
