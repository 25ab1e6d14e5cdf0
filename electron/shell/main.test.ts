import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  app: {
    requestSingleInstanceLock: vi.fn(() => false),
    quit: vi.fn(),
    on: vi.fn(),
    whenReady: vi.fn(() => new Promise(() => undefined)),
  },
}));
vi.mock('electron', () => ({ ...electron, default: electron }));
vi.mock('electron-store', () => ({ default: class {} }));

describe('app lifecycle', () => {
  it('quits at once when another instance already runs', async () => {
    await import('./main');
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
  });

  it('focuses the existing window when a second instance starts', async () => {
    vi.resetModules();
    electron.app.requestSingleInstanceLock.mockReturnValue(true);
    electron.app.on.mockClear();
    await import('./main');
    const events = electron.app.on.mock.calls.map((call) => call[0]);
    expect(events).toContain('second-instance');
    expect(events).toContain('window-all-closed');
    expect(electron.app.whenReady).toHaveBeenCalled();
  });
});
