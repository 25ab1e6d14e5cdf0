import type { RecordBatch } from 'apache-arrow';

/** One export part file being written, whatever its format. */
export interface PartWriter {
  write(batch: RecordBatch): Promise<void>;
  /** Finishes the file and returns its size in bytes. */
  close(): Promise<number>;
  abort(): Promise<void>;
}
