import type { RecordBatch } from 'apache-arrow';

/** Writes record batches of one schema to one open file, in the order given. */
export interface BatchSink {
  write(batch: RecordBatch): Promise<void>;
  /** Writes any trailer (footer, last row group), flushes to disk and closes the file. */
  finish(): Promise<void>;
  /** Closes the file without finishing it (the caller removes it). */
  abort(): Promise<void>;
}
