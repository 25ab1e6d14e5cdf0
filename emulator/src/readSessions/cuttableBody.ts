import type { ServerResponse } from 'node:http';

/** Thrown after a response was deliberately destroyed by the `cutStreams` fault. */
export class StreamCut extends Error {
  constructor() {
    super('Stream cut by fault injection');
  }
}

/**
 * Writes a response body with backpressure; when a cut is armed it sends only the first
 * `afterBytes` bytes or `afterBatches` record batches and then destroys the socket.
 */
export class CuttableBody {
  private bytes = 0;
  private batches = 0;

  constructor(
    private readonly res: ServerResponse,
    private readonly cut: { afterBytes?: number; afterBatches?: number } | null,
  ) {}

  async write(chunk: Uint8Array, isBatch = false): Promise<void> {
    if (this.res.destroyed) throw new StreamCut();
    const limit = this.cut?.afterBytes;
    if (limit !== undefined && this.bytes + chunk.length > limit) {
      const head = chunk.subarray(0, Math.max(0, limit - this.bytes));
      if (head.length > 0) await this.send(head);
      return this.destroy();
    }
    await this.send(chunk);
    this.bytes += chunk.length;
    if (isBatch) {
      this.batches += 1;
      const after = this.cut?.afterBatches;
      if (after !== undefined && this.batches >= after) return this.destroy();
    }
  }

  private async destroy(): Promise<never> {
    // Give the kernel a moment to flush what was written so the client sees a partial body.
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.res.destroy();
    throw new StreamCut();
  }

  private send(chunk: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      const ok = this.res.write(chunk, (error) => {
        if (error) reject(error);
      });
      if (ok) resolve();
      else {
        const onDrain = (): void => {
          this.res.off('close', onClose);
          resolve();
        };
        const onClose = (): void => {
          this.res.off('drain', onDrain);
          reject(new StreamCut());
        };
        this.res.once('drain', onDrain);
        this.res.once('close', onClose);
      }
    });
  }

  end(): void {
    this.res.end();
  }
}
