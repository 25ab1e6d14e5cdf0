import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import type { PreviewColumn, PreviewView } from '../../../shared/contract/previewModel';
import { formatCell, isNumericType } from './cellFormat';
import { copyText } from './clipboard';
import { MAX_COPY_CELLS, toTsv } from './copyTsv';
import { GridHeader } from './GridHeader';
import {
  cellSelection,
  isSelected,
  moveSelection,
  selectAll,
  selectionBounds,
  type GridSelection,
} from './gridSelection';
import type { PreviewRows } from './previewRows';
import { rowWindow, scrollGeometry, scrollTopFor } from './scaledScroll';
import { sortPermutation } from './sortRows';
import { useColumnLabels } from './useColumnLabels';
import { useGridTable } from './useGridTable';

export const ROW_HEIGHT = 28;
const HEADER_HEIGHT = 32;
const ROW_NUMBER_WIDTH = 64;

export interface OpenCell {
  row: number;
  column: string;
  text: string;
  label?: string;
}

interface PreviewGridProps {
  rows: PreviewRows;
  /** Bumped per batch; the rows object itself is mutated in place. */
  version: number;
  /** True while rows are still arriving (sorting then covers the rows loaded so far). */
  loading: boolean;
  view: PreviewView;
  onViewChange(change: (view: PreviewView) => PreviewView): void;
  columns: ReadonlyMap<string, PreviewColumn>;
  onOpenCell(cell: OpenCell): void;
  onNotice(message: string): void;
}

/**
 * The preview grid. Rows are windowed by hand over a possibly scaled scrollbar (see
 * scaledScroll.ts), columns by TanStack Virtual; only the cells on screen are read from Arrow
 * and formatted. Selection and copy work on display positions through the sort permutation.
 */
