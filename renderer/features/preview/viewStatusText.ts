import type { TableView, ViewBackend } from '../../../shared/contract/tableViewModel';

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
