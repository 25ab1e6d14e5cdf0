import type { TableView, ViewBackend } from '../../../shared/contract/tableViewModel';
import type { PreviewStream } from './usePreviewStream';

/** What the view does, said plainly: "Sorted and filtered on Redivis", "Sorted in the loaded rows". */
export function backendText(view: TableView, backend: ViewBackend, wholeTable: boolean): string {
  const sorted = view.sorting.length > 0;
  const filtered = view.filters.length > 0;
  const what = sorted && filtered ? 'Sorted and filtered' : sorted ? 'Sorted' : 'Filtered';
  if (backend === 'redivis') return `${what} on Redivis`;
  return `${what} in the loaded rows${wholeTable ? ' (the whole table)' : ''}`;
}

/** The row count of a view: the whole view's on Redivis; matches among the loaded rows locally. */
export function viewCountText(
  backend: ViewBackend,
  rows: number,
  loaded: number,
  tableRows?: number,
): string {
  const count = rows.toLocaleString();
  if (backend === 'redivis') {
    const of = tableRows !== undefined ? ` of ${tableRows.toLocaleString()}` : '';
    return `${count}${of} rows in this view`;
  }
  return `${count} of ${loaded.toLocaleString()} loaded rows in this view`;
}

/** The count of a plain preview: rows loaded of those the read session delivers, and the table's. */
export function countText(stream: PreviewStream, tableRows: number | undefined): string {
  const loaded = stream.rowsLoaded.toLocaleString();
  const target = stream.numRows ?? (stream.status === 'complete' ? stream.rowsLoaded : undefined);
  let text = target === undefined ? `${loaded} rows` : `${loaded} of ${target.toLocaleString()} rows`;
  if (tableRows !== undefined && target !== undefined && tableRows > target) {
    text += ` (preview limit; the table has ${tableRows.toLocaleString()})`;
  }
  return text;
}
