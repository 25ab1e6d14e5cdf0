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
    webUtils: { getPathForFile: vi.fn((file: { diskPath?: string }) => file.diskPath ?? '') },
    net: {
      fetch: vi.fn(async (url: string) => {
        const { readFile } = await import('node:fs/promises');
        const { fileURLToPath } = await import('node:url');
        return readFile(fileURLToPath(url)).then(
          (bytes) => new Response(bytes),
          () => new Response(null, { status: 404 }),
        );
      }),
    },
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
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: vi.fn() },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
      },
    },
  };
});

vi.mock('electron', () => electron);

import { buildMenuTemplate, installAppMenu } from './appMenu';
import { answerAppRequest, appRendererUrl } from './appProtocol';
import {
  attachWindowEvents,
  registerIpcHandlers,
  registerLocalFileHandler,
  watchWindowClient,
} from './ipcTransport';
import { installContentSecurityPolicy, mainWindowOptions } from './mainWindow';
import { denyAllPermissions, guardAllWebContents } from './webContentsGuard';
import { LocalFiles } from '../services/uploads/localFiles';
import { contentSecurityPolicy, metaContentSecurityPolicy } from '../../shared/contentSecurityPolicy';
import { isTrustedSenderUrl } from './trustedSender';
import { openExternalSafely } from './openExternal';
import { defaultWindowState, restoreWindowState } from './windowState';
import { createElectronPorts } from './electronPorts';
import { knownChannelNames } from '../services/host/dispatch';
import type { ChannelHandlers } from '../services/host/handlers';
import { EventBus } from '../services/host/eventBus';

const rendererUrl = appRendererUrl;

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

  it('denies navigation, window.open and <webview> for every webContents, sending links to the safe opener', () => {
    const opener = vi.fn(async () => undefined);
    const appEvents = new Map<string, (event: unknown, contents: unknown) => void>();
    guardAllWebContents({ on: (name: string, fn: never) => appEvents.set(name, fn) } as never, opener);
    // Any webContents at all, not only the main window's: here one the app did not create itself.
    const contents = new (electron.BrowserWindow as unknown as new (o: unknown) => { webContents: unknown })(
      {},
    ).webContents;
    appEvents.get('web-contents-created')?.({}, contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      electron.windowEvents.get(name)?.({ preventDefault });
      expect(preventDefault, name).toHaveBeenCalled();
    }
    const decision = electron.getWindowOpenHandler()?.({ url: 'https://redivis.com/datasets' });
    expect(decision).toEqual({ action: 'deny' });
    expect(opener).toHaveBeenCalledWith('https://redivis.com/datasets');
  });

  it('denies every permission request and check', () => {
    denyAllPermissions(electron.session.defaultSession as never);
    const request = electron.session.defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
    const check = electron.session.defaultSession.setPermissionCheckHandler.mock.calls[0]?.[0] as (
      ...args: unknown[]
    ) => boolean;
    expect(check({}, 'media', 'app://renderer')).toBe(false);
  });

  it('serves the renderer from app://renderer only, with the CSP header, refusing traversal and bad paths', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const root = await mkdtemp(join(tmpdir(), 'rd-app-'));
    const dir = join(root, 'renderer');
    await (await import('node:fs/promises')).mkdir(dir);
    await writeFile(join(dir, 'index.html'), '<title>app</title>');
    await writeFile(join(root, 'secret.txt'), 'not for the page');
    try {
      const page = await answerAppRequest(dir, 'app://renderer/index.html');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      expect(await page.text()).toBe('<title>app</title>');
      for (const url of ['app://renderer/%E0%A4%A', 'app://renderer/a%00b']) {
        const refused = await answerAppRequest(dir, url);
        expect(refused.status, url).toBe(400);
        expect(refused.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      }
      for (const url of [
        'app://renderer/../secret.txt',
        'app://renderer/..%2fsecret.txt',
        'app://renderer/%2e%2e/secret.txt',
      ]) {
        const answer = await answerAppRequest(dir, url);
        expect(answer.status, url).not.toBe(200);
        expect(await answer.text()).not.toContain('not for the page');
      }
      expect((await answerAppRequest(dir, 'app://other/index.html')).status).toBe(404);
      expect((await answerAppRequest(dir, 'app://renderer/missing.js')).status).toBe(404);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('accepts calls only from its own app:// renderer', () => {
    expect(isTrustedSenderUrl('app://renderer/index.html', rendererUrl)).toBe(true);
    expect(isTrustedSenderUrl('app://renderer/other.html#x', rendererUrl)).toBe(true);
    expect(isTrustedSenderUrl('app://evil/index.html', rendererUrl)).toBe(false);
    expect(isTrustedSenderUrl('file:///opt/redivis/out/renderer/index.html', rendererUrl)).toBe(false);
    expect(isTrustedSenderUrl('https://renderer/index.html', rendererUrl)).toBe(false);
    expect(isTrustedSenderUrl(undefined, rendererUrl)).toBe(false);
    expect(isTrustedSenderUrl('not a url', rendererUrl)).toBe(false);
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
    expect(csp).toBe(contentSecurityPolicy);
    // The desktop page has no WebSocket: no ws: source anywhere in the policy.
    expect(csp).not.toMatch(/ws:|wss:|\*/);
    expect(metaContentSecurityPolicy).not.toMatch(/ws:|wss:|frame-ancestors/);
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

  it('hands a dropped file to the Node side and gives the page an id, never a path', async () => {
    await import('./preload');
    const files = electron.exposed.redivisFiles as Record<string, (file: unknown) => Promise<string | null>>;
    expect(Object.keys(files)).toEqual(['register']);
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: 'id-1234-5678' } as never);
    await expect(files.register?.({ diskPath: '/home/me/survey.csv' })).resolves.toBe('id-1234-5678');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('localFiles.register', '/home/me/survey.csv');
    // A File the page made itself has no path: nothing is registered.
    electron.ipcRenderer.invoke.mockClear();
    await expect(files.register?.({})).resolves.toBeNull();
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });
});

describe('local files', () => {
  it('registers paths from the app renderer only, and never as a contract channel', async () => {
    const files = new LocalFiles('/tmp/rd-unused');
    registerLocalFileHandler(files, rendererUrl);
    expect(knownChannelNames()).not.toContain('localFiles.register');
    const register = electron.handlers.get('localFiles.register');
    const trusted = { senderFrame: { url: rendererUrl } };
    const call = (event: unknown, path: unknown) => Promise.resolve(register?.(event, path));
    const outcome = (await call(trusted, '/home/me/survey.csv')) as { ok: true; value: string };
    expect(outcome.ok).toBe(true);
    await expect(files.resolve({ kind: 'picked', fileId: outcome.value })).resolves.toEqual({
      path: '/home/me/survey.csv',
      name: 'survey.csv',
    });
    await expect(
      call({ senderFrame: { url: 'https://evil.example/' } }, '/etc/passwd'),
    ).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(call(trusted, 42)).resolves.toMatchObject({ ok: false });
    await expect(call(trusted, 'relative/path')).resolves.toMatchObject({ ok: false });
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
