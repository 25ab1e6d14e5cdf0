import { Table, tableToIPC, type RecordBatch } from 'apache-arrow';

/** A run of record batches that share one schema, encoded as one Arrow IPC stream. */
export interface PackedBatches {
  rows: number;
  ipc: Uint8Array;
}

export interface BatchPackerOptions {
  /** Batches smaller than this are held back and sent together, to keep event counts low. */
  minRows?: number;
  /** Longest a held-back batch may wait for company, so slow streams still show progress. */
  maxWaitMs?: number;
  now?: () => number;
}

function schemaKey(batch: RecordBatch): string {
  return batch.schema.fields.map((field) => `${field.name}:${String(field.type)}`).join('\u0000');
}

/**
 * Groups record batches into IPC messages for the renderer. The first batch always goes out
 * alone and at once (time to first rows matters most); later small batches are grouped, and a
 * schema change (unreleased tables stream one schema per upload) starts a new group.
 */
export class BatchPacker {
  private pending: RecordBatch[] = [];
  private pendingRows = 0;
  private pendingKey = '';
  private sentAny = false;
  private lastFlush: number;
  private readonly minRows: number;
  private readonly maxWaitMs: number;
  private readonly now: () => number;

  constructor(options: BatchPackerOptions = {}) {
    this.minRows = options.minRows ?? 16_384;
    this.maxWaitMs = options.maxWaitMs ?? 150;
    this.now = options.now ?? (() => performance.now());
    this.lastFlush = this.now();
  }

  /** Adds a batch; returns whatever is ready to send (zero, one or two packs). */
  add(batch: RecordBatch): PackedBatches[] {
    const out: PackedBatches[] = [];
    const key = schemaKey(batch);
    if (this.pending.length > 0 && key !== this.pendingKey) out.push(...this.flush());
    this.pending.push(batch);
    this.pendingRows += batch.numRows;
    this.pendingKey = key;
    const due =
      !this.sentAny || this.pendingRows >= this.minRows || this.now() - this.lastFlush >= this.maxWaitMs;
    if (due) out.push(...this.flush());
    return out;
  }

  /** Sends whatever is held back. */
  flush(): PackedBatches[] {
    if (this.pending.length === 0) return [];
    const table = new Table(this.pending);
    const packed = { rows: this.pendingRows, ipc: tableToIPC(table, 'stream') };
    this.pending = [];
    this.pendingRows = 0;
    this.sentAny = true;
    this.lastFlush = this.now();
    return [packed];
  }
}
