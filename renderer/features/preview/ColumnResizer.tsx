import { useRef, useState, type PointerEvent } from 'react';
import type { GridTable } from './useGridTable';

type GridColumn = ReturnType<GridTable['getAllLeafColumns']>[number];

/**
 * The handle on a column's right edge: drag it (mouse, pen or touch) to resize by exactly the
 * distance moved, arrow keys when focused, double-click for the default width. The pointer is
 * captured for the drag, so the release always ends it even outside the window, and the press
 * is kept from starting a text selection or the header's drag-to-reorder.
 */
export function ColumnResizer({ table, column }: { table: GridTable; column: GridColumn }) {
  const drag = useRef<{ pointerId: number; startX: number; startSize: number }>(undefined);
  const [resizing, setResizing] = useState(false);

  const setSize = (size: number) => table.setColumnSizing((sizes) => ({ ...sizes, [column.id]: size }));
  const end = () => {
    drag.current = undefined;
    setResizing(false);
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize column ${column.id}`}
      aria-valuenow={column.getSize()}
      aria-valuemin={48}
      aria-valuemax={4000}
      tabIndex={0}
      className={`pv-resizer${resizing ? ' pv-resizing' : ''}`}
      // Never part of the header's drag-to-reorder.
      draggable={false}
      onDragStart={(event) => event.preventDefault()}
      onPointerDown={(event: PointerEvent<HTMLDivElement>) => {
        if (event.button !== 0) return;
        event.stopPropagation();
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { pointerId: event.pointerId, startX: event.clientX, startSize: column.getSize() };
        setResizing(true);
      }}
      onPointerMove={(event) => {
        const current = drag.current;
        if (!current || current.pointerId !== event.pointerId) return;
        // A move with no button held means the release was missed: stop instead of resizing.
        if (event.buttons === 0) return end();
        setSize(current.startSize + event.clientX - current.startX);
      }}
      onPointerUp={end}
      onPointerCancel={end}
      onLostPointerCapture={end}
      // The press starts no text selection (whose drag would carry the next header along)
      // and is not a click on the header.
      onMouseDown={(event) => {
        event.preventDefault();
        event.stopPropagation();
      }}
      onClick={(event) => event.stopPropagation()}
      onDoubleClick={() => column.resetSize()}
      onKeyDown={(event) => {
        if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
        event.preventDefault();
        event.stopPropagation();
        setSize(column.getSize() + (event.key === 'ArrowLeft' ? -16 : 16));
      }}
    />
  );
}
