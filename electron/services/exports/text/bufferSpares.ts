/**
 * Buffers handed back after use, to be used again. Batches cross between threads as
 * transferred buffers, so without this an export allocates (and faults in, page by page) a
 * fresh buffer for every batch it sends and every piece of text it gets back, each one freed by
 * another thread than the one that allocated it: hundreds of megabytes of kernel work and a
 * fragmented heap on a large export.
 */
export class BufferSpares {
  private readonly spares: ArrayBuffer[] = [];

  /** @param limit the most spares kept; the smallest go first. */
  constructor(private readonly limit: number) {}

  get size(): number {
    return this.spares.length;
  }

  /**
   * The smallest spare of at least `bytes`, or a new buffer with an eighth more room, so that it
   * also fits the next batch of about the same size.
   */
  take(bytes: number): ArrayBuffer {
    let best = -1;
    for (let i = 0; i < this.spares.length; i++) {
      const length = this.spares[i]!.byteLength;
      if (length >= bytes && (best < 0 || length < this.spares[best]!.byteLength)) best = i;
    }
    if (best >= 0) return this.spares.splice(best, 1)[0]!;
    return new ArrayBuffer(Math.ceil(bytes * 1.125));
  }

  /** A buffer nothing uses any more. Detached ones (transferred away) are ignored. */
  give(buffer: ArrayBuffer): void {
    if (buffer.byteLength === 0) return;
    this.spares.push(buffer);
    if (this.spares.length > this.limit) {
      let smallest = 0;
      for (let i = 1; i < this.spares.length; i++) {
        if (this.spares[i]!.byteLength < this.spares[smallest]!.byteLength) smallest = i;
      }
      this.spares.splice(smallest, 1);
    }
  }
}
