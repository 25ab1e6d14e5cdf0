import type { ArrowMessage } from '../redivis/arrowMessages';
import { EOS, type StreamBatch } from '../redivis/streamBatch';

/** A run of record batches that share one schema, as one Arrow IPC stream of the bytes received. */
export interface GroupedBatches {
  rows: number;
  ipc: Uint8Array;
}

export interface BatchGrouperOptions {
  /** Batches smaller than this are held back and sent together, to keep event counts low. */
  minRows?: number;
  /**
   * A group is sent once it holds this many bytes, however few rows: the renderer takes each
   * event in one task, so smaller events keep its window responsive while rows stream in.
   */
  maxBytes?: number;
  /** Longest a held-back batch may wait for company, so slow streams still show progress. */
  maxWaitMs?: number;
  now?: () => number;
}

function messageBytes(message: ArrowMessage): number {
  return message.metadata.byteLength + message.bodyLength;
}

/**
 * Groups the record batches of a read stream, still in their wire form, into Arrow IPC streams
 * for the renderer: the stream's schema (and dictionary) messages, then the batches' messages
 * as they arrived, then the end marker. Nothing is decoded or re-encoded; the bytes are copied
 * once, into the event. The first batch always goes out alone and at once (time to first rows
 * matters most); later small batches are grouped, and a new schema (a resumed connection, or an
 * unreleased table streaming one schema per upload) or new dictionaries start a new group.
 */
export class BatchGrouper {
  private pending: StreamBatch[] = [];
  private pendingRows = 0;
  private pendingBytes = 0;
  private sentAny = false;
  private lastFlush: number;
  private readonly minRows: number;
  private readonly maxBytes: number;
  private readonly maxWaitMs: number;
  private readonly now: () => number;

  constructor(options: BatchGrouperOptions = {}) {
    this.minRows = options.minRows ?? 16_384;
    this.maxBytes = options.maxBytes ?? 1024 * 1024;
    this.maxWaitMs = options.maxWaitMs ?? 150;
    this.now = options.now ?? (() => performance.now());
    this.lastFlush = this.now();
  }

  /** Adds a batch; returns whatever is ready to send (zero, one or two groups). */
  add(batch: StreamBatch): GroupedBatches[] {
    const out: GroupedBatches[] = [];
    // The assembler makes a new preamble for every schema or dictionary message, so batches with
    // the same preamble object decode under the same schema and dictionaries.
    if (this.pending.length > 0 && this.pending[0]?.preamble !== batch.preamble) out.push(...this.flush());
    this.pending.push(batch);
    this.pendingRows += batch.numRows;
    this.pendingBytes += messageBytes(batch.message);
    const due =
      !this.sentAny ||
      this.pendingRows >= this.minRows ||
      this.pendingBytes >= this.maxBytes ||
      this.now() - this.lastFlush >= this.maxWaitMs;
    if (due) out.push(...this.flush());
    return out;
  }

  /** Sends whatever is held back. */
  flush(): GroupedBatches[] {
    const [first] = this.pending;
    if (!first) return [];
    const messages = [...first.preamble, ...this.pending.map((batch) => batch.message)];
    const size = messages.reduce((sum, message) => sum + messageBytes(message), EOS.byteLength);
    const ipc = new Uint8Array(size);
    let at = 0;
    for (const message of messages) {
      for (const piece of [message.metadata, ...message.body]) {
        ipc.set(piece, at);
        at += piece.byteLength;
      }
    }
    ipc.set(EOS, at);
    const grouped = { rows: this.pendingRows, ipc };
    this.pending = [];
    this.pendingRows = 0;
    this.pendingBytes = 0;
    this.sentAny = true;
    this.lastFlush = this.now();
    return [grouped];
  }
}
