/** Where a part of an IPC stream goes, as `preview.batch` says. */
export interface BatchPart {
  at: number;
  of: number;
}

/**
 * Joins the parts of a large `preview.batch` back into the IPC stream they were cut from (a
 * copy of each part into one buffer, as it arrives); a batch that came whole passes through.
 * Parts arrive in order, so a stream is complete when its last byte is in.
 */
export class BatchAssembly {
  private buffer: Uint8Array | null = null;
  private filled = 0;

  /** Takes one event's bytes; returns the whole IPC stream once it is complete. */
  add(ipc: Uint8Array, part?: BatchPart): Uint8Array | undefined {
    if (!part) return ipc;
    if (part.at === 0) {
      this.buffer = new Uint8Array(part.of);
      this.filled = 0;
    }
    const buffer = this.buffer;
    if (!buffer || buffer.byteLength !== part.of || part.at !== this.filled) {
      throw new Error('A part of a preview batch arrived out of order.');
    }
    if (part.at + ipc.byteLength > part.of) throw new Error('A part of a preview batch overruns it.');
    buffer.set(ipc, part.at);
    this.filled += ipc.byteLength;
    if (this.filled < part.of) return undefined;
    this.buffer = null;
    return buffer;
  }
}
