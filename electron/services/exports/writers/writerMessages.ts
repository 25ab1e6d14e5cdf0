import type { TextFormat } from '../exportFormats';

/** The Parquet encoder thread's first message: what to write, and where. */
export interface WriterSetup {
  path: string;
  /** The target schema as an Arrow IPC stream with no batches. */
  schemaIpc: Uint8Array;
}

/** Main thread → worker. Each batch is one Arrow IPC stream (schema + one record batch). */
export type ToWriter = { type: 'batch'; ipc: Uint8Array } | { type: 'finish' } | { type: 'abort' };

/** Worker → main thread, one answer per message, in order. */
export type FromWriter =
  | { type: 'written'; rows: number; bytes: number }
  | { type: 'finished'; rows: number; bytes: number }
  | { type: 'aborted' }
  | { type: 'failed'; message: string };

/** Each text formatter's first message: the format and the table's layout. */
export interface FormatterSetup {
  format: TextFormat;
  schemaIpc: Uint8Array;
}

/**
 * Main thread → formatter: one batch (Arrow IPC stream at the start of `ipc`'s buffer) with its
 * place in the output, or output buffers the main thread has written and hands back for reuse.
 */
export type ToFormatter =
  { type: 'batch'; seq: number; ipc: Uint8Array } | { type: 'recycle'; buffers: ArrayBuffer[] };

/**
 * Formatter → main thread: the encoded text of that batch (a few chunks, each at the start of
 * a buffer of its own) and the batch's buffer, free again; or why the batch failed.
 */
export type FromFormatter =
  | { seq: number; rows: number; chunks: Uint8Array[]; spent: ArrayBuffer | undefined }
  | { seq: number; error: string };

/** Each Parquet part encoder's first message: the table's layout. */
export interface PartEncoderSetup {
  schemaIpc: Uint8Array;
}

/** Main thread → part encoder: the batches of one part (Arrow IPC streams), `seq` its place. */
export interface ToPartEncoder {
  seq: number;
  ipcs: Uint8Array[];
}

/** Part encoder → main thread: the part as a Parquet file of its own, or why it failed. */
export type FromPartEncoder = { seq: number; part: Uint8Array } | { seq: number; error: string };
