import { BrowserWindow, session, type BrowserWindowConstructorOptions } from 'electron';
import { contentSecurityPolicy } from './contentSecurityPolicy';
import type { WindowState } from './windowState';

export function mainWindowOptions(state: WindowState, preloadPath: string): BrowserWindowConstructorOptions {
  return {
    ...state.bounds,
    minWidth: 640,
    minHeight: 420,
    show: false,
    title: 'Redivis Desktop',
    backgroundColor: '#1b1d21',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** Sends the CSP as a response header too, so it holds even if the meta tag were removed. */
export function installContentSecurityPolicy(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy],
      },
    });
  });
}

/**
 * The window never navigates away from the app and never opens child windows; links the
 * user clicks go to the system browser through the one safe opener.
 */
export function hardenWindow(window: BrowserWindow, openExternal: (url: string) => Promise<void>): void {
  const contents = window.webContents;
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function createMainWindow(
  state: WindowState,
  preloadPath: string,
  openExternal: (url: string) => Promise<void>,
): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(state, preloadPath));
  hardenWindow(window, openExternal);
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  return window;
}
