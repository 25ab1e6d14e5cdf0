import { Schema, tableFromIPC } from 'apache-arrow';
import { streamBatchesOf } from '../../redivis/streamBatch';
import { TableFileWriter } from '../sinks/tableFileWriter';
import { garbageCollector } from '../sinks/garbageCollector';
import { ParquetSink } from '../sinks/parquetSink';
import { warmUpParquetEncoder } from '../sinks/parquetWarmUp';
import { serveExportThread } from '../threads/exportThread';
import type { FromWriter, ToWriter, WriterSetup } from './writerMessages';

/**
 * Encodes and writes one Parquet file off the main thread: Parquet encoding is CPU-heavy and
 * would otherwise stall the app's event loop during big exports.
 * The encoder warms up before the thread says it is ready (parquetWarmUp.ts).
 */
serveExportThread((setup: WriterSetup, port) => {
  const reply = (message: FromWriter) => port.postMessage(message);
  const schema: Schema = tableFromIPC(setup.schemaIpc).schema;
  const opened = TableFileWriter.open(
    setup.path,
    schema,
    (file, target) => new ParquetSink(file, target, garbageCollector()),
  );
  let queue: Promise<unknown> = opened;
  let failed = false;

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

  return (message: ToWriter) => {
    queue = queue
      .then(() => handle(message))
      .catch((error: unknown) => {
        failed = true;
        reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
        if (message.type === 'abort') reply({ type: 'aborted' });
      });
  };
}, warmUpParquetEncoder);
