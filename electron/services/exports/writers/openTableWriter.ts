import type { Schema } from 'apache-arrow';
import { writerOf, type LocalFormat, type TextFormat } from '../exportFormats';
import { ArrowFileSink } from '../sinks/arrowFileSink';
import { TableFileWriter } from '../sinks/tableFileWriter';
import { ParquetWriter } from './parquetWriter';
import type { TableWriter } from './tableWriter';
import { PooledTextWriter } from './textWriterPool';

/**
 * Picks the writer the format's row in exportFormats.ts names. Arrow IPC needs no encoding (the
 * received bytes are copied to the file), so it is written on the calling thread; Parquet is
 * encoded in its own thread and CSV/NDJSON by a pool of formatters, off the main thread.
 */
export async function openTableWriter(
  format: LocalFormat,
  path: string,
  schema: Schema,
  options: { formatters?: number } = {},
): Promise<TableWriter> {
  switch (writerOf(format)) {
    case 'file':
      return TableFileWriter.open(path, schema, (file, target) => new ArrowFileSink(file, target));
    case 'encoder':
      return ParquetWriter.open(path, schema);
    case 'text':
      return PooledTextWriter.open(format as TextFormat, path, schema, options.formatters);
  }
}
