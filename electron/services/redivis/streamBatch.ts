import {
  MessageHeader,
  RecordBatchReader,
  Table,
  tableToIPC,
  type RecordBatch,
  type Schema,
} from 'apache-arrow';
import { AppFailure, appError } from '../../../shared/contract/errors';
import { join, messagesOf, type ArrowMessage } from './arrowMessages';

/**
 * A record batch of a read stream still in its wire form. It is decoded only where its values
 * are needed (a text formatter, a cast); an Arrow download copies its bytes to disk as they are.
 */
export interface StreamBatch {
  /** The schema of the stream it came from. */
  schema: Schema;
  /** The stream's schema message and any dictionary batches so far: what decoding it needs. */
  preamble: ArrowMessage[];
  message: ArrowMessage;
  numRows: number;
}

/** The end-of-stream marker: a continuation word and a zero length. */
export const EOS = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

/** Dictionary batches are kept per stream, so such a batch cannot be copied into another file as it is. */
export function usesDictionaries(batch: StreamBatch): boolean {
  return batch.preamble.length > 1;
}

/** The batch as a self-contained Arrow IPC stream (schema, dictionaries, batch, end marker). */
export function ipcStreamOf(batch: StreamBatch, allocate?: (size: number) => Uint8Array): Uint8Array {
  const pieces: Uint8Array[] = [];
  for (const message of [...batch.preamble, batch.message]) pieces.push(message.metadata, ...message.body);
  pieces.push(EOS);
  return join(pieces, allocate);
}

export function decodeStreamBatch(batch: StreamBatch): RecordBatch {
  for (const decoded of RecordBatchReader.from(ipcStreamOf(batch))) return decoded;
  throw new AppFailure(appError('server', 'A record batch of the read stream could not be read.'));
}

/** Wraps a batch built in memory (a cut or a cast) in the wire form, by encoding it. */
export function streamBatchOf(batch: RecordBatch): StreamBatch {
  const batches = streamBatchesOf(tableToIPC(new Table([batch]), 'stream'));
  const only = batches[0];
  if (!only || batches.length !== 1) throw new Error('Expected exactly one encoded record batch.');
  return only;
}

/** Reads a whole IPC stream held in memory (what a worker is sent) back into stream batches. */
export function streamBatchesOf(ipc: Uint8Array): StreamBatch[] {
  const assembler = new StreamBatchAssembler();
  return messagesOf(ipc).flatMap((message) => assembler.add(message) ?? []);
}

/** Turns the messages of one stream, in order, into stream batches. */
export class StreamBatchAssembler {
  private schema: Schema | null = null;
  private preamble: ArrowMessage[] = [];

  add(message: ArrowMessage): StreamBatch | null {
    const { header } = message;
    if (header.headerType === MessageHeader.Schema) {
      this.schema = header.header() as Schema;
      this.preamble = [message];
      return null;
    }
    if (!this.schema) {
      throw new AppFailure(
        appError('server', 'The server sent data that is not a valid Arrow stream.', {
          detail: 'a record batch came before the schema',
          action: 'retry',
        }),
      );
    }
    if (header.headerType === MessageHeader.DictionaryBatch) {
      this.preamble = [...this.preamble, message];
      return null;
    }
    if (header.headerType !== MessageHeader.RecordBatch) return null;
    const numRows = Number((header.header() as { length: number | bigint }).length);
    return { schema: this.schema, preamble: this.preamble, message, numRows };
  }
}
