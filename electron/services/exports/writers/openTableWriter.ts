import type { Schema } from 'apache-arrow';
import { availableParallelism } from 'node:os';
import { writerOf, type LocalFormat, type TextFormat } from '../exportFormats';
import { ArrowFileSink } from '../sinks/arrowFileSink';
import { TableFileWriter } from '../sinks/tableFileWriter';
import { ParquetPoolWriter } from './parquetPoolWriter';
import { ParquetWriter } from './parquetWriter';
import type { TableWriter } from './tableWriter';
import { prepareWorkers } from '../threads/threadReserve';
import { formatterCount, PooledTextWriter } from './textWriterPool';

/**
 * Parquet encoder threads: one core is left to the app (the main thread reads the streams and
 * writes the file), and at most three, since each holds its own WebAssembly heap (some 40 MB)
 * and the export stays under 300 MB.
 */
const MAX_PARQUET_ENCODERS = 3;

export function parquetEncoders(): number {
  return Math.max(1, Math.min(MAX_PARQUET_ENCODERS, availableParallelism() - 1));
}

export interface WriterThreads {
  formatters?: number;
  encoders?: number;
}

/**
 * Starts the threads a writer of `format` will use, ahead of it (see threadReserve.ts): the
 * export dialog calls it once a format is picked, and a download as it starts, so the threads
 * load while the user chooses a folder or the read session is made. Resolves once they are loaded.
 */
export async function prepareTableWriter(format: LocalFormat, threads: WriterThreads = {}): Promise<void> {
  switch (writerOf(format)) {
    case 'file':
      return;
    case 'encoder': {
      const encoders = Math.max(1, threads.encoders ?? parquetEncoders());
      return prepareWorkers(encoders === 1 ? 'exportWorker' : 'parquetPartWorker', encoders);
    }
    case 'text':
      return prepareWorkers('formatWorker', Math.max(1, threads.formatters ?? formatterCount()));
  }
}

/**
 * Picks the writer the format's row in exportFormats.ts names. Arrow IPC needs no encoding (the
 * received bytes are copied to the file), so it is written on the calling thread; Parquet is
 * encoded in its own thread or a pool of them and CSV/NDJSON by a pool of formatters, off the main
 * thread.
 */
export async function openTableWriter(
  format: LocalFormat,
  path: string,
  schema: Schema,
  options: WriterThreads = {},
): Promise<TableWriter> {
  switch (writerOf(format)) {
    case 'file':
      return TableFileWriter.open(path, schema, (file, target) => new ArrowFileSink(file, target));
    case 'encoder': {
      // One encoder streams row groups as they fill; several encode parts joined in order.
      const encoders = Math.max(1, options.encoders ?? parquetEncoders());
      if (encoders === 1) return ParquetWriter.open(path, schema);
      return ParquetPoolWriter.open(path, schema, encoders);
    }
    case 'text':
      return PooledTextWriter.open(format as TextFormat, path, schema, options.formatters);
  }
}
