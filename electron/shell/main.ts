import { app, BrowserWindow, screen } from 'electron';
import ElectronStore from 'electron-store';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServices } from '../services/createServices';
import { installAppMenu } from './appMenu';
import { createElectronPorts } from './electronPorts';
import { attachWindowEvents, registerIpcHandlers, watchWindowClient } from './ipcTransport';
import { createMainWindow, installContentSecurityPolicy } from './mainWindow';
import { openExternalSafely } from './openExternal';
import { createSafeStorageSecrets } from './safeStorageSecrets';
import { restoreWindowState, type WindowState } from './windowState';

const DEFAULT_API = 'https://redivis.com/api/v1';

/** The desktop app's lifecycle: one instance, one main window, services behind IPC. */
function main(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let window: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    const store = new ElectronStore<Record<string, unknown>>({ name: 'settings' });
    const secretsStore = new ElectronStore<Record<string, unknown>>({ name: 'secrets' });
    const rendererUrl =
      process.env.ELECTRON_RENDERER_URL ??
      pathToFileURL(join(__dirname, '../renderer/index.html')).toString();
    const apiEndpoint = process.env.REDIVIS_API_ENDPOINT ?? DEFAULT_API;
    const extraOrigins = () => [new URL(apiEndpoint).origin];
    const ports = createElectronPorts(createSafeStorageSecrets(secretsStore), extraOrigins);
    const services = createServices(
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
    installContentSecurityPolicy();
    installAppMenu(process.platform, 'Redivis Desktop');
    registerIpcHandlers(services.handlers, rendererUrl);
    attachWindowEvents(services.events, () => BrowserWindow.getAllWindows().map((w) => w.webContents));

    const state = restoreWindowState(
      store.get('window'),
      screen.getAllDisplays().map((d) => d.workArea),
    );
    window = createMainWindow(state, join(__dirname, '../preload/index.js'), (url) =>
      openExternalSafely(url, extraOrigins()),
    );
    watchWindowClient(window.webContents, services.events);
    const remember = () => {
      if (!window || window.isDestroyed()) return;
      const saved: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
      store.set('window', saved);
    };
    window.on('resize', remember);
    window.on('move', remember);
    window.on('close', remember);
    void window.loadURL(rendererUrl);
    app.on('before-quit', () => services.dispose());
  });
}

main();
