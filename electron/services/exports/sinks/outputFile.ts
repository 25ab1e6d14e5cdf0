import { open, type FileHandle } from 'node:fs/promises';

/**
 * A file being written: counts bytes, and on `close(true)` flushes it to the disk before
 * closing, so a rename that follows never exposes a half-written file after a crash.
 */
export class OutputFile {
  bytesWritten = 0;

  private constructor(private readonly handle: FileHandle) {}

  static async create(path: string): Promise<OutputFile> {
    // 'wx': the temp name is fresh; never follow or reuse something already there.
    return new OutputFile(await open(path, 'wx', 0o644));
  }

  async write(chunks: Uint8Array[]): Promise<void> {
    const nonEmpty = chunks.filter((c) => c.byteLength > 0);
    if (nonEmpty.length === 0) return;
    const { bytesWritten } = await this.handle.writev(nonEmpty);
    const expected = nonEmpty.reduce((sum, c) => sum + c.byteLength, 0);
    if (bytesWritten !== expected) {
      // writev may write partially on some platforms; finish the rest in order.
      let skip = bytesWritten;
      for (const chunk of nonEmpty) {
        if (skip >= chunk.byteLength) {
          skip -= chunk.byteLength;
          continue;
        }
        await this.handle.write(chunk.subarray(skip));
        skip = 0;
      }
    }
    this.bytesWritten += expected;
  }

  async close(flush: boolean): Promise<void> {
    if (flush) await this.handle.sync();
    await this.handle.close();
  }
}
