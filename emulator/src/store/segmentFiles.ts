import { mkdir, open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecordBatch, Schema } from 'apache-arrow';
import { EOS_BYTES, encodeBatch, encodeSchema } from './arrowMessages.js';
import { fsyncDir, writeFileAtomic } from './atomicFile.js';
import { randomId } from './ids.js';
import type { DataSegment } from './model.js';

/**
 * Table rows are stored as immutable Arrow IPC *stream* files under `<dataDir>/segments/`,
 * each with a JSON sidecar (`.idx.json`) listing the byte range and row count of every record
 * batch, so read streams can send stored bytes without decoding them.
 */

export interface BatchLocation {
  offset: number;
  length: number;
  numRows: number;
}

export interface SegmentIndex {
  schemaLength: number;
  batches: BatchLocation[];
}

export const SEGMENTS_DIR = 'segments';

const indexCache = new Map<string, Promise<SegmentIndex>>();

export function segmentPath(dataDir: string, file: string): string {
  return join(dataDir, file);
}

/** Reads (and caches) a segment's batch index. Segment files never change once written. */
export function loadSegmentIndex(dataDir: string, file: string): Promise<SegmentIndex> {
  const abs = segmentPath(dataDir, file);
  let cached = indexCache.get(abs);
  if (!cached) {
    cached = readFile(`${abs}.idx.json`, 'utf8').then((text) => JSON.parse(text) as SegmentIndex);
    cached.catch(() => indexCache.delete(abs));
    indexCache.set(abs, cached);
  }
  return cached;
}

/** Streams record batches into a new segment file; memory stays bounded by one batch. */
export class SegmentWriter {
  private offset = 0;
  private numRows = 0;
  private readonly batches: BatchLocation[] = [];
  private readonly schemaLength: number;

  private constructor(
    private readonly dataDir: string,
    private readonly file: string,
    private readonly handle: FileHandle,
    private readonly tmpPath: string,
    schemaBytes: Uint8Array,
  ) {
    this.schemaLength = schemaBytes.length;
  }

  static async create(dataDir: string, schema: Schema): Promise<SegmentWriter> {
    await mkdir(join(dataDir, SEGMENTS_DIR), { recursive: true });
    const file = `${SEGMENTS_DIR}/${randomId(16)}.arrows`;
    const tmpPath = `${segmentPath(dataDir, file)}.tmp`;
    const handle = await open(tmpPath, 'w');
    const schemaBytes = encodeSchema(schema);
    const writer = new SegmentWriter(dataDir, file, handle, tmpPath, schemaBytes);
    await writer.append(schemaBytes);
    return writer;
  }

  async write(batch: RecordBatch): Promise<void> {
    if (batch.numRows === 0) return;
    const { batchBytes } = encodeBatch(batch);
    this.batches.push({ offset: this.offset, length: batchBytes.length, numRows: batch.numRows });
    this.numRows += batch.numRows;
    await this.append(batchBytes);
  }

  /** Flushes, fsyncs and publishes the file; the returned segment can then go into the state. */
  async finish(uploadName?: string): Promise<DataSegment> {
    await this.append(EOS_BYTES);
    await this.handle.sync();
    await this.handle.close();
    const abs = segmentPath(this.dataDir, this.file);
    const index: SegmentIndex = { schemaLength: this.schemaLength, batches: this.batches };
    await writeFileAtomic(`${abs}.idx.json`, JSON.stringify(index));
    await rename(this.tmpPath, abs);
    await fsyncDir(join(this.dataDir, SEGMENTS_DIR));
    const segment: DataSegment = { file: this.file, numRows: this.numRows, numBytes: this.offset };
    if (uploadName !== undefined) segment.uploadName = uploadName;
    return segment;
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await unlink(this.tmpPath).catch(() => undefined);
  }

  private async append(bytes: Uint8Array): Promise<void> {
    let written = 0;
    while (written < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, written, bytes.length - written);
      written += bytesWritten;
    }
    this.offset += bytes.length;
  }
}

/** Writes a whole set of batches as one segment. */
export async function writeSegment(
  dataDir: string,
  schema: Schema,
  batches: Iterable<RecordBatch> | AsyncIterable<RecordBatch>,
  uploadName?: string,
): Promise<DataSegment> {
  const writer = await SegmentWriter.create(dataDir, schema);
  try {
    for await (const batch of batches) await writer.write(batch);
    return await writer.finish(uploadName);
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
