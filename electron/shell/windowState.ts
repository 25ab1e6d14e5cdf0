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
