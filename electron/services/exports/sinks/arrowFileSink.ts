import { RecordBatchFileWriter, util, type RecordBatch, type Schema } from 'apache-arrow';
import type { BatchSink } from './batchSink';
import type { OutputFile } from './outputFile';

type WriterChunk = Parameters<typeof util.toUint8Array>[0];

/**
 * apache-arrow's file writer normally queues its output in memory until someone reads it;
 * this one hands each encoded piece straight back so it can be written to disk batch by batch.
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

  async finish(): Promise<void> {
    this.writer.close();
    await this.file.write(this.writer.take());
    await this.file.close(true);
  }

  async abort(): Promise<void> {
    await this.file.close(false);
  }
}
