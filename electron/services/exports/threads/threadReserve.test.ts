import { Field, Int64, Schema, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import type { Worker } from 'node:worker_threads';
import { afterEach, expect, it } from 'vitest';
import { streamBatchOf, ipcStreamOf } from '../../redivis/streamBatch';
import { prepareWorkers, spareCount, takeWorker } from './threadReserve';
import type { FormatterSetup, FromFormatter, ToFormatter } from '../writers/writerMessages';

const taken: Worker[] = [];
afterEach(async () => {
  await Promise.all(taken.splice(0).map((worker) => worker.terminate()));
});

const schema = new Schema([new Field('id', new Int64(), true), new Field('note', new Utf8(), true)]);

/** What every formatter here is set up with: CSV of `schema`. */
const setup: FormatterSetup = { format: 'csv', schemaIpc: tableToIPC(new Table(schema), 'stream') };

/** Has a formatter spell one batch: proves the thread is alive, set up and working. */
async function formatOneBatch(worker: Worker): Promise<string> {
  const table = new Table({
    id: vectorFromArray(BigInt64Array.from([1n, 2n])),
    note: vectorFromArray(['a,b', null], new Utf8()),
  });
  const message: ToFormatter = { type: 'batch', seq: 0, ipc: ipcStreamOf(streamBatchOf(table.batches[0]!)) };
  worker.postMessage(message);
  const reply = await new Promise<FromFormatter>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  if ('error' in reply) throw new Error(reply.error);
  return Buffer.concat(reply.chunks).toString('utf8');
}

it('hands out the threads it prepared, loaded, and boots one when none is ready', async () => {
  await prepareWorkers('formatWorker', 2);
  expect(spareCount('formatWorker')).toBe(2);
  const first = await takeWorker('formatWorker', setup);
  taken.push(first);
  expect(spareCount('formatWorker')).toBe(1);
  const second = await takeWorker('formatWorker', setup);
  taken.push(second);
  expect(spareCount('formatWorker')).toBe(0);
  expect(second.threadId).not.toBe(first.threadId);
  // None left: a new one is started for the caller.
  const third = await takeWorker('formatWorker', setup);
  taken.push(third);
  expect(new Set([first.threadId, second.threadId, third.threadId]).size).toBe(3);
  for (const worker of [first, second, third]) expect(await formatOneBatch(worker)).toBe('1,"a,b"\n2,\n');
});

it('tops the spares up instead of adding to them', async () => {
  await prepareWorkers('formatWorker', 1);
  await prepareWorkers('formatWorker', 1);
  expect(spareCount('formatWorker')).toBe(1);
  taken.push(await takeWorker('formatWorker', setup));
});

it('stops a spare nobody takes in time', async () => {
  await prepareWorkers('formatWorker', 1, 200);
  await expect.poll(() => spareCount('formatWorker'), { timeout: 10_000 }).toBe(0);
  // The next export still gets a working thread.
  const worker = await takeWorker('formatWorker', setup);
  taken.push(worker);
  expect(await formatOneBatch(worker)).toBe('1,"a,b"\n2,\n');
});
