/**
 * Browsers cap how tall an element may be (Chromium ~33.5M px, Firefox less), so a million
 * 28-px rows cannot have a spacer of their true height. Past this height the scrollbar is
 * scaled: one physical pixel of scrolling moves `ratio` virtual pixels.
 */
export const MAX_SPACER_HEIGHT = 8_000_000;

export interface ScrollGeometry {
  /** Height of the scrollable spacer in CSS pixels. */
  spacerHeight: number;
  /** Virtual pixels per physical pixel of scrolling (1 when no scaling is needed). */
  ratio: number;
}

export function scrollGeometry(
  rowCount: number,
  rowHeight: number,
  viewportHeight: number,
  maxHeight = MAX_SPACER_HEIGHT,
): ScrollGeometry {
  const virtualHeight = rowCount * rowHeight;
  if (virtualHeight <= maxHeight) return { spacerHeight: virtualHeight, ratio: 1 };
  const virtualRange = Math.max(0, virtualHeight - viewportHeight);
  const physicalRange = Math.max(1, maxHeight - viewportHeight);
  return { spacerHeight: maxHeight, ratio: virtualRange / physicalRange };
}

export interface RowWindow {
  first: number;
  /** Exclusive. */
  last: number;
  /** Physical top (within the spacer) of row `first`. */
  top: number;
}

/** The rows to render for a physical scroll position, with where the first one goes. */
export function rowWindow(
  scrollTop: number,
  viewportHeight: number,
  rowCount: number,
  rowHeight: number,
  geometry: ScrollGeometry,
  overscan = 4,
): RowWindow {
  if (rowCount === 0) return { first: 0, last: 0, top: 0 };
  const virtualTop = scrollTop * geometry.ratio;
  const exactFirst = Math.min(rowCount - 1, Math.floor(virtualTop / rowHeight));
  const first = Math.max(0, exactFirst - overscan);
  const visible = Math.ceil(viewportHeight / rowHeight) + 1;
  const last = Math.min(rowCount, exactFirst + visible + overscan);
  // Row `exactFirst` sits where its virtual position maps to, relative to the viewport top.
  const top = scrollTop - (virtualTop - exactFirst * rowHeight) - (exactFirst - first) * rowHeight;
  return { first, last, top };
}

/** The physical scrollTop that brings `row` fully into view, or undefined when it already is. */
export function scrollTopFor(
  row: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  geometry: ScrollGeometry,
): number | undefined {
  const virtualTop = scrollTop * geometry.ratio;
  const rowTop = row * rowHeight;
  if (rowTop < virtualTop) return rowTop / geometry.ratio;
  if (rowTop + rowHeight > virtualTop + viewportHeight) {
    return (rowTop + rowHeight - viewportHeight) / geometry.ratio;
  }
  return undefined;
}
