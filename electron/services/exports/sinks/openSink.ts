import type { Schema } from 'apache-arrow';
import { decodeStreamBatch, usesDictionaries, type StreamBatch } from '../../redivis/streamBatch';
import { matchesSchema, reconcileBatch } from '../batchReconciler';
import type { LocalFormat } from '../exportFormats';
import { ArrowFileSink } from './arrowFileSink';
import type { BatchSink } from './batchSink';
import { CsvSink } from './csvSink';
import { NdjsonSink } from './ndjsonSink';
import { OutputFile } from './outputFile';
import { ParquetSink } from './parquetSink';

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

  static async open(format: LocalFormat, path: string, schema: Schema): Promise<TableFileWriter> {
    const file = await OutputFile.create(path);
    let sink: BatchSink;
    switch (format) {
      case 'arrow':
        sink = new ArrowFileSink(file, schema);
        break;
      case 'parquet':
        sink = new ParquetSink(file, schema);
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
