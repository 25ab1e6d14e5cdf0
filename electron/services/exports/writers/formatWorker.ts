import { RecordBatchReader, tableFromIPC, type Schema } from 'apache-arrow';
import { reconcileBatch } from '../download/batchReconciler';
import { encodeTextRows, recycleTextBuffer } from '../text/textBatchEncoder';
import { ndjsonKeys } from '../text/textRows';
import { serveExportThread } from '../threads/exportThread';
import type { FormatterSetup, FromFormatter, ToFormatter } from './writerMessages';

/**
 * One of the text formatters: turns batches into CSV or NDJSON bytes and hands them back; the
 * main thread writes them in order. Several run at once, so formatting uses more than one core.
 */
serveExportThread((setup: FormatterSetup, port) => {
  const schema: Schema = tableFromIPC(setup.schemaIpc).schema;
  const keys = ndjsonKeys(schema);

  return (message: ToFormatter) => {
    if (message.type === 'recycle') {
      for (const buffer of message.buffers) recycleTextBuffer(buffer);
      return;
    }
    const { seq, ipc } = message;
    let reply: FromFormatter;
    const transfer: ArrayBuffer[] = [];
    try {
      const chunks: Uint8Array[] = [];
      let rows = 0;
      for (const batch of RecordBatchReader.from(ipc)) {
        const reconciled = reconcileBatch(batch, schema);
        rows += reconciled.numRows;
        for (const bytes of encodeTextRows(setup.format, reconciled, keys)) {
          // Each piece starts a buffer of its own: hand it over instead of copying it.
          if (bytes.byteOffset === 0) transfer.push(bytes.buffer as ArrayBuffer);
          chunks.push(bytes);
        }
      }
      // The batch is spelled out: its buffer goes back to carry a later one.
      const spent = ipc.buffer as ArrayBuffer;
      transfer.push(spent);
      reply = { seq, rows, chunks, spent };
    } catch (error) {
      reply = { seq, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply, transfer);
  };
});
