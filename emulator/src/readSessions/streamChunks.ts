import type { RecordBatch } from 'apache-arrow';
import type { BatchLocation } from '../store/segmentFiles.js';
import { projectBatch, schemasMatch } from './projection.js';
import { SegmentReader } from './segmentReader.js';
import type { StreamPlan } from './sessionPlan.js';

/** Stored batch bytes sent as they are, or a decoded (sliced, projected) batch. */
export type StreamChunk = { raw: Uint8Array; numRows: number } | { batch: RecordBatch };

/** Adjacent whole batches are read from disk in blocks of up to this many bytes. */
const READ_AHEAD_BYTES = 16 * 1024 * 1024;

interface BatchPart {
  location: BatchLocation;
  from: number;
  to: number;
}

const isWhole = (part: BatchPart): boolean => part.from === 0 && part.to === part.location.numRows;

/** Reads the run of adjacent whole batches starting at `parts[index]` in one go. */
async function readBlock(
  reader: SegmentReader,
  parts: readonly BatchPart[],
  index: number,
): Promise<{ start: number; bytes: Buffer }> {
  const first = parts[index];
  if (!first) throw new Error('Block read past the last batch');
  const start = first.location.offset;
  let end = start + first.location.length;
  for (let i = index + 1; i < parts.length; i++) {
    const part = parts[i];
    if (!part || !isWhole(part) || part.location.offset !== end) break;
    if (end + part.location.length - start > READ_AHEAD_BYTES) break;
    end += part.location.length;
  }
  return { start, bytes: await reader.readRange(start, end - start) };
}

/**
 * Yields the rows of a stream from row `offset` on. With `preferRaw`, whole stored batches whose
 * schema already matches are passed through undecoded (the fast path for Arrow responses).
 */
export async function* streamChunks(
  dataDir: string,
  plan: StreamPlan,
  offset: number,
  preferRaw: boolean,
): AsyncGenerator<StreamChunk> {
  let skip = offset;
  for (const piece of plan.pieces) {
    const length = piece.end - piece.start;
    if (skip >= length) {
      skip -= length;
      continue;
    }
    const start = piece.start + skip;
    skip = 0;
    const reader = await SegmentReader.open(dataDir, piece.file);
    try {
      const matches = schemasMatch(reader.schema, plan.schema);
      const parts = [...reader.batchesFor(start, piece.end)];
      let block: { start: number; bytes: Buffer } | null = null;
      for (let index = 0; index < parts.length; index++) {
        const part = parts[index];
        if (!part) continue;
        const { location } = part;
        if (preferRaw && matches && isWhole(part)) {
          const at: number = location.offset - (block?.start ?? 0);
          if (!block || at < 0 || at + location.length > block.bytes.length) {
            block = await readBlock(reader, parts, index);
          }
          const from = location.offset - block.start;
          yield { raw: block.bytes.subarray(from, from + location.length), numRows: location.numRows };
          continue;
        }
        let batch = await reader.readBatch(location);
        if (!isWhole(part)) batch = batch.slice(part.from, part.to);
        if (!matches) batch = projectBatch(batch, plan.schema);
        yield { batch };
      }
    } finally {
      await reader.close();
    }
  }
}
