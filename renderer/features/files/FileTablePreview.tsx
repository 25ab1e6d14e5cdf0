import { tableFromIPC, type DataType, type Table } from 'apache-arrow';
import { useMemo, useState } from 'react';
import type { FileEntry } from '../../../shared/contract/filesModel';
import {
  emptyPreviewView,
  type ColumnProfile,
  type PreviewColumn,
  type PreviewView,
} from '../../../shared/contract/previewModel';
import { client } from '../../ui/client';
import { ErrorPanel, Loading } from '../catalog/catalogStates';
import { useLoad } from '../catalog/usePageLoad';
import type { GridRows } from '../preview/gridRows';
import { PreviewGrid } from '../preview/PreviewGrid';

/** The rows of a file read as a table, for the preview grid. */
export class ArrowTableRows implements GridRows {
  readonly numRows: number;
  private readonly names: string[];

  constructor(private readonly table: Table) {
    this.numRows = table.numRows;
    this.names = table.schema.fields.map((f) => f.name);
  }

  columnNames(): readonly string[] {
    return this.names;
  }

  columnType(name: string): DataType | undefined {
    return this.table.schema.fields.find((f) => f.name === name)?.type;
  }

  has(row: number): boolean {
    return row >= 0 && row < this.numRows;
  }

  value(row: number, column: string): unknown {
    return (this.table.getChild(column)?.get(row) as unknown) ?? null;
  }

  rowNumber(row: number): number {
    return row + 1;
  }
}

/** Nulls and distinct values of each column of the (at most 10,000) rows read, for the grid's headers. */
export function localProfiles(rows: ArrowTableRows): Map<string, ColumnProfile> {
  const profiles = new Map<string, ColumnProfile>();
  for (const column of rows.columnNames()) {
    const seen = new Set<unknown>();
    let nullCount = 0;
    for (let row = 0; row < rows.numRows; row++) {
      const value = rows.value(row, column);
      if (value === null) nullCount += 1;
      else seen.add(typeof value === 'object' ? String(value) : value);
    }
    profiles.set(column, {
      column,
      type: String(rows.columnType(column) ?? ''),
      status: 'ready',
      rows: rows.numRows,
      nullCount,
      distinct: seen.size,
    });
  }
  return profiles;
}

const NO_FILTERS = new Map<string, string>();

/** A CSV, Parquet or Arrow file in the app's grid (first rows, read and converted on the Node side). */
export function FileTablePreview({ tableRef, file }: { tableRef: string; file: FileEntry }) {
  const result = useLoad(`table:${tableRef}:${file.id}`, () =>
    client().files.readTable({ tableRef, fileId: file.id }),
  );
  if (result.status === 'loading') return <Loading label="Reading the file as a table…" />;
  if (result.status === 'error') return <ErrorPanel error={result.error} onRetry={result.reload} compact />;
  return <FileGrid ipc={result.value.ipc} truncated={result.value.truncated} />;
}

function FileGrid({ ipc, truncated }: { ipc: Uint8Array; truncated: boolean }) {
  const rows = useMemo(
    () => new ArrowTableRows(tableFromIPC(ipc.byteOffset % 8 === 0 ? ipc : ipc.slice())),
    [ipc],
  );
  const columns = useMemo(
    () =>
      new Map<string, PreviewColumn>(
        rows.columnNames().map((name) => [name, { name, type: String(rows.columnType(name) ?? '') }]),
      ),
    [rows],
  );
  const profiles = useMemo(() => localProfiles(rows), [rows]);
  const [view, setView] = useState<PreviewView>(emptyPreviewView);
  const [notice, setNotice] = useState<string>();
  return (
    <div className="file-grid" data-testid="file-grid">
      <p className="muted" role="status">
        {rows.numRows.toLocaleString()} rows{truncated ? ' (the first rows of the file)' : ''} ·{' '}
        {rows.columnNames().length} columns
        {notice ? ` · ${notice}` : ''}
      </p>
      <PreviewGrid
        rows={rows}
        fallbackColumns={rows.columnNames()}
        version={0}
        view={view}
        onViewChange={(change) => setView(change)}
        columns={columns}
        onOpenCell={() => undefined}
        onNotice={setNotice}
        profiles={profiles}
        onOpenProfile={() => undefined}
        filterTexts={NO_FILTERS}
        onFilterText={() => undefined}
        onCellMenu={() => undefined}
      />
    </div>
  );
}
