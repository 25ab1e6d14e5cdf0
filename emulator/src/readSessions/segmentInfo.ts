import { open } from 'node:fs/promises';
import { RecordBatchReader, type Schema } from 'apache-arrow';
import { EOS_BYTES } from '../store/arrowMessages.js';
import { loadSegmentIndex, segmentPath, type SegmentIndex } from '../store/segmentFiles.js';

export interface SegmentInfo {
  index: SegmentIndex;
  schemaBytes: Uint8Array;
  schema: Schema;
}

const cache = new Map<string, Promise<SegmentInfo>>();

async function load(dataDir: string, file: string): Promise<SegmentInfo> {
  const index = await loadSegmentIndex(dataDir, file);
  const handle = await open(segmentPath(dataDir, file), 'r');
  try {
    const schemaBytes = new Uint8Array(index.schemaLength);
    await handle.read(schemaBytes, 0, index.schemaLength, 0);
    const joined = new Uint8Array(schemaBytes.length + EOS_BYTES.length);
    joined.set(schemaBytes);
    joined.set(EOS_BYTES, schemaBytes.length);
    const reader = RecordBatchReader.from(joined);
    reader.open();
    return { index, schemaBytes, schema: reader.schema };
  } finally {
    await handle.close();
  }
}

/** Index and schema of a segment file, cached (segment files are immutable). */
export function segmentInfo(dataDir: string, file: string): Promise<SegmentInfo> {
  const key = segmentPath(dataDir, file);
  let cached = cache.get(key);
  if (!cached) {
    cached = load(dataDir, file);
    cached.catch(() => cache.delete(key));
    cache.set(key, cached);
  }
  return cached;
}
