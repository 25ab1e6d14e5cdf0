import type { Rectangle } from 'electron';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

export const defaultWindowState: WindowState = {
  bounds: { x: 0, y: 0, width: 1280, height: 800 },
  maximized: false,
};

/** Keeps a remembered window on a visible display; falls back to the default size. */
export function restoreWindowState(saved: unknown, displays: Rectangle[]): WindowState {
  if (!saved || typeof saved !== 'object') return defaultWindowState;
  const state = saved as Partial<WindowState>;
  const b = state.bounds;
  if (!b || ![b.x, b.y, b.width, b.height].every((n) => Number.isFinite(n))) return defaultWindowState;
  const width = Math.max(640, b.width);
  const height = Math.max(420, b.height);
  const visible = displays.some(
    (d) => b.x < d.x + d.width && b.x + width > d.x && b.y < d.y + d.height && b.y + height > d.y,
  );
  return {
    bounds: visible ? { x: b.x, y: b.y, width, height } : { ...defaultWindowState.bounds, width, height },
    maximized: Boolean(state.maximized),
  };
}

/** The parts of a BrowserWindow the state keeper needs. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'close', listener: () => void): unknown;
  isDestroyed(): boolean;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
}

/**
 * Remembers the window's bounds without writing settings on every move event (dozens a second
 * while dragging): a burst of moves and resizes is written once, after it settles, and closing
 * writes at once.
 */
export function keepWindowState(
  window: TrackedWindow,
  save: (state: WindowState) => void,
  delayMs = 500,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', write);
}
