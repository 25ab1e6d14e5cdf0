import { RecordBatchFileWriter, util, type RecordBatch, type Schema } from 'apache-arrow';
import { FileBlock } from 'apache-arrow/ipc/metadata/file';
import type { StreamBatch } from '../../redivis/streamBatch';
import type { BatchSink } from './batchSink';
import type { OutputFile } from './outputFile';

type WriterChunk = Parameters<typeof util.toUint8Array>[0];

const PADDING = new Uint8Array(8);

/**
 * apache-arrow's file writer normally queues its output in memory until someone reads it;
 * this one hands each encoded piece straight back so it can be written to disk batch by batch,
 * and also takes batches that are already encoded, recording them in the footer.
 */
class ChunkCapturingWriter extends RecordBatchFileWriter {
  captured: Uint8Array[] = [];

  protected override _write(chunk: WriterChunk): this {
    if (this._started) {
      const bytes = util.toUint8Array(chunk) as Uint8Array;
      if (bytes.byteLength > 0) {
        this.captured.push(bytes);
        this._position += bytes.byteLength;
      }
    }
    return this;
  }

  /** Adds an encoded record batch message: its bytes, and its block in the footer. */
  writeEncoded(batch: StreamBatch): void {
    const { metadata, body, bodyLength } = batch.message;
    this._recordBatchBlocks.push(new FileBlock(metadata.byteLength, bodyLength, this._position));
    this.captured.push(metadata, ...body);
    this._position += metadata.byteLength + bodyLength;
    // Every message must start 8-byte aligned; Arrow writers pad bodies, but do not rely on it.
    const pad = (8 - (bodyLength % 8)) % 8;
    if (pad) this._write(PADDING.subarray(0, pad));
  }

  take(): Uint8Array[] {
    const chunks = this.captured;
    this.captured = [];
    return chunks;
  }
}

/** Arrow IPC file format (random-access, with footer), as read by pyarrow, R and DuckDB. */
export class ArrowFileSink implements BatchSink {
  private readonly writer = new ChunkCapturingWriter();

  constructor(
    private readonly file: OutputFile,
    schema: Schema,
  ) {
    // Writing the schema up front makes a zero-row export a valid file too.
    this.writer.reset(undefined, schema);
  }

  async write(batch: RecordBatch): Promise<void> {
    this.writer.write(batch);
    await this.file.write(this.writer.take());
  }

  /** The fast path: the server's bytes go to disk as they are, never decoded. */
  async writeEncoded(batch: StreamBatch): Promise<void> {
    this.writer.writeEncoded(batch);
    await this.file.write(this.writer.take());
  }

  async finish(): Promise<void> {
    this.writer.close();
    await this.file.write(this.writer.take());
    await this.file.close(true);
  }

  async abort(): Promise<void> {
    await this.file.close(false);
  }
}
