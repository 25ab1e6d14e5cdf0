import { app, BrowserWindow, screen, session } from 'electron';
import ElectronStore from 'electron-store';
import { join } from 'node:path';
import { createServices, type Services } from '../services/createServices';
import { installAppMenu } from './appMenu';
import { appRendererUrl, registerAppScheme, serveAppScheme, serveFileScheme } from './appProtocol';
import { createElectronPorts } from './electronPorts';
import {
  attachWindowEvents,
  dragIcon,
  registerFileDragHandler,
  registerIpcHandlers,
  registerLocalFileHandler,
  watchWindowClient,
} from './ipcTransport';
import { createMainWindow, installContentSecurityPolicy } from './mainWindow';
import { openExternalSafely } from './openExternal';
import { createSafeStorageSecrets } from './safeStorageSecrets';
import { denyAllPermissions, guardAllWebContents } from './webContentsGuard';
import { keepWindowState, restoreWindowState } from './windowState';

const DEFAULT_API = 'https://redivis.com/api/v1';

/** The desktop app's lifecycle: one instance, one main window, services behind IPC. */
function main(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  const apiEndpoint = process.env.REDIVIS_API_ENDPOINT ?? DEFAULT_API;
  const extraOrigins = () => [new URL(apiEndpoint).origin];
  // Before any window exists, so no webContents escapes the rules.
  guardAllWebContents(app, (url) => openExternalSafely(url, extraOrigins()));

  let openWindow: ((route?: string) => BrowserWindow) | undefined;
  const liveWindow = () => BrowserWindow.getAllWindows().find((w) => !w.isDestroyed());
  app.on('second-instance', () => {
    const window = liveWindow() ?? openWindow?.();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  // macOS keeps the app running with no window; clicking the dock icon brings one back.
  app.on('activate', () => {
    if (!liveWindow()) openWindow?.();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    const store = new ElectronStore<Record<string, unknown>>({ name: 'settings' });
    const secretsStore = new ElectronStore<Record<string, unknown>>({ name: 'secrets' });
    const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? appRendererUrl;
    serveAppScheme(join(__dirname, '../renderer'));
    denyAllPermissions(session.defaultSession);
    const ports = createElectronPorts(createSafeStorageSecrets(secretsStore), extraOrigins, (route) => {
      openWindow?.(route);
    });
    const services: Services = createServices(
      {
        mode: 'electron',
        appVersion: app.getVersion(),
        dataDir: app.getPath('userData'),
        defaultApiEndpoint: apiEndpoint,
        envApiToken: process.env.REDIVIS_API_TOKEN,
        demoApiEndpoint: process.env.REDIVIS_DEMO_ENDPOINT,
      },
      ports,
      { get: (k) => store.get(k), set: (k, v) => store.set(k, v), delete: (k) => store.delete(k) },
    );
    serveFileScheme(services.context.files.content);
    installContentSecurityPolicy();
    installAppMenu(process.platform, 'Redivis Desktop');
    registerIpcHandlers(services.handlers, rendererUrl);
    registerLocalFileHandler(services.context.localFiles, rendererUrl);
    registerFileDragHandler(services.context.files.drag, rendererUrl, dragIcon);
    attachWindowEvents(services.events, () => BrowserWindow.getAllWindows().map((w) => w.webContents));

    openWindow = (route) => {
      const state = restoreWindowState(
        store.get('window'),
        screen.getAllDisplays().map((d) => d.workArea),
      );
      const window = createMainWindow(state, join(__dirname, '../preload/index.js'));
      watchWindowClient(window.webContents, services.events);
      keepWindowState(window, (saved) => store.set('window', saved));
      // The route was checked by the contract (`#/…`); it only picks the page of the same renderer.
      void window.loadURL(route ? `${rendererUrl}${route}` : rendererUrl);
      return window;
    };
    openWindow();
    app.on('before-quit', () => services.dispose());
  });
}

main();
