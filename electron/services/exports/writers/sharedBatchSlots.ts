import { ipcStreamOf, type StreamBatch } from '../../redivis/streamBatch';

/** Slots grow in steps of this, so batches of slightly different sizes reuse the same memory. */
const SLOT_STEP = 1024 * 1024;

/**
 * Memory shared with the export worker that batches are copied into on their way to it. A fresh
 * buffer per batch, allocated on one thread and freed on the other once its garbage collector
 * gets to it, left the process holding far more than the few batches in flight; these few
 * buffers are allocated once and reused for the whole export. A slot is taken for each batch
 * sent and given back, oldest first, when the worker reports that batch written.
 */
export class SharedBatchSlots {
  private readonly idle: SharedArrayBuffer[] = [];
  private readonly busy: SharedArrayBuffer[] = [];

  /** The batch as a self-contained IPC stream (schema, dictionaries, batch, end marker) in a slot. */
  fill(batch: StreamBatch): Uint8Array {
    // A stream always has several pieces (metadata, end marker), so it is always copied here.
    return ipcStreamOf(batch, (size) => {
      const slot = this.slotOf(size);
      this.busy.push(slot);
      return new Uint8Array(slot, 0, size);
    });
  }

  /** The worker is done with the oldest batch sent. */
  release(): void {
    const slot = this.busy.shift();
    if (slot) this.idle.push(slot);
  }

  private slotOf(size: number): SharedArrayBuffer {
    const index = this.idle.findIndex((slot) => slot.byteLength >= size);
    if (index >= 0) return this.idle.splice(index, 1)[0] as SharedArrayBuffer;
    // Too small for this batch: let the smallest idle slot go rather than keep one more.
    if (this.idle.length > 0) {
      this.idle.sort((a, b) => a.byteLength - b.byteLength);
      this.idle.shift();
    }
    return new SharedArrayBuffer(Math.ceil(size / SLOT_STEP) * SLOT_STEP);
  }
}
