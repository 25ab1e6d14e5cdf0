/**
 * The rows of an export: every stored source of the table, projected onto the selected
 * variables (columns a source lacks become null), cut at the row limit.
 */
import fs from 'node:fs';
import { RecordBatchReader, type RecordBatch, type Schema } from 'apache-arrow';
import { projectBatch } from '../readSessions/projection.js';
import { segmentPath } from '../store/segmentFiles.js';
import type { RowSource } from '../store/tableSources.js';

export async function* exportBatches(
  dataDir: string,
  sources: readonly RowSource[],
  output: Schema,
  limit: number | null,
): AsyncGenerator<RecordBatch> {
  let remaining = limit ?? Number.POSITIVE_INFINITY;
  for (const source of sources) {
    if (remaining <= 0) return;
    const reader = await RecordBatchReader.from(
      fs.createReadStream(segmentPath(dataDir, source.segment.file)),
    );
    for await (const batch of reader) {
      if (remaining <= 0) break;
      if (batch.numRows === 0) continue;
      const taken = batch.numRows > remaining ? batch.slice(0, remaining) : batch;
      remaining -= taken.numRows;
      yield projectBatch(taken, output);
    }
    await reader.cancel?.();
  }
}
