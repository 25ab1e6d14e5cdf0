import type { DataSegment, StoreState, TableRecord } from './model.js';

/** One stored run of rows that belongs to a table. */
export interface RowSource {
  segment: DataSegment;
  /** The upload the rows came from; null for rows the table had before this version. */
  uploadName: string | null;
}

/**
 * The rows of a table: its own segments (released data or rows inherited from the previous
 * version) followed by its completed uploads in creation order. With `uploadMergeStrategy:
 * replace`, inherited rows are dropped as soon as one upload has completed.
 */
export function tableSources(state: StoreState, table: TableRecord): RowSource[] {
  const uploads = Object.values(state.uploads)
    .filter((u) => u.tableId === table.id && u.status === 'completed' && u.data)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const own: RowSource[] =
    table.uploadMergeStrategy === 'replace' && uploads.length > 0
      ? []
      : table.segments.map((segment) => ({ segment, uploadName: null }));
  const fromUploads: RowSource[] = uploads.flatMap((u) =>
    u.data ? [{ segment: u.data, uploadName: u.name }] : [],
  );
  return [...own, ...fromUploads];
}

export function tableNumRows(state: StoreState, table: TableRecord): number {
  return tableSources(state, table).reduce((sum, s) => sum + s.segment.numRows, 0);
}

export function tableNumBytes(state: StoreState, table: TableRecord): number {
  return tableSources(state, table).reduce((sum, s) => sum + s.segment.numBytes, 0);
}

/** Rows served for `:sample` references: a leading fraction of the table. */
export function sampleRowCount(numRows: number, targetRatio: number): number {
  return Math.min(numRows, Math.max(1, Math.ceil(numRows * targetRatio)));
}
