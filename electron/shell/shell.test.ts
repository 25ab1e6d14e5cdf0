import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, params: unknown) => Promise<unknown>>();
  const windowEvents = new Map<string, (event: { preventDefault: () => void }) => void>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  const exposed: Record<string, unknown> = {};
  return {
    handlers,
    windowEvents,
    exposed,
    getWindowOpenHandler: () => windowOpenHandler,
    ipcMain: {
      handle: vi.fn((name: string, fn: (event: unknown, params: unknown) => Promise<unknown>) =>
        handlers.set(name, fn),
      ),
      removeHandler: vi.fn((name: string) => handlers.delete(name)),
    },
    ipcRenderer: {
      invoke: vi.fn(async () => ({ ok: true, value: 'pong' })),
      on: vi.fn(),
      removeListener: vi.fn(),
    },
    contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => (exposed[key] = api)) },
    shell: { openExternal: vi.fn(async () => undefined) },
    BrowserWindow: vi.fn(function (this: Record<string, unknown>, options: unknown) {
      this.options = options;
      this.maximize = vi.fn();
      this.once = vi.fn();
      this.webContents = {
        on: vi.fn((name: string, fn: (event: { preventDefault: () => void }) => void) =>
          windowEvents.set(name, fn),
        ),
        setWindowOpenHandler: vi.fn((fn: (details: { url: string }) => { action: string }) => {
          windowOpenHandler = fn;
        }),
      };
    }),
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => template) },
    session: { defaultSession: { webRequest: { onHeadersReceived: vi.fn() } } },
  };
});

vi.mock('electron', () => electron);

import { buildMenuTemplate, installAppMenu } from './appMenu';
import { attachWindowEvents, registerIpcHandlers, watchWindowClient } from './ipcTransport';
import { createMainWindow, installContentSecurityPolicy, mainWindowOptions } from './mainWindow';
import { openExternalSafely } from './openExternal';
import { defaultWindowState, restoreWindowState } from './windowState';
import { createElectronPorts } from './electronPorts';
import { knownChannelNames } from '../services/host/dispatch';
import type { ChannelHandlers } from '../services/host/handlers';
import { EventBus } from '../services/host/eventBus';

const rendererUrl = 'file:///opt/redivis/resources/app.asar/out/renderer/index.html';

function fakeHandlers(): ChannelHandlers {
  return {
    app: {
      info: () => ({
        name: 'Redivis Desktop',
        version: '1.2.3',
        mode: 'electron',
        platform: 'linux',
        versions: {},
      }),
      openExternal: () => undefined,
    },
    session: {},
    catalog: {},
    preview: {},
    jobs: {},
    uploads: {},
  } as unknown as ChannelHandlers;
}

beforeEach(() => {
  electron.handlers.clear();
  vi.clearAllMocks();
});

describe('main window', () => {
  it('is isolated, sandboxed and without Node in the page', () => {
    const prefs = mainWindowOptions(defaultWindowState, '/app/preload.js').webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.js',
    });
  });

  it('denies navigation and window.open, sending links to the safe opener', () => {
    const opener = vi.fn(async () => undefined);
    createMainWindow(defaultWindowState, '/app/preload.js', opener);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      electron.windowEvents.get(name)?.({ preventDefault });
      expect(preventDefault, name).toHaveBeenCalled();
    }
    const decision = electron.getWindowOpenHandler()?.({ url: 'https://redivis.com/datasets' });
    expect(decision).toEqual({ action: 'deny' });
    expect(opener).toHaveBeenCalledWith('https://redivis.com/datasets');
  });

  it('sends a strict Content-Security-Policy header', () => {
    installContentSecurityPolicy();
    const listener = electron.session.defaultSession.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      details: { responseHeaders: Record<string, string[]> },
      callback: (response: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    let headers: Record<string, string[]> = {};
    listener({ responseHeaders: {} }, (response) => (headers = response.responseHeaders));
    const csp = headers['Content-Security-Policy']?.[0] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
  });

  it('restores remembered bounds only when they are on a screen', () => {
    const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    const saved = { bounds: { x: 100, y: 50, width: 900, height: 700 }, maximized: true };
    expect(restoreWindowState(saved, screen)).toEqual(saved);
    const offscreen = restoreWindowState({ bounds: { x: 5000, y: 5000, width: 900, height: 700 } }, screen);
    expect(offscreen.bounds.x).toBe(0);
    expect(restoreWindowState('garbage', screen)).toEqual(defaultWindowState);
  });
});

