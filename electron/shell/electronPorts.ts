import { join } from 'node:path';
import { BrowserWindow, Notification, dialog, shell } from 'electron';
import type { Ports, SecretStore } from '../services/ports';
import { openExternalSafely } from './openExternal';

/** The OS, as Electron offers it, behind the services' ports. */
export function createElectronPorts(
  secrets: SecretStore,
  extraOrigins: () => string[],
  openWindow?: (route: string) => void,
): Ports {
  const focused = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  return {
    openExternal: (url, trustedOrigin) =>
      openExternalSafely(url, trustedOrigin ? [...extraOrigins(), trustedOrigin] : extraOrigins()),
    async chooseSavePath({ defaultName, defaultDirectory, filters }) {
      const window = focused();
      const options = {
        defaultPath: defaultDirectory ? join(defaultDirectory, defaultName) : defaultName,
        filters,
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return result.canceled ? undefined : result.filePath;
    },
    secrets,
    notify(title, body) {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    setTaskbarProgress(fraction) {
      for (const window of BrowserWindow.getAllWindows()) window.setProgressBar(fraction ?? -1);
    },
    async openPath(path) {
      const error = await shell.openPath(path);
      if (error) throw new Error(error);
    },
    showItemInFolder: async (path) => shell.showItemInFolder(path),
    openWindow: (route) => void openWindow?.(route),
  };
}
