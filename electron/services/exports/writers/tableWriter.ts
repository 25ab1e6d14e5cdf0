import { Table, tableToIPC, type Schema } from 'apache-arrow';
import type { Worker } from 'node:worker_threads';
import { ipcStreamOf, type StreamBatch } from '../redivis/streamBatch';
import type { LocalFormat } from './exportFormats';
import { SharedBatchSlots } from './sharedBatchSlots';
import { TableFileWriter } from './sinks/openSink';
import { PooledTextWriter } from './textWriterPool';
import { startExportWorker } from './workerLauncher';
import type { FromWriter, ToWriter, WriterWorkerData } from './writerMessages';

/** Where a download's batches go: one output file, written in arrival order. */
export interface TableWriter {
  readonly rows: number;
  readonly bytes: number;
  /** Resolves when the writer has room for more (backpressure for the readers). */
  write(batch: StreamBatch): Promise<void>;
  finish(): Promise<void>;
  abort(): Promise<void>;
}

/** Batches sent to the worker but not yet written: bounds memory between reader and disk. */
const MAX_IN_FLIGHT = 2;

/**
 * Picks the writer. Arrow IPC needs no encoding (the received bytes are copied to the file), so
 * it is written on the calling thread; CSV, NDJSON and Parquet are encoded off the main thread
 * (Parquet always).
 */
export async function openTableWriter(
  format: LocalFormat,
  path: string,
  schema: Schema,
  options: { worker?: boolean; formatters?: number } = {},
): Promise<TableWriter> {
  const useWorker = format === 'parquet' || (options.worker ?? format !== 'arrow');
  if (!useWorker) return TableFileWriter.open(format, path, schema);
  if (format === 'csv' || format === 'ndjson') {
    return PooledTextWriter.open(format, path, schema, options.formatters);
  }
  const data: WriterWorkerData = { format, path, schemaIpc: tableToIPC(new Table(schema), 'stream') };
  // The Parquet encoder copies each batch before reporting it written, so its batches can go
  // through shared buffers that are reused; the Arrow sink writes views of a batch after that.
  const slots = format === 'parquet' ? new SharedBatchSlots() : undefined;
  return new WorkerTableWriter(await startExportWorker(data), slots);
}

class WorkerTableWriter implements TableWriter {
  rows = 0;
  bytes = 0;
  private inFlight = 0;
  private failure: Error | undefined;
  private waiters: (() => void)[] = [];
  private done?: { resolve: () => void; reject: (error: Error) => void };
  private aborted?: () => void;

  constructor(
    private readonly worker: Worker,
    private readonly slots?: SharedBatchSlots,
  ) {
    this.worker.on('message', (message: FromWriter) => this.onMessage(message));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`The file writer stopped (exit code ${code}).`));
      this.aborted?.();
    });
  }

  private onMessage(message: FromWriter): void {
    switch (message.type) {
      case 'written':
        this.inFlight--;
        this.slots?.release();
        this.rows = message.rows;
        this.bytes = message.bytes;
        this.wake();
        break;
      case 'finished':
        this.rows = message.rows;
        this.bytes = message.bytes;
        this.done?.resolve();
        break;
      case 'aborted':
        this.aborted?.();
        break;
      case 'failed':
        this.fail(new Error(message.message));
        break;
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake();
    this.done?.reject(this.failure);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private post(message: ToWriter, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  async write(batch: StreamBatch): Promise<void> {
    while (this.inFlight >= MAX_IN_FLIGHT && !this.failure) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    if (this.failure) throw this.failure;
    this.inFlight++;
    if (this.slots) {
      this.post({ type: 'batch', ipc: this.slots.fill(batch) });
      return;
    }
    const ipc = ipcStreamOf(batch);
    // Hand the buffer over instead of copying it when the bytes own their whole buffer.
    const own = ipc.byteOffset === 0 && ipc.byteLength === ipc.buffer.byteLength;
    this.post({ type: 'batch', ipc }, own ? [ipc.buffer as ArrayBuffer] : []);
  }

  async finish(): Promise<void> {
    if (this.failure) throw this.failure;
    try {
      await new Promise<void>((resolve, reject) => {
        this.done = { resolve, reject };
        this.post({ type: 'finish' });
      });
    } finally {
      await this.worker.terminate();
    }
  }

  async abort(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.aborted = resolve;
      this.post({ type: 'abort' });
      // A worker stuck in a long encode is not worth waiting for: its file is removed anyway.
      setTimeout(resolve, 2000).unref();
    });
    await this.worker.terminate();
  }
}
