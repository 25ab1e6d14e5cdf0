import { Schema, tableFromIPC } from 'apache-arrow';
import { parentPort, workerData } from 'node:worker_threads';
import { streamBatchesOf } from '../../redivis/streamBatch';
import { TableFileWriter } from '../sinks/tableFileWriter';
import { garbageCollector } from '../sinks/garbageCollector';
import { ParquetSink } from '../sinks/parquetSink';
import { yieldToAppThreads } from './threadPriority';
import type { FromWriter, ToWriter, WriterWorkerData } from './writerMessages';

/**
 * Encodes and writes one Parquet file off the main thread: Parquet encoding is CPU-heavy and
 * would otherwise stall the app's event loop during big exports.
 */
const data = workerData as WriterWorkerData;
const port = parentPort;
if (!port) throw new Error('exportWorker must run in a worker thread.');
yieldToAppThreads();

const schema: Schema = tableFromIPC(data.schemaIpc).schema;
const opened = TableFileWriter.open(
  data.path,
  schema,
  (file, target) => new ParquetSink(file, target, garbageCollector()),
);
let queue: Promise<unknown> = opened;
let failed = false;

const reply = (message: FromWriter) => port.postMessage(message);

async function handle(message: ToWriter): Promise<void> {
  const writer = await opened;
  if (message.type === 'abort') {
    await writer.abort();
    reply({ type: 'aborted' });
    return;
  }
  if (failed) return;
  if (message.type === 'batch') {
    for (const batch of streamBatchesOf(message.ipc)) await writer.write(batch);
    reply({ type: 'written', rows: writer.rows, bytes: writer.bytes });
  } else {
    await writer.finish();
    reply({ type: 'finished', rows: writer.rows, bytes: writer.bytes });
  }
}

port.on('message', (message: ToWriter) => {
  queue = queue
    .then(() => handle(message))
    .catch((error: unknown) => {
      failed = true;
      reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
      if (message.type === 'abort') reply({ type: 'aborted' });
    });
});
