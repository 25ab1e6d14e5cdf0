import type { StreamBatch } from '../../redivis/streamBatch';

/** Where a download's batches go: one output file, written in arrival order. */
export interface TableWriter {
  readonly rows: number;
  readonly bytes: number;
  /** Resolves when the writer has room for more (backpressure for the readers). */
  write(batch: StreamBatch): Promise<void>;
  finish(): Promise<void>;
  abort(): Promise<void>;
}
