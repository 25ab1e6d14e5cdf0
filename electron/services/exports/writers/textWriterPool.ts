import { Table, tableToIPC, type Schema } from 'apache-arrow';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { ipcStreamOf, type StreamBatch } from '../../redivis/streamBatch';
import type { TextFormat } from '../exportFormats';
import { OutputFile } from '../sinks/outputFile';
import type { TableWriter } from './tableWriter';
import { csvHeader } from '../text/textRows';
import { FailureGate } from './failureGate';
import { takeWorker } from '../threads/threadReserve';
import { BufferSpares } from '../text/bufferSpares';
import type { FormatterSetup, FromFormatter, ToFormatter } from './writerMessages';

/**
 * Formatters: text encoding is the slowest step of a CSV export, so it gets the cores the rest
 * of the app does not need. One core is left free: taking every core made the main process wait
 * for CPU (its event loop lagged past 80 ms on two cores) for about 15 % more speed.
 */
export function formatterCount(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/**
 * CSV and NDJSON: batches are formatted by a pool of worker threads in parallel and their
 * text is written here strictly in the order the batches came in. At most two batches per
 * formatter are in flight, so readers wait when formatting falls behind.
 */
export class PooledTextWriter implements TableWriter {
  rows = 0;
  private next = 0;
  private nextToWrite = 0;
  private inFlight = 0;
  private readonly done = new Map<number, { rows: number; chunks: Uint8Array[] }>();
  /** Buffers the formatters are done reading, to carry later batches to them. */
  private readonly batchBuffers: BufferSpares;
  private writing: Promise<void> = Promise.resolve();
  private readonly gate = new FailureGate();

  private constructor(
    private readonly file: OutputFile,
    private readonly workers: Worker[],
  ) {
    this.batchBuffers = new BufferSpares(2 * workers.length);
    for (const worker of workers) {
      worker.on('message', (message: FromFormatter) => this.onMessage(message));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`A formatter stopped (exit code ${code}).`));
      });
    }
  }

  static async open(
    format: TextFormat,
    path: string,
    schema: Schema,
    formatters = formatterCount(),
  ): Promise<PooledTextWriter> {
    const file = await OutputFile.create(path);
    if (format === 'csv') await file.write([Buffer.from(csvHeader(schema), 'utf8')]);
    const setup: FormatterSetup = { format, schemaIpc: tableToIPC(new Table(schema), 'stream') };
    const workers = await Promise.all(
      Array.from({ length: Math.max(1, formatters) }, () => takeWorker('formatWorker', setup)),
    );
    return new PooledTextWriter(file, workers);
  }

  get bytes(): number {
    return this.file.bytesWritten;
  }

  private onMessage(message: FromFormatter): void {
    if ('error' in message) {
      this.fail(new Error(message.error));
      return;
    }
    if (message.spent) this.batchBuffers.give(message.spent);
    this.done.set(message.seq, message);
    // Text is written in batch order, whichever formatter finished first.
    for (let ready = this.done.get(this.nextToWrite); ready; ready = this.done.get(this.nextToWrite)) {
      const { rows, chunks } = ready;
      const formatter = this.formatterOf(this.nextToWrite);
      this.done.delete(this.nextToWrite++);
      this.writing = this.writing
        .then(async () => {
          if (this.gate.failure) return;
          await this.file.write(chunks, () => recycle(formatter, chunks));
          this.rows += rows;
          this.inFlight--;
          this.gate.wake();
        })
        .catch((error: unknown) => this.fail(error instanceof Error ? error : new Error(String(error))));
    }
  }

  private fail(error: Error): void {
    this.gate.fail(error);
  }

  async write(batch: StreamBatch): Promise<void> {
    await this.gate.waitUntil(() => this.inFlight < 2 * this.workers.length);
    // The batch travels as received; decoding is the formatter's job, not the main thread's.
    // The batch's pieces are joined into a buffer of the pool's, which is handed over.
    let carrier: ArrayBuffer | undefined;
    const ipc = ipcStreamOf(
      batch,
      (size) => new Uint8Array((carrier = this.batchBuffers.take(size)), 0, size),
    );
    const seq = this.next++;
    this.inFlight++;
    const message: ToFormatter = { type: 'batch', seq, ipc };
    this.formatterOf(seq).postMessage(message, carrier ? [carrier] : []);
  }

  private formatterOf(seq: number): Worker {
    return this.workers[seq % this.workers.length]!;
  }

  async finish(): Promise<void> {
    try {
      await this.gate.waitUntil(() => this.inFlight === 0);
      await this.writing;
      this.gate.throwIfFailed();
    } finally {
      await this.stopWorkers();
    }
    await this.file.close(true);
  }

  async abort(): Promise<void> {
    this.gate.fail(new Error('The export was stopped.'));
    await this.stopWorkers();
    await this.writing;
    await this.file.close(false).catch(() => undefined);
  }

  private async stopWorkers(): Promise<void> {
    for (const worker of this.workers) worker.removeAllListeners('exit');
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** Hands a formatter back the buffers of its text once they are in the file. */
function recycle(formatter: Worker, chunks: Uint8Array[]): void {
  const buffers = chunks.filter((c) => c.byteOffset === 0).map((c) => c.buffer as ArrayBuffer);
  const message: ToFormatter = { type: 'recycle', buffers };
  formatter.postMessage(message, buffers);
}
