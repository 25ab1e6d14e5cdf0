import { Table, tableToIPC, type Schema } from 'apache-arrow';
import type { Worker } from 'node:worker_threads';
import type { StreamBatch } from '../../redivis/streamBatch';
import { SharedBatchSlots } from './sharedBatchSlots';
import type { TableWriter } from './tableWriter';
import { FailureGate } from './failureGate';
import { takeWorker } from '../threads/threadReserve';
import type { FromWriter, ToWriter, WriterSetup } from './writerMessages';

/** Batches sent to the encoder but not yet written: bounds memory between reader and disk. */
const MAX_IN_FLIGHT = 2;

/**
 * Parquet: batches are encoded and written by the encoder thread. The encoder copies each
 * batch before reporting it written, so batches reach it through shared buffers that are
 * reused instead of being copied for every message.
 */
export class ParquetWriter implements TableWriter {
  rows = 0;
  bytes = 0;
  private inFlight = 0;
  private readonly gate = new FailureGate();
  private done?: () => void;
  private aborted?: () => void;

  private readonly slots = new SharedBatchSlots();

  private constructor(private readonly worker: Worker) {
    this.worker.on('message', (message: FromWriter) => this.onMessage(message));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`The file writer stopped (exit code ${code}).`));
      this.aborted?.();
    });
  }

  static async open(path: string, schema: Schema): Promise<ParquetWriter> {
    const setup: WriterSetup = { path, schemaIpc: tableToIPC(new Table(schema), 'stream') };
    return new ParquetWriter(await takeWorker('exportWorker', setup));
  }

  private onMessage(message: FromWriter): void {
    switch (message.type) {
      case 'written':
        this.inFlight--;
        this.slots.release();
        this.rows = message.rows;
        this.bytes = message.bytes;
        this.gate.wake();
        break;
      case 'finished':
        this.rows = message.rows;
        this.bytes = message.bytes;
        this.done?.();
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
    this.gate.fail(error);
  }

  private post(message: ToWriter): void {
    this.worker.postMessage(message);
  }

  async write(batch: StreamBatch): Promise<void> {
    await this.gate.waitUntil(() => this.inFlight < MAX_IN_FLIGHT);
    this.inFlight++;
    this.post({ type: 'batch', ipc: this.slots.fill(batch) });
  }

  async finish(): Promise<void> {
    this.gate.throwIfFailed();
    try {
      await new Promise<void>((resolve, reject) => {
        this.done = resolve;
        this.gate.onFailure(reject);
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
