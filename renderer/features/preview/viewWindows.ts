import type { DataType } from 'apache-arrow';
import type { TableView } from '../../../shared/contract/tableViewModel';
import { client } from '../../ui/client';
import { PreviewRows } from './previewRows';

/** Rows per window fetched deep in a view. */
export const WINDOW_ROWS = 500;
/** Windows fetched at once; more wait, and ones scrolled away from before they start are skipped. */
const MAX_IN_FLIGHT = 2;

/**
 * Windows of a view beyond its first streamed rows, fetched on demand (each a paged query on
 * Redivis, cached there too) and kept here by window index. `onChange` fires as windows arrive.
 */
export class ViewWindows {
  private readonly windows = new Map<number, PreviewRows>();
  private readonly pending = new Set<number>();
  private wanted: number[] = [];
  private inFlight = 0;
  private disposed = false;

  constructor(
    private readonly tableRef: string,
    private readonly view: TableView,
    private readonly onChange: () => void,
    private readonly onError: (message: string) => void,
  ) {}

  has(row: number): boolean {
    return this.windows.has(Math.floor(row / WINDOW_ROWS));
  }

  value(row: number, column: string): unknown {
    const index = Math.floor(row / WINDOW_ROWS);
    return this.windows.get(index)?.value(row - index * WINDOW_ROWS, column) ?? null;
  }

  columnNames(): readonly string[] {
    return this.windows.values().next().value?.columnNames() ?? [];
  }

  columnType(name: string): DataType | undefined {
    for (const rows of this.windows.values()) {
      const type = rows.columnType(name);
      if (type) return type;
    }
    return undefined;
  }

  /** Asks for the windows covering rows [first, last) that are not here; the newest ask wins. */
  request(first: number, last: number, skipBelow: number): void {
    const wanted: number[] = [];
    for (let index = Math.floor(first / WINDOW_ROWS); index * WINDOW_ROWS < last; index++) {
      if ((index + 1) * WINDOW_ROWS <= skipBelow) continue;
      if (!this.windows.has(index) && !this.pending.has(index)) wanted.push(index);
    }
    this.wanted = wanted;
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.wanted.length > 0) {
      const index = this.wanted.shift();
      if (index === undefined || this.windows.has(index) || this.pending.has(index)) continue;
      this.pending.add(index);
      this.inFlight += 1;
      void client()
        .preview.window({
          tableRef: this.tableRef,
          view: this.view,
          offset: index * WINDOW_ROWS,
          limit: WINDOW_ROWS,
        })
        .then(
          ({ ipc }) => {
            if (this.disposed) return;
            const rows = new PreviewRows();
            rows.append(ipc);
            this.windows.set(index, rows);
            this.onChange();
          },
          (error: unknown) => {
            if (!this.disposed)
              this.onError(error instanceof Error ? error.message : 'A window of rows failed.');
          },
        )
        .finally(() => {
          this.pending.delete(index);
          this.inFlight -= 1;
          if (!this.disposed) this.pump();
        });
    }
  }
}
