import type { VirtualItem } from '@tanstack/react-virtual';
import { useState, type DragEvent, type KeyboardEvent } from 'react';
import type { ColumnProfile } from '../../../shared/contract/previewModel';
import { ColumnResizer } from './ColumnResizer';
import { ProfileSummary } from './ProfileSummary';
import type { GridTable } from './useGridTable';

interface GridHeaderProps {
  table: GridTable;
  virtualColumns: VirtualItem[];
  width: number;
  rowNumberWidth: number;
  labels: ReadonlyMap<string, string>;
  numeric: (column: string) => boolean;
  onSelectAll(): void;
  profiles: ReadonlyMap<string, ColumnProfile>;
  onOpenProfile(column: string): void;
  filterTexts: ReadonlyMap<string, string>;
  onFilterText(column: string, text: string): void;
}

/** A column's field in the filter row: applied on Enter or when it loses focus; Escape reverts. */
function FilterField(props: { column: string; text: string; onCommit(text: string): void }) {
  const [draft, setDraft] = useState<string | undefined>();
  const value = draft ?? props.text;
  const commit = () => {
    if (draft !== undefined && draft !== props.text) props.onCommit(draft);
    setDraft(undefined);
  };
  return (
    <input
      className="pv-filter-input"
      type="text"
      aria-label={`Filter ${props.column}`}
      placeholder="Filter…"
      title="beta · ^be (starts with) · =x · !=x · <10 · >=10 · a..b · null · !null"
      value={value}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') commit();
        if (event.key === 'Escape') setDraft(undefined);
      }}
    />
  );
}

/** Moves `id` to where `targetId` is, in the table's full column order. */
function reorder(table: GridTable, id: string, targetId: string): void {
  if (id === targetId) return;
  const order = table.getAllLeafColumns().map((column) => column.id);
  const from = order.indexOf(id);
  const to = order.indexOf(targetId);
  if (from < 0 || to < 0) return;
  order.splice(from, 1);
  order.splice(to, 0, id);
  table.setColumnOrder(order);
}

/**
 * The sticky header row: a sort button per column (click to cycle ascending, descending,
 * none), a resize handle (drag, or arrow keys when focused), and drag-to-reorder (or
 * Alt+Left/Right on the header button).
 */
export function GridHeader(props: GridHeaderProps) {
  const { table, virtualColumns } = props;
  const [dragging, setDragging] = useState<string | undefined>();
  const headers = table.getFlatHeaders().filter((header) => header.column.getIsVisible());

  const moveByKey = (event: KeyboardEvent, id: string) => {
    if (!event.altKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    event.preventDefault();
    event.stopPropagation();
    const visible = headers.map((header) => header.column.id);
    const index = visible.indexOf(id);
    const target = visible[index + (event.key === 'ArrowLeft' ? -1 : 1)];
    if (target) reorder(table, id, target);
  };

  return (
    <div className="pv-header" role="row" aria-rowindex={1} style={{ width: props.width }}>
      <div className="pv-corner" role="columnheader" style={{ width: props.rowNumberWidth }}>
        <button
          type="button"
          className="pv-select-all"
          aria-label="Select all cells"
          onClick={props.onSelectAll}
        >
          #
        </button>
      </div>
      {virtualColumns.map((item) => {
        const header = headers[item.index];
        if (!header) return null;
        const column = header.column;
        const sorted = column.getIsSorted();
        const label = props.labels.get(column.id);
        return [
          <div
            key={column.id}
            role="columnheader"
            aria-colindex={item.index + 2}
            aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
            className={`pv-th${props.numeric(column.id) ? ' pv-num' : ''}${dragging === column.id ? ' pv-dragging' : ''}`}
            style={{ left: item.start, width: item.size }}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => {
              event.preventDefault();
              const id = event.dataTransfer.getData('text/x-column');
              if (id) reorder(table, id, column.id);
              setDragging(undefined);
            }}
          >
            <div
              className="pv-th-top"
              // Only the name row drags, so text in the filter field can be selected.
              draggable
              onDragStart={(event: DragEvent) => {
                event.dataTransfer.setData('text/x-column', column.id);
                event.dataTransfer.effectAllowed = 'move';
                setDragging(column.id);
              }}
              onDragEnd={() => setDragging(undefined)}
            >
              <button
                type="button"
                className="pv-sort"
                title={label ? `${column.id}: ${label}` : column.id}
                aria-label={`${column.id}${sorted ? (sorted === 'asc' ? ', sorted ascending' : ', sorted descending') : ''}`}
                onClick={(event) => column.toggleSorting(undefined, event.shiftKey)}
                onKeyDown={(event) => moveByKey(event, column.id)}
              >
                <span className="pv-th-name">{column.id}</span>
                {sorted ? <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : ' ▼'}</span> : null}
              </button>
            </div>
            <ColumnResizer table={table} column={column} />
          </div>,
          // Profile and filter sit under the name, outside the column header, so the header's
          // one button stays the sort button.
          <div
            key={`${column.id}-extra`}
            role="gridcell"
            aria-colindex={item.index + 2}
            className="pv-th-extra"
            style={{ left: item.start, width: item.size }}
          >
            <ProfileSummary
              column={column.id}
              profile={props.profiles.get(column.id)}
              onOpen={() => props.onOpenProfile(column.id)}
            />
            <FilterField
              key={props.filterTexts.get(column.id) ?? ''}
              column={column.id}
              text={props.filterTexts.get(column.id) ?? ''}
              onCommit={(text) => props.onFilterText(column.id, text)}
            />
          </div>,
        ];
      })}
    </div>
  );
}
