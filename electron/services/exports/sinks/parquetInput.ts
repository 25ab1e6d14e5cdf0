import { RecordBatch, Struct, Table, makeData, tableToIPC, type Schema } from 'apache-arrow';
import { join, messagesOf, type ArrowMessage } from '../../redivis/arrowMessages';
import { EOS, streamBatchesOf } from '../../redivis/streamBatch';

/** A scratch buffer bigger than this is dropped after use, so one huge batch is not kept forever. */
const KEPT_SCRATCH_BYTES = 16 * 1024 * 1024;

/**
 * Builds the Arrow IPC streams handed to the Parquet encoder. arrow-rs' writer takes its schema
 * from the first batch and writes every later one under it without comparing: had a stream that
 * declares a column non-nullable come first, the file's column would be required and later nulls
 * lost; a stream's field metadata would end up in the file. So every stream built here carries
 * the same schema message, the table's own, in front of a record batch laid out for the same
 * column names and types. A batch received in that layout is not decoded at all: its record batch
 * message is copied next to that schema message as it is.
 */
export class ParquetInput {
  private readonly schemaMessage: Uint8Array;
  private scratch = new Uint8Array(0);

  constructor(private readonly schema: Schema) {
    const [message] = messagesOf(tableToIPC(new Table(schema), 'stream'));
    if (!message) throw new Error('The table schema could not be encoded.');
    this.schemaMessage = message.metadata;
  }

  /**
   * A received record batch whose columns already have the table's names and types, as one
   * stream. The bytes live in a buffer reused by the next call: use them before calling again.
   */
  ofMessage(message: ArrowMessage): Uint8Array {
    return this.ofMessages([message]);
  }

  /** Several record batches in the table's layout as one stream (same reuse as `ofMessage`). */
  ofMessages(messages: ArrowMessage[]): Uint8Array {
    const parts = [this.schemaMessage, ...messages.flatMap((m) => [m.metadata, ...m.body]), EOS];
    const stream = join(parts, (size) => {
      if (this.scratch.byteLength < size) this.scratch = new Uint8Array(size);
      return this.scratch.subarray(0, size);
    });
    if (this.scratch.byteLength > KEPT_SCRATCH_BYTES) this.scratch = new Uint8Array(0);
    return stream;
  }

  /** A batch built in memory (reconciled to the table's schema), as one record batch message. */
  messageOf(batch: RecordBatch): ArrowMessage {
    const [encoded] = streamBatchesOf(tableToIPC(new Table([batch]), 'stream'));
    if (!encoded) throw new Error('Expected one encoded record batch.');
    return encoded.message;
  }

  /** A batch built in memory (reconciled to the table's schema), as one stream. */
  ofBatch(batch: RecordBatch): Uint8Array {
    return this.ofMessage(this.messageOf(batch));
  }

  /** A stream with no rows: the encoder learns the schema from a batch, so an empty file needs one. */
  empty(): Uint8Array {
    const children = this.schema.fields.map((f) => makeData({ type: f.type, length: 0 } as never));
    const data = makeData({ type: new Struct(this.schema.fields), length: 0, nullCount: 0, children });
    return this.ofBatch(new RecordBatch(this.schema, data));
  }
}
