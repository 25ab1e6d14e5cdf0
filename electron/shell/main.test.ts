import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for Electron's main-process API, enough to run the lifecycle in main.ts. */
const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const appListeners = new Map<string, Listener[]>();
  const windows: FakeWindow[] = [];
  const stored = new Map<string, unknown>();
  class FakeWindow {
    destroyed = false;
    minimized = false;
    listeners = new Map<string, Listener[]>();
    webContents = { id: windows.length + 1, on: vi.fn(), send: vi.fn(), isDestroyed: () => false };
    loadURL = vi.fn(async () => undefined);
    focus = vi.fn();
    restore = vi.fn();
    maximize = vi.fn();
    once = vi.fn();
    constructor(readonly options: unknown) {
      windows.push(this);
    }
    on(name: string, fn: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
    }
    emit(name: string) {
      for (const fn of this.listeners.get(name) ?? []) fn();
    }
    isDestroyed = () => this.destroyed;
    isMinimized = () => this.minimized;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 10, y: 20, width: 1000, height: 700 });
    static getAllWindows = () => windows.filter((w) => !w.destroyed);
  }
  let ready: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  return {
    appListeners,
    windows,
    stored,
    FakeWindow,
    ready: () => ready(),
    app: {
      requestSingleInstanceLock: vi.fn(() => false),
      quit: vi.fn(),
      on: vi.fn((name: string, fn: Listener) =>
        appListeners.set(name, [...(appListeners.get(name) ?? []), fn]),
      ),
      whenReady: vi.fn(() => whenReady),
      getVersion: () => '1.0.0',
      getPath: () => '/tmp/rd-main-test',
    },
    BrowserWindow: FakeWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: vi.fn() },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
      },
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    net: { fetch: vi.fn() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn(), on: vi.fn() },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
    shell: { openExternal: vi.fn() },
    dialog: {},
    Notification: class {},
    safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text' },
  };
});
vi.mock('electron', () => ({ ...electron, default: electron }));
vi.mock('electron-store', () => ({
  default: class {
    get = (key: string) => electron.stored.get(key);
    set = vi.fn((key: string, value: unknown) => electron.stored.set(key, value));
    delete = (key: string) => electron.stored.delete(key);
  },
}));

const fire = (name: string) => electron.appListeners.get(name)?.forEach((fn) => fn());

describe('app lifecycle', () => {
  beforeEach(() => {
    vi.resetModules();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('quits at once when another instance already runs', async () => {
    await import('./main');
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
  });

  it('guards every webContents and registers app:// before ready, then loads the renderer from it', async () => {
    electron.app.requestSingleInstanceLock.mockReturnValue(true);
    await import('./main');
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
      expect.objectContaining({
        scheme: 'redivis-file',
        privileges: expect.objectContaining({ standard: true, secure: true, stream: true }),
      }),
    ]);
    expect(electron.appListeners.has('web-contents-created')).toBe(true);
    expect(electron.windows).toHaveLength(0);

    electron.ready();
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.protocol.handle).toHaveBeenCalledWith('redivis-file', expect.any(Function));
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(electron.windows[0]?.loadURL).toHaveBeenCalledWith('app://renderer/index.html');
  });

  it('focuses a live window on a second launch, and opens one when none is left', async () => {
    const first = electron.windows[0];
    if (!first) throw new Error('no window');
    first.minimized = true;
    fire('second-instance');
    expect(first.restore).toHaveBeenCalled();
    expect(first.focus).toHaveBeenCalled();

    first.destroyed = true;
    fire('second-instance');
    expect(electron.windows).toHaveLength(2);
    expect(electron.windows[1]?.focus).toHaveBeenCalled();
  });

  it('re-creates the window when the dock icon is clicked with none open (macOS), and only then', async () => {
    fire('activate');
    expect(electron.windows).toHaveLength(2);
    for (const window of electron.windows) window.destroyed = true;
    fire('activate');
    expect(electron.windows).toHaveLength(3);
    expect(electron.windows[2]?.loadURL).toHaveBeenCalledWith('app://renderer/index.html');
  });

  it('writes the window bounds once a burst of moves settles, and at once on close', async () => {
    vi.useFakeTimers();
    const window = electron.windows[2];
    if (!window) throw new Error('no window');
    electron.stored.delete('window');
    for (let i = 0; i < 50; i++) window.emit(i % 2 ? 'move' : 'resize');
    expect(electron.stored.has('window')).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(electron.stored.get('window')).toEqual({
      bounds: { x: 10, y: 20, width: 1000, height: 700 },
      maximized: false,
    });
    electron.stored.delete('window');
    window.emit('move');
    window.emit('close');
    expect(electron.stored.has('window')).toBe(true);
  });

  it('opens another window on the page the renderer names, and refuses an address that is not a page', async () => {
    const call = electron.ipcMain.handle.mock.calls.find(([name]) => name === 'app.openWindow');
    if (!call) throw new Error('app.openWindow is not registered');
    const handler = call[1] as (event: unknown, params: unknown) => Promise<{ ok: boolean }>;
    const event = { senderFrame: { url: 'app://renderer/index.html' }, sender: { id: 1 } };
    const before = electron.windows.length;
    await expect(handler(event, { route: '#/table/demo.iris_species%3Av1_0.iris' })).resolves.toEqual({
      ok: true,
      value: undefined,
    });
    expect(electron.windows).toHaveLength(before + 1);
    expect(electron.windows.at(-1)?.loadURL).toHaveBeenCalledWith(
      'app://renderer/index.html#/table/demo.iris_species%3Av1_0.iris',
    );
    for (const route of ['https://example.com/', '#/x" onload="', 'javascript:alert(1)']) {
      await expect(handler(event, { route })).resolves.toMatchObject({ ok: false });
    }
    // A page that is not the app's own renderer cannot open windows either.
    await expect(
      handler({ ...event, senderFrame: { url: 'https://example.com/' } }, { route: '#/queries' }),
    ).resolves.toMatchObject({ ok: false });
    expect(electron.windows).toHaveLength(before + 1);
  });
});
