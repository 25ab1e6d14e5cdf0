import { open, type FileHandle } from 'node:fs/promises';
import type { RecordBatch, Schema } from 'apache-arrow';
import { decodeBatch } from '../store/arrowMessages.js';
import { segmentPath, type BatchLocation, type SegmentIndex } from '../store/segmentFiles.js';
import { segmentInfo } from './segmentInfo.js';

/** Random access to a stored segment: its schema, batch byte ranges and decoded batches. */
export class SegmentReader {
  private constructor(
    readonly file: string,
    readonly index: SegmentIndex,
    readonly schemaBytes: Uint8Array,
    readonly schema: Schema,
    private readonly handle: FileHandle,
  ) {}

  static async open(dataDir: string, file: string): Promise<SegmentReader> {
    const info = await segmentInfo(dataDir, file);
    const handle = await open(segmentPath(dataDir, file), 'r');
    return new SegmentReader(file, info.index, info.schemaBytes, info.schema, handle);
  }

  /** Reads `length` bytes at `offset` (one batch message or a run of adjacent ones). */
  async readRange(offset: number, length: number): Promise<Buffer> {
    const buffer = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.handle.read(buffer, done, length - done, offset + done);
      if (bytesRead === 0) throw new Error(`Segment ${this.file} is truncated`);
      done += bytesRead;
    }
    return buffer;
  }

  async readBatchBytes(location: BatchLocation): Promise<Buffer> {
    return this.readRange(location.offset, location.length);
  }

  async readBatch(location: BatchLocation): Promise<RecordBatch> {
    return decodeBatch(this.schemaBytes, await this.readBatchBytes(location));
  }

  /** Batches overlapping rows [start, end), with the row range to take from each. */
  *batchesFor(start: number, end: number): Generator<{ location: BatchLocation; from: number; to: number }> {
    let rowStart = 0;
    for (const location of this.index.batches) {
      const rowEnd = rowStart + location.numRows;
      if (rowEnd > start && rowStart < end) {
        yield {
          location,
          from: Math.max(0, start - rowStart),
          to: Math.min(location.numRows, end - rowStart),
        };
      }
      if (rowEnd >= end) return;
      rowStart = rowEnd;
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
