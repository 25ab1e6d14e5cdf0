/** Rows per record batch: large batches for narrow tables, fewer rows for wide ones. */
export function batchRowsFor(columnCount: number): number {
  return Math.max(1024, Math.min(65_536, Math.floor(4_000_000 / Math.max(1, columnCount))));
}
