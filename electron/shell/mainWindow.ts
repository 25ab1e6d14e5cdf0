import { BrowserWindow, session, type BrowserWindowConstructorOptions } from 'electron';
import { contentSecurityPolicy } from '../../shared/contentSecurityPolicy';
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

/**
 * Adds the CSP header to http(s) responses too (the development server); `app://` responses
 * carry it from the protocol handler, and the page repeats it in its meta tag.
 */
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

/** The window; its navigation and pop-up rules come from the guard every webContents gets. */
export function createMainWindow(state: WindowState, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(state, preloadPath));
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  return window;
}
