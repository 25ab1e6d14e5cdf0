export interface CellPosition {
  row: number;
  column: number;
}

/** What is selected: a rectangle of cells, whole rows, or everything (which grows as rows stream in). */
export interface GridSelection {
  anchor: CellPosition;
  focus: CellPosition;
  mode: 'cells' | 'rows' | 'all';
}

export interface SelectionBounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface GridSize {
  rows: number;
  columns: number;
  /** Rows per PageUp/PageDown. */
  pageRows: number;
}

export function cellSelection(row: number, column: number): GridSelection {
  return { anchor: { row, column }, focus: { row, column }, mode: 'cells' };
}

export function selectAll(): GridSelection {
  return { anchor: { row: 0, column: 0 }, focus: { row: 0, column: 0 }, mode: 'all' };
}

export function selectionBounds(selection: GridSelection, size: GridSize): SelectionBounds {
  if (selection.mode === 'all') {
    return { top: 0, bottom: size.rows - 1, left: 0, right: size.columns - 1 };
  }
  const top = Math.min(selection.anchor.row, selection.focus.row);
  const bottom = Math.max(selection.anchor.row, selection.focus.row);
  if (selection.mode === 'rows') return { top, bottom, left: 0, right: size.columns - 1 };
  return {
    top,
    bottom,
    left: Math.min(selection.anchor.column, selection.focus.column),
    right: Math.max(selection.anchor.column, selection.focus.column),
  };
}

export function isSelected(selection: GridSelection, size: GridSize, row: number, column: number): boolean {
  const b = selectionBounds(selection, size);
  return row >= b.top && row <= b.bottom && column >= b.left && column <= b.right;
}

const clamp = (value: number, max: number) => Math.max(0, Math.min(max, value));

/**
 * Spreadsheet keyboard moves: arrows, PageUp/PageDown, Home/End (row start/end; with Ctrl or
 * Cmd the first/last row). Shift extends the selection from its anchor. Returns undefined for
 * keys that are not moves.
 */
export function moveSelection(
  selection: GridSelection,
  key: string,
  size: GridSize,
  modifiers: { shift: boolean; primary: boolean },
): GridSelection | undefined {
  const { row, column } = selection.mode === 'all' ? selection.anchor : selection.focus;
  const lastRow = Math.max(0, size.rows - 1);
  const lastColumn = Math.max(0, size.columns - 1);
  let next: CellPosition;
  switch (key) {
    case 'ArrowUp':
      next = { row: modifiers.primary ? 0 : row - 1, column };
      break;
    case 'ArrowDown':
      next = { row: modifiers.primary ? lastRow : row + 1, column };
      break;
    case 'ArrowLeft':
      next = { row, column: modifiers.primary ? 0 : column - 1 };
      break;
    case 'ArrowRight':
      next = { row, column: modifiers.primary ? lastColumn : column + 1 };
      break;
    case 'PageUp':
      next = { row: row - size.pageRows, column };
      break;
    case 'PageDown':
      next = { row: row + size.pageRows, column };
      break;
    case 'Home':
      next = modifiers.primary ? { row: 0, column: 0 } : { row, column: 0 };
      break;
    case 'End':
      next = modifiers.primary ? { row: lastRow, column: lastColumn } : { row, column: lastColumn };
      break;
    default:
      return undefined;
  }
  const focus = { row: clamp(next.row, lastRow), column: clamp(next.column, lastColumn) };
  if (modifiers.shift) {
    const anchor = selection.mode === 'all' ? { row: 0, column: 0 } : selection.anchor;
    return { anchor, focus, mode: selection.mode === 'rows' ? 'rows' : 'cells' };
  }
  return { anchor: focus, focus, mode: 'cells' };
}
