import { tableFromIPC, type Schema } from 'apache-arrow';
import { Table as WasmTable, writeParquet } from 'parquet-wasm';
import type { ArrowMessage } from '../../redivis/arrowMessages';
import { decodeStreamBatch, streamBatchesOf, usesDictionaries } from '../../redivis/streamBatch';
import { matchesSchema, reconcileBatch } from '../download/batchReconciler';
import { garbageCollector } from '../sinks/garbageCollector';
import { ParquetInput } from '../sinks/parquetInput';
import { parquetProperties } from '../sinks/parquetSink';
import { warmUpParquetEncoder } from '../sinks/parquetWarmUp';
import { serveExportThread } from '../threads/exportThread';
import type { FromPartEncoder, PartEncoderSetup, ToPartEncoder } from './writerMessages';

/**
 * Encoded bytes between two collections: each part leaves the encoder as a buffer outside the
 * heap, and this thread makes so little other garbage that V8 would wait for tens of MB of them.
 */
const COLLECT_EVERY_BYTES = 8 * 1024 * 1024;

/**
 * One of the Parquet part encoders: turns the batches of a part (about one row group) into a
 * complete Parquet file of their own and hands its bytes back; the main thread joins the parts
 * into one file in order (sinks/parquetParts.ts). Several run at once on machines with the cores.
 * The encoder warms up before the thread says it is ready (parquetWarmUp.ts).
 */
serveExportThread((setup: PartEncoderSetup, port) => {
  const schema: Schema = tableFromIPC(setup.schemaIpc).schema;
  const input = new ParquetInput(schema);
  const collectGarbage = garbageCollector();
  let uncollected = 0;

  /** The part's batches in the table's layout, decoded and reconciled only where they are not. */
  function messagesOf(ipcs: Uint8Array[]): ArrowMessage[] {
    const messages: ArrowMessage[] = [];
    for (const ipc of ipcs) {
      for (const batch of streamBatchesOf(ipc)) {
        if (batch.numRows === 0) continue;
        messages.push(
          !usesDictionaries(batch) && matchesSchema(batch.schema, schema)
            ? batch.message
            : input.messageOf(reconcileBatch(decodeStreamBatch(batch), schema)),
        );
      }
    }
    return messages;
  }

  return (message: ToPartEncoder) => {
    let reply: FromPartEncoder;
    const transfer: ArrayBuffer[] = [];
    try {
      const messages = messagesOf(message.ipcs);
      const stream = messages.length ? input.ofMessages(messages) : input.empty();
      // writeParquet takes the table (and frees it); its output is a new buffer of its own.
      const part = writeParquet(WasmTable.fromIPCStream(stream), parquetProperties(schema));
      reply = { seq: message.seq, part };
      transfer.push(part.buffer as ArrayBuffer);
    } catch (error) {
      reply = { seq: message.seq, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply, transfer);
    uncollected += 'part' in reply ? reply.part.byteLength : 0;
    if (collectGarbage && uncollected >= COLLECT_EVERY_BYTES) {
      uncollected = 0;
      collectGarbage();
    }
  };
}, warmUpParquetEncoder);
