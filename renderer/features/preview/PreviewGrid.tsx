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
import type { ColumnProfile, PreviewColumn, PreviewView } from '../../../shared/contract/previewModel';
import { formatCell, isNumericType, type FormattedCell } from './cellFormat';
import { copyText } from './clipboard';
import { fittedWidth, rowNumberWidth, sampleRowCount, textMeasurer } from './columnWidths';
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
import type { GridRows } from './gridRows';
import { rowWindow, scrollGeometry, scrollTopFor } from './scaledScroll';
import { useColumnLabels } from './useColumnLabels';
import { useGridTable } from './useGridTable';
import './preview.css';

export const ROW_HEIGHT = 28;
/** Column names, then each column's profile, then its filter field. */
export const HEADER_HEIGHT = 28 + 36 + 28;

export interface OpenCell {
  row: number;
  column: string;
  text: string;
  label?: string;
}

/** A cell the user right-clicked, for "filter to this value" and "exclude this value". */
export interface CellMenuTarget {
  column: string;
  cell: FormattedCell;
  x: number;
  y: number;
}

const PENDING_CELL: FormattedCell = { text: '…', kind: 'pending' };

interface PreviewGridProps {
  rows: GridRows;
  /** Column names to show while `rows` has none yet. */
  fallbackColumns: readonly string[];
  /** Bumped per batch; the rows object itself is mutated in place. */
  version: number;
  view: PreviewView;
  profiles: ReadonlyMap<string, ColumnProfile>;
  /** The rows on screen changed (after scrolling settles), so windows deep in a view can be fetched. */
  onVisibleRows?(first: number, last: number): void;
  onVisibleColumns?(names: string[]): void;
  onOpenProfile(column: string): void;
  onFilterText(column: string, text: string): void;
  filterTexts: ReadonlyMap<string, string>;
  onCellMenu(target: CellMenuTarget): void;
  onViewChange(change: (view: PreviewView) => PreviewView): void;
  columns: ReadonlyMap<string, PreviewColumn>;
  onOpenCell(cell: OpenCell): void;
  onNotice(message: string): void;
  /** The table's row count, when known: row numbers go up to it (the loaded rows may be fewer). */
  tableRows?: number;
}

function virtualColumnNames(columns: { id: string }[], items: { index: number }[]): string {
  return items.map((item) => columns[item.index]?.id ?? '').join('\u0000');
}

/**
 * The preview grid. Rows are windowed by hand over a possibly scaled scrollbar (see
 * scaledScroll.ts), columns by TanStack Virtual; only the cells on screen are read from Arrow
 * and formatted. Selection and copy work on display positions (the view's order).
 */