describe('IPC transport', () => {
  it('registers exactly one handler per contract channel', () => {
    registerIpcHandlers(fakeHandlers(), rendererUrl);
    expect([...electron.handlers.keys()].sort()).toEqual(knownChannelNames().sort());
  });

  it('answers trusted frames and refuses others and bad payloads', async () => {
    registerIpcHandlers(fakeHandlers(), rendererUrl);
    const info = electron.handlers.get('app.info');
    const trusted = { senderFrame: { url: rendererUrl }, sender: { id: 1 } };
    await expect(info?.(trusted, undefined)).resolves.toMatchObject({
      ok: true,
      value: { version: '1.2.3' },
    });
    const foreign = { senderFrame: { url: 'https://evil.example/' }, sender: { id: 2 } };
    await expect(info?.(foreign, undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const open = electron.handlers.get('app.openExternal');
    await expect(open?.(trusted, { url: 42 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });

  it('delivers events to all windows or only the addressed one', () => {
    const bus = new EventBus();
    const a = { id: 1, isDestroyed: () => false, send: vi.fn() };
    const b = { id: 2, isDestroyed: () => false, send: vi.fn() };
    attachWindowEvents(bus, () => [a, b] as never);
    bus.emit('app.notice', { level: 'info', message: 'hello' });
    bus.emit('app.notice', { level: 'info', message: 'only b' }, '2');
    expect(a.send).toHaveBeenCalledTimes(1);
    expect(b.send).toHaveBeenCalledTimes(2);
  });
});

describe('window lifecycle', () => {
  it('reports a window whose page is closed, crashed or reloaded', () => {
    const listeners = new Map<string, (details?: unknown) => void>();
    const contents = {
      id: 7,
      on: (name: string, fn: (details?: unknown) => void) => listeners.set(name, fn),
    };
    const bus = new EventBus();
    const gone: string[] = [];
    bus.onClientGone((id) => gone.push(id));
    watchWindowClient(contents as never, bus);
    listeners.get('did-start-navigation')?.({ isMainFrame: true, isSameDocument: true });
    expect(gone).toEqual([]);
    listeners.get('did-start-navigation')?.({ isMainFrame: true, isSameDocument: false });
    listeners.get('destroyed')?.();
    expect(gone).toEqual(['7', '7']);
  });
});

describe('preload', () => {
  it('exposes exactly the contract on window.redivis', async () => {
    await import('./preload');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledWith('redivis', expect.any(Object));
    const api = electron.exposed.redivis as Record<string, Record<string, unknown>>;
    const exposedNames = Object.entries(api)
      .filter(([key]) => key !== 'on')
      .flatMap(([domain, group]) => Object.keys(group).map((method) => `${domain}.${method}`));
    expect(exposedNames.sort()).toEqual(knownChannelNames().sort());
    expect(api).not.toHaveProperty('invoke');
    await (api.app?.info as () => Promise<unknown>)();
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('app.info', undefined);
  });
});

describe('external links', () => {
  it('opens https links on Redivis hosts and loopback pages only', async () => {
    await openExternalSafely('https://redivis.com/datasets/abc');
    await openExternalSafely('http://127.0.0.1:8400/oauth/authorize?x=1');
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(2);
    await expect(openExternalSafely('https://evil.example/')).rejects.toThrow(/does not open links/);
    await expect(openExternalSafely('file:///etc/passwd')).rejects.toThrow();
    await expect(openExternalSafely('javascript:alert(1)')).rejects.toThrow();
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(2);
  });
});

describe('application menu', () => {
  it('uses the standard roles on every platform', () => {
    const roles = (platform: NodeJS.Platform) =>
      JSON.stringify(buildMenuTemplate(platform, 'Redivis Desktop'));
    for (const role of ['editMenu', 'viewMenu', 'windowMenu', 'fileMenu'])
      expect(roles('linux')).toContain(role);
    expect(roles('darwin')).toContain('hideOthers');
    installAppMenu('linux', 'Redivis Desktop');
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });
});

describe('Electron ports', () => {
  it("opens a custom server's sign-in page only when the service vouches for that server", async () => {
    const secrets = { protection: () => 'os_keychain' as const, get: vi.fn(), set: vi.fn(), delete: vi.fn() };
    const ports = createElectronPorts(secrets, () => ['https://configured.example']);
    await ports.openExternal('https://configured.example/oauth/authorize');
    await expect(ports.openExternal('https://custom.example/oauth/authorize')).rejects.toThrow();
    await ports.openExternal('https://custom.example/oauth/authorize', 'https://custom.example');
    await expect(
      ports.openExternal('https://elsewhere.example/', 'https://custom.example'),
    ).rejects.toThrow();
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(2);
  });
});
