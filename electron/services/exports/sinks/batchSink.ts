import type { RecordBatch } from 'apache-arrow';
import type { StreamBatch } from '../../redivis/streamBatch';

/** Writes record batches of one schema to one open file, in the order given. */
export interface BatchSink {
  write(batch: RecordBatch): Promise<void>;
  /**
   * Writes a batch that is already in the target schema without decoding it, for formats that
   * can take Arrow bytes as they are. Sinks without it get the decoded batch.
   */
  writeEncoded?(batch: StreamBatch): Promise<void>;
  /** Writes any trailer (footer, last row group), flushes to disk and closes the file. */
  finish(): Promise<void>;
  /** Closes the file without finishing it (the caller removes it). */
  abort(): Promise<void>;
}