export function PreviewGrid(props: PreviewGridProps) {
  const { rows, version } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(400);
  const [selection, setSelection] = useState<GridSelection>(() => cellSelection(0, 0));
  const dragging = useRef(false);

  // Before a new view's first rows arrive, the table's columns keep the header (and its filter
  // fields) in place.
  const loadedNames = rows.columnNames();
  const namesKey = (loadedNames.length > 0 ? loadedNames : props.fallbackColumns).join('\u0000');

  const names = useMemo(() => namesKey.split('\u0000').filter(Boolean), [namesKey]);
  const rowCount = rows.numRows;

  // Starting widths come from the first rows, once, so columns don't shift as more rows arrive
  // or the view is sorted. Widths the user set are kept in the view and win over these.
  const [fitted, setFitted] = useState<{ key: string; sizes: ReadonlyMap<string, number> }>();
  if (loadedNames.length > 0 && rows.has(0) && fitted?.key !== namesKey) {
    const measure = textMeasurer(cellFont(scrollRef.current));
    const sampled = sampleRowCount(names.length, rowCount);
    const sizes = new Map<string, number>();
    for (const name of names) {
      const type = rows.columnType(name);
      const texts: string[] = [];
      for (let row = 0; row < sampled && rows.has(row); row++)
        texts.push(formatCell(rows.value(row, name), type).text);
      sizes.set(name, fittedWidth(name, type, texts, measure));
    }
    setFitted({ key: namesKey, sizes });
  }
  const table = useGridTable(
    names,
    props.view,
    props.onViewChange,
    fitted?.key === namesKey ? fitted.sizes : undefined,
  );
  const visibleColumns = table.getVisibleLeafColumns();
  const largestRowNumber = Math.max(rowCount, props.tableRows ?? 0);
  const rowHeaderWidth = rowNumberWidth(largestRowNumber, textMeasurer(cellFont(scrollRef.current)));

  const { valueLabels, headerLabels } = useColumnLabels(props.columns);

  const sizesKey = visibleColumns.map((column) => `${column.id}:${column.getSize()}`).join('|');
  // The virtualizer returns fresh functions each render, so this component opts out of compiler memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: visibleColumns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => visibleColumns[index]?.getSize() ?? 150,
    paddingStart: rowHeaderWidth,
    scrollPaddingStart: rowHeaderWidth,
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
    if (!rows.has(displayRow)) return PENDING_CELL;
    return formatCell(rows.value(displayRow, name), rows.columnType(name));
  };

  const { onVisibleRows, onVisibleColumns } = props;
  useEffect(() => {
    if (!onVisibleRows) return undefined;
    // Fetch where scrolling settles, not every window it passes through.
    const timer = setTimeout(() => onVisibleRows(rowsWindow.first, rowsWindow.last), 120);
    return () => clearTimeout(timer);
  }, [onVisibleRows, rowsWindow.first, rowsWindow.last, rowCount]);
  const visibleNames = virtualColumnNames(visibleColumns, columnVirtualizer.getVirtualItems());
  useEffect(() => {
    onVisibleColumns?.(visibleNames.split('\u0000').filter(Boolean));
  }, [onVisibleColumns, visibleNames]);

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
    for (let row = b.top; row <= b.bottom; row++) {
      if (!rows.has(row)) {
        props.onNotice('Some of those rows are still loading; copy again once they show.');
        return;
      }
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
    if (!rows.has(displayRow)) return;
    props.onOpenCell({
      row: rows.rowNumber(displayRow),
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
    if (primary && event.shiftKey && event.key.toLowerCase() === 'f') {
      // To the filter row, under the focused column.
      const name = visibleColumns[focus.column]?.id;
      const field = scrollRef.current?.querySelector<HTMLInputElement>(
        `input[aria-label="${CSS.escape(`Filter ${name ?? ''}`)}"]`,
      );
      if (!field) return;
      event.preventDefault();
      field.focus();
      return;
    }
    if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
      const name = visibleColumns[focus.column]?.id;
      const cellElement = document.getElementById(cellId(focus.row, focus.column));
      if (!name || !rows.has(focus.row) || !cellElement) return;
      event.preventDefault();
      const box = cellElement.getBoundingClientRect();
      props.onCellMenu({ column: name, cell: cellText(focus.row, focus.column), x: box.left, y: box.bottom });
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
          style={{ width: rowHeaderWidth }}
          onMouseDown={(event) => onRowNumberMouseDown(event, displayRow)}
        >
          {rows.has(displayRow) ? rows.rowNumber(displayRow).toLocaleString() : ''}
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
              onContextMenu={(event) => {
                if (!rows.has(displayRow)) return;
                event.preventDefault();
                setSelection(cellSelection(displayRow, item.index));
                props.onCellMenu({ column: column.id, cell, x: event.clientX, y: event.clientY });
              }}
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
          rowNumberWidth={rowHeaderWidth}
          labels={headerLabels}
          numeric={(name) => isNumericType(rows.columnType(name))}
          onSelectAll={() => setSelection(selectAll())}
          profiles={props.profiles}
          onOpenProfile={props.onOpenProfile}
          filterTexts={props.filterTexts}
          onFilterText={props.onFilterText}
        />
        {bodyRows}
      </div>
    </div>
  );
}

/** The font cells are drawn in, read once from the first grid on screen, to measure their text. */
let gridFont: string | undefined;
function cellFont(grid: HTMLElement | null): string | undefined {
  if (gridFont || !grid) return gridFont;
  const style = getComputedStyle(grid);
  gridFont = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return gridFont;
}
