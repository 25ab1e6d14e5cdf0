import {
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  functionalUpdate,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnOrderState,
  type ColumnSizingState,
  type ColumnVisibilityState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useMemo } from 'react';
import type { PreviewView } from '../../../shared/contract/previewModel';

/**
 * The table owns column state (order, sizes, visibility, sorting) only. Rows never enter it:
 * they stay in Arrow, the grid windows them itself, and sorting is manual over the loaded
 * rows, so a million-row preview never becomes a million row objects.
 */
export const gridFeatures = tableFeatures({
  columnOrderingFeature,
  columnVisibilityFeature,
  columnSizingFeature,
  columnResizingFeature,
  rowSortingFeature,
});

/** A row is its index into the preview's rows (the table is never given any). */
interface GridRow {
  index: number;
}
const columnHelper = createColumnHelper<typeof gridFeatures, GridRow>();
const NO_ROWS: GridRow[] = [];

export const DEFAULT_COLUMN_WIDTH = 150;
export const MIN_COLUMN_WIDTH = 48;

export function useGridTable(
  columnNames: readonly string[],
  view: PreviewView,
  onViewChange: (change: (view: PreviewView) => PreviewView) => void,
  /** Starting widths fitted to the content; a width the user set (in the view) wins. */
  fittedSizes?: ReadonlyMap<string, number>,
) {
  const columns = useMemo(
    () =>
      columnHelper.columns(
        columnNames.map((name) =>
          columnHelper.accessor((row) => row.index, {
            id: name,
            header: name,
            size: fittedSizes?.get(name) ?? DEFAULT_COLUMN_WIDTH,
            minSize: MIN_COLUMN_WIDTH,
            maxSize: 4000,
          }),
        ),
      ),
    [columnNames, fittedSizes],
  );
  const columnVisibility = useMemo<ColumnVisibilityState>(
    () => Object.fromEntries(view.hidden.map((name) => [name, false])),
    [view.hidden],
  );
  return useTable({
    features: gridFeatures,
    columns,
    data: NO_ROWS,
    manualSorting: true,
    enableSortingRemoval: true,
    // Ascending first for every type, as spreadsheets do.
    sortDescFirst: false,
    enableColumnResizing: true,
    columnResizeMode: 'onChange',
    state: {
      columnOrder: view.columnOrder,
      columnSizing: view.columnSizes,
      columnVisibility,
      sorting: view.sorting,
    },
    onColumnOrderChange: (updater: Updater<ColumnOrderState>) =>
      onViewChange((v) => ({ ...v, columnOrder: functionalUpdate(updater, v.columnOrder) })),
    onColumnSizingChange: (updater: Updater<ColumnSizingState>) =>
      onViewChange((v) => ({ ...v, columnSizes: clampSizes(functionalUpdate(updater, v.columnSizes)) })),
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) =>
      onViewChange((v) => {
        const current = Object.fromEntries(v.hidden.map((name) => [name, false]));
        const next = functionalUpdate(updater, current);
        return { ...v, hidden: Object.keys(next).filter((name) => next[name] === false) };
      }),
    onSortingChange: (updater: Updater<SortingState>) =>
      onViewChange((v) => ({ ...v, sorting: functionalUpdate(updater, v.sorting).slice(0, 3) })),
  });
}

export type GridTable = ReturnType<typeof useGridTable>;

function clampSizes(sizes: ColumnSizingState): Record<string, number> {
  return Object.fromEntries(
    Object.entries(sizes).map(([name, size]) => [
      name,
      Math.round(Math.min(4000, Math.max(MIN_COLUMN_WIDTH, size))),
    ]),
  );
}
