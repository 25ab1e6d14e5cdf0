import { useEffect, useRef } from 'react';
import type { ViewFilter } from '../../../shared/contract/tableViewModel';
import type { CellMenuTarget } from './PreviewGrid';

/** The filters a cell offers: this value, or everything but it (null cells: is / is not null). */
export function cellFilters(target: CellMenuTarget): { keep: ViewFilter; exclude: ViewFilter } {
  const { column, cell } = target;
  if (cell.kind === 'null') return { keep: { column, op: 'isNull' }, exclude: { column, op: 'notNull' } };
  const value = cell.kind === 'number' ? Number(cell.text) : cell.text;
  return { keep: { column, op: 'eq', value }, exclude: { column, op: 'ne', value } };
}

/** A cell's context menu; Escape or a click elsewhere closes it, and focus returns to the grid. */
export function CellMenu(props: {
  target: CellMenuTarget;
  onFilter(filter: ViewFilter): void;
  onClose(): void;
}) {
  const menu = useRef<HTMLDivElement>(null);
  const { keep, exclude } = cellFilters(props.target);
  const shown = props.target.cell.kind === 'null' ? 'null' : props.target.cell.text;
  const { onClose } = props;
  // The first item takes focus once, when the menu opens: the parent re-renders while it is open
  // (rows and profiles arrive) and must not pull focus back from the item the user moved to.
  useEffect(() => menu.current?.querySelector('button')?.focus(), []);
  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [onClose]);
  const pick = (filter: ViewFilter) => {
    props.onFilter(filter);
    onClose();
  };
  return (
    <div
      ref={menu}
      className="pv-menu"
      role="menu"
      aria-label={`Filter by ${props.target.column}`}
      style={{ left: props.target.x, top: props.target.y }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          const items = [...(menu.current?.querySelectorAll('button') ?? [])];
          const at = items.indexOf(document.activeElement as HTMLButtonElement);
          items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
        }
      }}
    >
      <button type="button" role="menuitem" onClick={() => pick(keep)}>
        Filter to {shown.length > 30 ? `${shown.slice(0, 30)}…` : shown}
      </button>
      <button type="button" role="menuitem" onClick={() => pick(exclude)}>
        Exclude {shown.length > 30 ? `${shown.slice(0, 30)}…` : shown}
      </button>
    </div>
  );
}
