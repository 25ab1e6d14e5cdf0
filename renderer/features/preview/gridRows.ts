import type { DataType } from 'apache-arrow';
import type { PreviewRows } from './previewRows';
import type { ViewWindows } from './viewWindows';

/** What the grid reads: the rows of the view in display order, some perhaps not fetched yet. */
export interface GridRows {
  readonly numRows: number;
  columnNames(): readonly string[];
  columnType(name: string): DataType | undefined;
  /** Whether row `row` of the view is here to be shown (rows deep in a view come in windows). */
  has(row: number): boolean;
  value(row: number, column: string): unknown;
  /** The number in the row header: the row's place in the table, or in the view. */
  rowNumber(row: number): number;
}

/** Loaded rows, in the order a local sort and filter gave (or as loaded). */
export class LoadedViewRows implements GridRows {
  readonly numRows: number;

  constructor(
    private readonly rows: PreviewRows,
    private readonly order?: Uint32Array,
  ) {
    this.numRows = order ? order.length : rows.numRows;
  }

  private source(row: number): number {
    return this.order ? (this.order[row] ?? row) : row;
  }

  columnNames(): readonly string[] {
    return this.rows.columnNames();
  }

  columnType(name: string): DataType | undefined {
    return this.rows.columnType(name);
  }

  has(row: number): boolean {
    return row >= 0 && row < this.numRows;
  }

  value(row: number, column: string): unknown {
    return this.rows.value(this.source(row), column);
  }

  rowNumber(row: number): number {
    return this.source(row) + 1;
  }
}

/**
 * A view computed on Redivis: its first rows streamed in, the rest fetched in windows as the
 * grid scrolls there. `numRows` is the whole view's, so the scrollbar spans all of it.
 */
export class RedivisViewRows implements GridRows {
  constructor(
    private readonly first: PreviewRows,
    readonly numRows: number,
    private readonly windows: ViewWindows,
  ) {}

  columnNames(): readonly string[] {
    return this.first.numRows > 0 ? this.first.columnNames() : this.windows.columnNames();
  }

  columnType(name: string): DataType | undefined {
    return this.first.columnType(name) ?? this.windows.columnType(name);
  }

  has(row: number): boolean {
    return row < this.first.numRows || this.windows.has(row);
  }

  value(row: number, column: string): unknown {
    return row < this.first.numRows ? this.first.value(row, column) : this.windows.value(row, column);
  }

  rowNumber(row: number): number {
    return row + 1;
  }
}
