import type { Schema } from 'apache-arrow';
import { decodeStreamBatch, usesDictionaries, type StreamBatch } from '../../redivis/streamBatch';
import { matchesSchema, reconcileBatch } from '../download/batchReconciler';
import type { BatchSink } from './batchSink';
import { OutputFile } from './outputFile';

/**
 * A sink that brings every batch to the target schema first (or passes it through undecoded
 * when it already is) and counts what it wrote.
 */
export class TableFileWriter {
  rows = 0;

  private constructor(
    private readonly file: OutputFile,
    private readonly sink: BatchSink,
    private readonly schema: Schema,
  ) {}

  /**
   * `makeSink` picks the encoding: the Arrow file sink on the calling thread, the Parquet sink
   * in an encoder thread, the one kind of thread that loads its WebAssembly encoder (~15 MB).
   */
  static async open(
    path: string,
    schema: Schema,
    makeSink: (file: OutputFile, schema: Schema) => BatchSink,
  ): Promise<TableFileWriter> {
    const file = await OutputFile.create(path);
    return new TableFileWriter(file, makeSink(file, schema), schema);
  }

  get bytes(): number {
    return this.file.bytesWritten;
  }

  async write(batch: StreamBatch): Promise<void> {
    if (this.sink.writeEncoded && !usesDictionaries(batch) && matchesSchema(batch.schema, this.schema)) {
      await this.sink.writeEncoded(batch);
    } else {
      await this.sink.write(reconcileBatch(decodeStreamBatch(batch), this.schema));
    }
    this.rows += batch.numRows;
  }

  finish(): Promise<void> {
    return this.sink.finish();
  }

  abort(): Promise<void> {
    return this.sink.abort().catch(() => undefined);
  }
}
