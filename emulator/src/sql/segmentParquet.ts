/**
 * Parquet copies of stored Arrow segments, for the SQL engine (DuckDB reads Parquet, not Arrow
 * IPC). They are written lazily, beside the segment, as new files (segments may be hard links
 * shared with other data dirs and are never modified), in parts of bounded size so converting a
 * huge segment never holds it in memory. A manifest written last marks a complete conversion,
 * so the copies survive restarts and an interrupted conversion is simply redone.
 */
import { open, readFile, rename, writeFile } from 'node:fs/promises';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm/node';
import { segmentInfo } from '../readSessions/segmentInfo.js';
import { EOS_BYTES } from '../store/arrowMessages.js';
import { writeFileAtomic } from '../store/atomicFile.js';
import type { DataSegment } from '../store/model.js';
import { segmentPath, type BatchLocation } from '../store/segmentFiles.js';

const PART_MAX_BYTES = 48 * 1024 * 1024;

interface Manifest {
  parts: string[];
}

const conversions = new Map<string, Promise<string[]>>();

function manifestPath(abs: string): string {
  return `${abs}.parquet.json`;
}

/** Records that `parquetFile` (already beside the segment) holds the segment's rows. */
export async function adoptParquet(
  dataDir: string,
  segment: DataSegment,
  parquetFile: string,
): Promise<void> {
  const abs = segmentPath(dataDir, segment.file);
  const name = `${segment.file.split('/').pop() ?? 'segment'}.part-0.parquet`;
  await rename(parquetFile, `${abs}.part-0.parquet`);
  await writeFileAtomic(manifestPath(abs), JSON.stringify({ parts: [name] } satisfies Manifest));
}

function groups(batches: readonly BatchLocation[]): BatchLocation[][] {
  const out: BatchLocation[][] = [];
  let current: BatchLocation[] = [];
  let bytes = 0;
  for (const batch of batches) {
    if (current.length > 0 && bytes + batch.length > PART_MAX_BYTES) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(batch);
    bytes += batch.length;
  }
  if (current.length > 0) out.push(current);
  return out;
}

async function convert(dataDir: string, file: string): Promise<string[]> {
  const abs = segmentPath(dataDir, file);
  const directory = abs.slice(0, abs.lastIndexOf('/'));
  try {
    const manifest = JSON.parse(await readFile(manifestPath(abs), 'utf8')) as Manifest;
    return manifest.parts.map((p) => `${directory}/${p}`);
  } catch {
    // Not converted yet.
  }
  const info = await segmentInfo(dataDir, file);
  const base = file.split('/').pop() ?? 'segment';
  const parts: string[] = [];
  const handle = await open(abs, 'r');
  try {
    for (const group of groups(info.index.batches.filter((b) => b.numRows > 0))) {
      const first = group[0];
      const last = group[group.length - 1];
      if (!first || !last) continue;
      const length = last.offset + last.length - first.offset;
      const ipc = new Uint8Array(info.schemaBytes.length + length + EOS_BYTES.length);
      ipc.set(info.schemaBytes);
      await handle.read(ipc, info.schemaBytes.length, length, first.offset);
      ipc.set(EOS_BYTES, info.schemaBytes.length + length);
      const properties = new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).build();
      const bytes = writeParquet(WasmTable.fromIPCStream(ipc), properties);
      const name = `${base}.part-${parts.length}.parquet`;
      await writeFile(`${directory}/${name}.tmp`, bytes);
      await rename(`${directory}/${name}.tmp`, `${directory}/${name}`);
      parts.push(name);
    }
  } finally {
    await handle.close();
  }
  await writeFileAtomic(manifestPath(abs), JSON.stringify({ parts } satisfies Manifest));
  return parts.map((p) => `${directory}/${p}`);
}

/** Absolute paths of the Parquet parts holding a segment's rows (none for an empty segment). */
export function parquetPartsOf(dataDir: string, segment: DataSegment): Promise<string[]> {
  const key = segmentPath(dataDir, segment.file);
  let parts = conversions.get(key);
  if (!parts) {
    parts = convert(dataDir, segment.file);
    parts.catch(() => conversions.delete(key));
    conversions.set(key, parts);
  }
  return parts;
}
