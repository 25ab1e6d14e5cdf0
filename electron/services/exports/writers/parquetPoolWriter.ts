import { Table, tableToIPC, type Schema } from 'apache-arrow';
import type { Worker } from 'node:worker_threads';
import { ipcStreamOf, type StreamBatch } from '../../redivis/streamBatch';
import { OutputFile } from '../sinks/outputFile';
import { ParquetParts } from '../sinks/parquetParts';
import { ROW_GROUP_ROWS } from '../sinks/parquetSink';
import type { TableWriter } from './tableWriter';
import { FailureGate } from './failureGate';
import { takeWorker } from '../threads/threadReserve';
import type { FromPartEncoder, PartEncoderSetup, ToPartEncoder } from './writerMessages';

/** Parts sent to each encoder but not yet written: bounds memory between readers and disk. */
const IN_FLIGHT_PER_ENCODER = 2;
/**
 * A part is sent off at a row group's rows or at this many bytes of Arrow, whichever comes
 * first: a wide table's row group can weigh hundreds of MB, and several parts are in flight.
 */
const MAX_PART_BYTES = 16 * 1024 * 1024;

/**
 * Parquet on several cores: batches are gathered into parts of about one row group, each part is
 * encoded by the next encoder thread as a Parquet file of its own, and the parts are joined into
 * the output strictly in the order their batches came in (ParquetParts). Readers wait when
 * encoding falls behind.
 */
export class ParquetPoolWriter implements TableWriter {
  rows = 0;
  private gathered: Uint8Array[] = [];
  private gatheredRows = 0;
  private gatheredBytes = 0;
  private next = 0;
  private nextToWrite = 0;
  private inFlight = 0;
  private readonly partRows = new Map<number, number>();
  private readonly done = new Map<number, Uint8Array>();
  private readonly schemaPart: { seq: number; resolve?: (part: Uint8Array) => void } = { seq: -1 };
  private writing: Promise<void> = Promise.resolve();
  private readonly gate = new FailureGate();
  private readonly parts: ParquetParts;

  private constructor(
    private readonly file: OutputFile,
    private readonly workers: Worker[],
    private readonly rowsPerPart: number,
  ) {
    this.parts = new ParquetParts(file);
    for (const worker of workers) {
      worker.on('message', (message: FromPartEncoder) => this.onMessage(message));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`A Parquet encoder stopped (exit code ${code}).`));
      });
    }
  }

  /** `rowsPerPart`: rows gathered before a part is sent off (one row group by default). */
  static async open(
    path: string,
    schema: Schema,
    encoders: number,
    rowsPerPart = ROW_GROUP_ROWS,
  ): Promise<ParquetPoolWriter> {
    const file = await OutputFile.create(path);
    const setup: PartEncoderSetup = { schemaIpc: tableToIPC(new Table(schema), 'stream') };
    const workers = await Promise.all(
      Array.from({ length: Math.max(1, encoders) }, () => takeWorker('parquetPartWorker', setup)),
    );
    return new ParquetPoolWriter(file, workers, rowsPerPart);
  }

  get bytes(): number {
    return this.file.bytesWritten;
  }

  private onMessage(message: FromPartEncoder): void {
    if ('error' in message) {
      this.fail(new Error(message.error));
      return;
    }
    if (message.seq === this.schemaPart.seq) {
      this.schemaPart.resolve?.(message.part);
      return;
    }
    this.inFlight--;
    this.done.set(message.seq, message.part);
    this.writeReady();
    this.gate.wake();
  }

  /** Appends the parts that are next in order, one write at a time. */
  private writeReady(): void {
    for (let part = this.done.get(this.nextToWrite); part; part = this.done.get(this.nextToWrite)) {
      const seq = this.nextToWrite++;
      this.done.delete(seq);
      this.writing = this.writing.then(async () => {
        if (this.gate.failure) return;
        await this.parts.append(part);
        this.rows += this.partRows.get(seq) ?? 0;
        this.partRows.delete(seq);
        this.gate.wake();
      });
      this.writing.catch((error: unknown) => this.fail(error as Error));
    }
  }

  private fail(error: Error): void {
    this.gate.fail(error);
  }

  private send(seq: number, ipcs: Uint8Array[]): void {
    const worker = this.workers[seq % this.workers.length] ?? this.workers[0];
    const message: ToPartEncoder = { seq, ipcs };
    worker?.postMessage(
      message,
      ipcs.map((ipc) => ipc.buffer as ArrayBuffer),
    );
  }

  private dispatch(): void {
    const seq = this.next++;
    this.partRows.set(seq, this.gatheredRows);
    this.inFlight++;
    this.send(seq, this.gathered);
    this.gathered = [];
    this.gatheredRows = 0;
    this.gatheredBytes = 0;
  }

  async write(batch: StreamBatch): Promise<void> {
    this.gate.throwIfFailed();
    // A buffer of its own, handed over to the encoder without a copy.
    const ipc = ipcStreamOf(batch, (size) => new Uint8Array(size));
    this.gathered.push(ipc);
    this.gatheredRows += batch.numRows;
    this.gatheredBytes += ipc.byteLength;
    if (this.gatheredRows >= this.rowsPerPart || this.gatheredBytes >= MAX_PART_BYTES) this.dispatch();
    await this.gate.waitUntil(() => this.inFlight < IN_FLIGHT_PER_ENCODER * this.workers.length);
  }

  async finish(): Promise<void> {
    try {
      if (this.gatheredRows > 0) this.dispatch();
      await this.gate.waitUntil(() => this.inFlight === 0 && this.nextToWrite === this.next);
      await this.writing;
      this.gate.throwIfFailed();
      await this.parts.finish(() => this.encodeSchemaPart());
      await this.file.close(true);
    } catch (error) {
      await this.file.close(false).catch(() => undefined);
      throw error;
    } finally {
      await Promise.all(this.workers.map((worker) => worker.terminate()));
    }
  }

  /** A part of no rows, for the schema of a file whose every part was empty. */
  private encodeSchemaPart(): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      this.schemaPart.seq = this.next++;
      this.schemaPart.resolve = resolve;
      this.gate.onFailure(reject);
      this.send(this.schemaPart.seq, []);
    });
  }

  async abort(): Promise<void> {
    this.gate.fail(new Error('The export was stopped.'));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    await this.file.close(false).catch(() => undefined);
  }
}