export function PreviewGrid(props: PreviewGridProps) {
  const { rows, version } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(400);
  const [selection, setSelection] = useState<GridSelection>(() => cellSelection(0, 0));
  const dragging = useRef(false);

  const namesKey = rows.columnNames().join('\u0000');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const names = useMemo(() => [...rows.columnNames()], [rows, namesKey]);
  const table = useGridTable(names, props.view, props.onViewChange);
  const visibleColumns = table.getVisibleLeafColumns();
  const rowCount = rows.numRows;

  const sortKey = JSON.stringify(props.view.sorting);
  const permutation = useMemo(
    () => (props.view.sorting.length > 0 ? sortPermutation(rows, props.view.sorting) : undefined),
    // Re-sorted when sorting changes and once loading ends, not on every batch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, sortKey, props.loading],
  );
  const dataRow = (displayRow: number) =>
    permutation && displayRow < permutation.length ? (permutation[displayRow] ?? displayRow) : displayRow;

  const { valueLabels, headerLabels } = useColumnLabels(props.columns);

  const sizesKey = visibleColumns.map((column) => `${column.id}:${column.getSize()}`).join('|');
  // The virtualizer returns fresh functions each render, so this component opts out of compiler memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: visibleColumns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => visibleColumns[index]?.getSize() ?? 150,
    paddingStart: ROW_NUMBER_WIDTH,
    scrollPaddingStart: ROW_NUMBER_WIDTH,
    overscan: 2,
  });
  useLayoutEffect(() => columnVirtualizer.measure(), [columnVirtualizer, sizesKey]);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(() => setViewportHeight(element.clientHeight - HEADER_HEIGHT));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const bodyHeight = Math.max(ROW_HEIGHT, viewportHeight);
  const geometry = scrollGeometry(rowCount, ROW_HEIGHT, bodyHeight);
  const rowsWindow = rowWindow(scrollTop, bodyHeight, rowCount, ROW_HEIGHT, geometry);
  const size = {
    rows: rowCount,
    columns: visibleColumns.length,
    pageRows: Math.max(1, Math.floor(bodyHeight / ROW_HEIGHT) - 1),
  };
  const totalWidth = columnVirtualizer.getTotalSize();
  const virtualColumns = columnVirtualizer.getVirtualItems();
  const focus = selection.mode === 'all' ? selection.anchor : selection.focus;

  const cellText = (displayRow: number, columnIndex: number) => {
    const name = visibleColumns[columnIndex]?.id ?? '';
    return formatCell(rows.value(dataRow(displayRow), name), rows.columnType(name));
  };

  const copySelection = () => {
    if (rowCount === 0 || visibleColumns.length === 0) return;
    const b = selectionBounds(selection, size);
    const cells = (b.bottom - b.top + 1) * (b.right - b.left + 1);
    if (cells > MAX_COPY_CELLS) {
      props.onNotice(
        `That is ${cells.toLocaleString()} cells, too many to copy. Select fewer, or download the table.`,
      );
      return;
    }
    const headers = visibleColumns.slice(b.left, b.right + 1).map((column) => column.id);
    const text = toTsv(headers, b.bottom - b.top + 1, (r, c) => cellText(b.top + r, b.left + c).text);
    copyText(text);
    props.onNotice(`Copied ${(b.bottom - b.top + 1).toLocaleString()} × ${headers.length} cells.`);
  };

  const reveal = (row: number, column: number) => {
    const element = scrollRef.current;
    if (!element) return;
    const top = scrollTopFor(row, element.scrollTop, bodyHeight, ROW_HEIGHT, geometry);
    if (top !== undefined) element.scrollTop = top;
    columnVirtualizer.scrollToIndex(column, { align: 'auto' });
  };

  const openCell = (displayRow: number, columnIndex: number) => {
    const name = visibleColumns[columnIndex]?.id;
    if (!name || displayRow >= rowCount) return;
    const cell = cellText(displayRow, columnIndex);
    props.onOpenCell({
      row: dataRow(displayRow) + 1,
      column: name,
      text: cell.kind === 'null' ? 'null' : cell.text,
      label: valueLabels.get(name)?.get(cell.text),
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const primary = event.ctrlKey || event.metaKey;
    if (primary && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      setSelection(selectAll());
      return;
    }
    if (primary && event.key.toLowerCase() === 'c') {
      event.preventDefault();
      copySelection();
      return;
    }
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      openCell(focus.row, focus.column);
      return;
    }
    const next = moveSelection(selection, event.key, size, { shift: event.shiftKey, primary });
    if (!next) return;
    event.preventDefault();
    setSelection(next);
    reveal(next.focus.row, next.focus.column);
  };

  const onCellMouseDown = (event: MouseEvent, row: number, column: number) => {
    if (event.button !== 0) return;
    dragging.current = true;
    setSelection((current) =>
      event.shiftKey && current.mode !== 'all'
        ? { anchor: current.anchor, focus: { row, column }, mode: 'cells' }
        : cellSelection(row, column),
    );
  };
  const onRowNumberMouseDown = (event: MouseEvent, row: number) => {
    if (event.button !== 0) return;
    setSelection((current) => ({
      anchor: event.shiftKey && current.mode === 'rows' ? current.anchor : { row, column: 0 },
      focus: { row, column: 0 },
      mode: 'rows',
    }));
  };
  useEffect(() => {
    const stop = () => (dragging.current = false);
    document.addEventListener('mouseup', stop);
    return () => document.removeEventListener('mouseup', stop);
  }, []);

  const gridId = useMemo(() => `pv-grid-${Math.random().toString(36).slice(2)}`, []);
  const cellId = (row: number, column: number) => `${gridId}-${row}-${column}`;
  const bodyRows = [];
  for (let displayRow = rowsWindow.first; displayRow < rowsWindow.last; displayRow++) {
    const top = HEADER_HEIGHT + rowsWindow.top + (displayRow - rowsWindow.first) * ROW_HEIGHT;
    const rowSelected =
      selection.mode === 'all' || (selection.mode === 'rows' && isSelected(selection, size, displayRow, 0));
    bodyRows.push(
      <div
        key={displayRow}
        role="row"
        aria-rowindex={displayRow + 2}
        aria-selected={rowSelected || undefined}
        className="pv-row"
        style={{ top, width: totalWidth }}
      >
        <div
          role="rowheader"
          className="pv-rownum"
          style={{ width: ROW_NUMBER_WIDTH }}
          onMouseDown={(event) => onRowNumberMouseDown(event, displayRow)}
        >
          {(dataRow(displayRow) + 1).toLocaleString()}
        </div>
        {virtualColumns.map((item) => {
          const column = visibleColumns[item.index];
          if (!column) return null;
          const cell = cellText(displayRow, item.index);
          const label = cell.kind === 'null' ? undefined : valueLabels.get(column.id)?.get(cell.text);
          const active = focus.row === displayRow && focus.column === item.index;
          const selected = isSelected(selection, size, displayRow, item.index);
          return (
            <div
              key={column.id}
              id={cellId(displayRow, item.index)}
              role="gridcell"
              aria-colindex={item.index + 2}
              aria-selected={selected}
              className={`pv-cell pv-${cell.kind}${label ? ' pv-labelled' : ''}${selected ? ' pv-selected' : ''}${active ? ' pv-active' : ''}`}
              style={{ left: item.start, width: item.size }}
              title={
                label
                  ? `${cell.text} — ${label}`
                  : cell.text.length > 20
                    ? cell.text.slice(0, 2000)
                    : undefined
              }
              onMouseDown={(event) => onCellMouseDown(event, displayRow, item.index)}
              onMouseEnter={() =>
                dragging.current &&
                setSelection((current) => ({
                  ...current,
                  focus: { row: displayRow, column: item.index },
                  mode: 'cells',
                }))
              }
              onDoubleClick={() => openCell(displayRow, item.index)}
            >
              {cell.kind === 'null' ? 'null' : cell.text}
            </div>
          );
        })}
      </div>,
    );
  }

  return (
    <div
      ref={scrollRef}
      className="pv-scroll"
      role="grid"
      aria-label="Table rows"
      aria-rowcount={rowCount + 1}
      aria-colcount={visibleColumns.length + 1}
      aria-multiselectable="true"
      aria-activedescendant={rowCount > 0 ? cellId(focus.row, focus.column) : undefined}
      tabIndex={0}
      data-version={version}
      onKeyDown={onKeyDown}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div className="pv-spacer" style={{ height: HEADER_HEIGHT + geometry.spacerHeight, width: totalWidth }}>
        <GridHeader
          table={table}
          virtualColumns={virtualColumns}
          width={totalWidth}
          rowNumberWidth={ROW_NUMBER_WIDTH}
          labels={headerLabels}
          numeric={(name) => isNumericType(rows.columnType(name))}
          onSelectAll={() => setSelection(selectAll())}
        />
        {bodyRows}
      </div>
    </div>
  );
}
