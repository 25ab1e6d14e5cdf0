import { open, type FileHandle } from 'node:fs/promises';

/** Bytes handed to the disk but not yet written: keeps writes overlapping the network. */
const MAX_QUEUED_BYTES = 16 * 1024 * 1024;
/** Positional writes run side by side on the thread pool, so one slow write never idles the disk. */
const MAX_CONCURRENT_WRITES = 2;
/**
 * Data is pushed to the disk in the background every so often, so the flush before the rename
 * does not have to write the whole file at the end.
 */
const SYNC_EVERY_BYTES = 32 * 1024 * 1024;

/**
 * A file being written. `write` queues the bytes at the next position and returns as soon as
 * the queue has room, so a download never waits a whole event-loop turn per write; a failed
 * write is reported by the next call. On `close(true)` every write is awaited and the file is
 * flushed to disk before it is closed, so a rename that follows never exposes a half-written
 * file after a crash.
 */
export class OutputFile {
  /** Bytes accepted so far (the file's size once every queued write is done). */
  bytesWritten = 0;
  private queuedBytes = 0;
  private readonly running = new Set<Promise<void>>();
  private failure: unknown;
  private syncedUpTo = 0;
  private syncing: Promise<void> | null = null;

  private constructor(private readonly handle: FileHandle) {}

  static async create(path: string): Promise<OutputFile> {
    // 'wx': the temp name is fresh; never follow or reuse something already there.
    return new OutputFile(await open(path, 'wx', 0o644));
  }

  /**
   * Queues `chunks` at the end of the file. `released` is called once the file is done with them
   * (written, or failed), when their buffers may be reused; the promise settles earlier.
   */
  async write(chunks: Uint8Array[], released?: () => void): Promise<void> {
    this.throwIfFailed();
    const nonEmpty = chunks.filter((c) => c.byteLength > 0);
    const size = nonEmpty.reduce((sum, c) => sum + c.byteLength, 0);
    if (size === 0) {
      released?.();
      return;
    }
    const position = this.bytesWritten;
    this.bytesWritten += size;
    this.queuedBytes += size;
    const running: Promise<void> = this.writeAt(nonEmpty, position)
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => {
        this.queuedBytes -= size;
        this.running.delete(running);
        released?.();
      });
    this.running.add(running);
    if (!this.syncing && this.bytesWritten - this.syncedUpTo >= SYNC_EVERY_BYTES) {
      const upTo = this.bytesWritten;
      this.syncing = Promise.all(this.running)
        .then(() => this.handle.datasync())
        .then(
          () => {
            this.syncedUpTo = upTo;
          },
          (error: unknown) => {
            this.failure ??= error;
          },
        )
        .finally(() => {
          this.syncing = null;
        });
    }
    while (
      (this.queuedBytes > MAX_QUEUED_BYTES || this.running.size > MAX_CONCURRENT_WRITES) &&
      this.running.size > 0
    ) {
      await Promise.race(this.running);
    }
    this.throwIfFailed();
  }

  private async writeAt(chunks: Uint8Array[], position: number): Promise<void> {
    let pending = chunks;
    let at = position;
    for (;;) {
      const { bytesWritten } = await this.handle.writev(pending, at);
      at += bytesWritten;
      // writev may write partially on some platforms; write the rest where it belongs.
      let skip = bytesWritten;
      const rest: Uint8Array[] = [];
      for (const chunk of pending) {
        if (skip >= chunk.byteLength) skip -= chunk.byteLength;
        else {
          rest.push(skip > 0 ? chunk.subarray(skip) : chunk);
          skip = 0;
        }
      }
      if (rest.length === 0) return;
      pending = rest;
    }
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  async close(flush: boolean): Promise<void> {
    try {
      await Promise.all(this.running);
      await this.syncing;
      if (flush) {
        this.throwIfFailed();
        await this.handle.sync();
      }
    } finally {
      await this.handle.close();
    }
  }
}
