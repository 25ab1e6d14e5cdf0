/** Knobs of the byte transfer; tests shrink them to exercise chunking with small files. */
export interface TransferSettings {
  /** Files at or above this size use the resumable protocol (spec §6.3: 32 MiB). */
  resumableThreshold: number;
  /**
   * Bytes per resumable PUT (a multiple of 256 KiB, as GCS requires). Each PUT costs a round
   * trip, so chunks are large; a cut mid-chunk loses nothing, the status probe says what arrived.
   */
  chunkSize: number;
  /** Attempts without progress before giving up (spec §6.4: clients retry up to 10 times). */
  maxRetries: number;
  /** First retry delay; it grows linearly with each failed attempt. */
  retryDelayMs: number;
  /** How often the upload's processing status is polled (spec §6.7: 2 s). */
  pollIntervalMs: number;
}

export const defaultTransferSettings: TransferSettings = {
  resumableThreshold: 32 * 1024 * 1024,
  chunkSize: 64 * 1024 * 1024,
  maxRetries: 10,
  retryDelayMs: 500,
  pollIntervalMs: 2000,
};
