import { describe, expect, it } from 'vitest';
import { cellSelection, isSelected, moveSelection, selectAll, selectionBounds } from './gridSelection';
import { rowWindow, scrollGeometry, scrollTopFor } from './scaledScroll';

const size = { rows: 100, columns: 5, pageRows: 10 };
const plain = { shift: false, primary: false };

describe('grid keyboard selection', () => {
  it('moves with arrows, pages and Home/End, staying inside the grid', () => {
    let s = cellSelection(0, 0);
    s = moveSelection(s, 'ArrowUp', size, plain) ?? s;
    expect(s.focus).toEqual({ row: 0, column: 0 });
    s = moveSelection(s, 'PageDown', size, plain) ?? s;
    s = moveSelection(s, 'ArrowRight', size, plain) ?? s;
    expect(s.focus).toEqual({ row: 10, column: 1 });
    s = moveSelection(s, 'End', size, plain) ?? s;
    expect(s.focus).toEqual({ row: 10, column: 4 });
    s = moveSelection(s, 'End', size, { shift: false, primary: true }) ?? s;
    expect(s.focus).toEqual({ row: 99, column: 4 });
    s = moveSelection(s, 'Home', size, { shift: false, primary: true }) ?? s;
    expect(s.focus).toEqual({ row: 0, column: 0 });
    expect(moveSelection(s, 'a', size, plain)).toBeUndefined();
  });

  it('extends from the anchor with Shift and covers everything with select all', () => {
    let s = cellSelection(2, 1);
    s = moveSelection(s, 'ArrowDown', size, { shift: true, primary: false }) ?? s;
    s = moveSelection(s, 'ArrowRight', size, { shift: true, primary: false }) ?? s;
    expect(selectionBounds(s, size)).toEqual({ top: 2, bottom: 3, left: 1, right: 2 });
    expect(isSelected(s, size, 3, 2)).toBe(true);
    expect(isSelected(s, size, 4, 2)).toBe(false);
    expect(selectionBounds(selectAll(), { ...size, rows: 7 })).toEqual({
      top: 0,
      bottom: 6,
      left: 0,
      right: 4,
    });
  });
});

describe('scaled scrolling', () => {
  it('does not scale small tables', () => {
    const g = scrollGeometry(1000, 28, 500);
    expect(g).toEqual({ spacerHeight: 28_000, ratio: 1 });
    expect(rowWindow(280, 500, 1000, 28, g, 0)).toMatchObject({ first: 10, top: 280 });
  });

  it('reaches the last of a million rows with a capped spacer', () => {
    const g = scrollGeometry(1_000_000, 28, 560, 1_000_000);
    expect(g.spacerHeight).toBe(1_000_000);
    const bottom = g.spacerHeight - 560;
    const w = rowWindow(bottom, 560, 1_000_000, 28, g, 0);
    expect(w.last).toBe(1_000_000);
    expect(w.first).toBe(1_000_000 - 20);
    // The rows end exactly at the viewport's bottom edge.
    expect(w.top + (w.last - w.first) * 28).toBeCloseTo(bottom + 560, 3);
    const target = scrollTopFor(500_000, 0, 560, 28, g) ?? 0;
    const middle = rowWindow(target, 560, 1_000_000, 28, g, 0);
    expect(middle.first).toBeLessThanOrEqual(500_000);
    expect(middle.last).toBeGreaterThan(500_000);
  });
});
