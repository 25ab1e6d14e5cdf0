import type { Schema } from 'apache-arrow';
import { decodeStreamBatch, usesDictionaries, type StreamBatch } from '../../redivis/streamBatch';
import { matchesSchema, reconcileBatch } from '../batchReconciler';
import type { LocalFormat } from '../exportFormats';
import { ArrowFileSink } from './arrowFileSink';
import type { BatchSink } from './batchSink';
import { CsvSink } from './csvSink';
import { NdjsonSink } from './ndjsonSink';
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
   * `makeParquetSink` comes from the export worker, the one thread that writes Parquet: its
   * WebAssembly encoder costs ~15 MB in every thread that loads it.
   */
  static async open(
    format: LocalFormat,
    path: string,
    schema: Schema,
    makeParquetSink?: (file: OutputFile, schema: Schema) => BatchSink,
  ): Promise<TableFileWriter> {
    const file = await OutputFile.create(path);
    let sink: BatchSink;
    switch (format) {
      case 'arrow':
        sink = new ArrowFileSink(file, schema);
        break;
      case 'parquet':
        if (!makeParquetSink) throw new Error('Parquet files are written by the export worker.');
        sink = makeParquetSink(file, schema);
        break;
      case 'csv': {
        const csv = new CsvSink(file, schema);
        await csv.start();
        sink = csv;
        break;
      }
      case 'ndjson':
        sink = new NdjsonSink(file, schema);
        break;
    }
    return new TableFileWriter(file, sink, schema);
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
