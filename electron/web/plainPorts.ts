import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { checkFileName } from '../services/exports/placement/exportDestinations';
import { checkExternalUrl } from '../services/externalUrl';
import type { EventBus } from '../services/host/eventBus';
import type { Ports, SecretStore } from '../services/ports';
import { systemOpener, type SystemOpener } from './systemOpener';

/**
 * Secrets in browser mode: a file only this user can read. There is no keychain to use
 * here, so the UI reports the protection as 'plain_file'.
 */
export function fileSecrets(directory: string): SecretStore {
  const file = join(directory, 'secrets.json');
  const load = async (): Promise<Record<string, string>> =>
    JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, string>;
  const save = async (values: Record<string, string>) => {
    await mkdir(directory, { recursive: true });
    await writeFile(file, JSON.stringify(values), { mode: 0o600 });
    await chmod(file, 0o600);
  };
  return {
    protection: () => 'plain_file',
    get: async (key) => (await load())[key],
    async set(key, value) {
      await save({ ...(await load()), [key]: value });
    },
    async delete(key) {
      const values = await load();
      delete values[key];
      if (Object.keys(values).length === 0) await rm(file, { force: true });
      else await save(values);
    },
  };
}

export interface PlainPortsOptions {
  dataDir: string;
  /** Where "save as" lands in browser mode, which has no native dialog. */
  downloadDir?: string;
  events: () => EventBus;
  /** Origins of the configured servers, allowed for links like the Electron shell allows them. */
  extraOrigins?: () => string[];
  /** Opens finished files with the system's handler (tests record the calls instead). */
  opener?: SystemOpener;
}

/**
 * Ports for browser mode and tests: the page opens URLs in a new tab, after the same allow-list
 * the desktop app applies; there are no native dialogs, so "save as" lands in the download folder
 * under a name that must be a plain file name (never a path that leaves that folder).
 */
export function createPlainPorts(options: PlainPortsOptions): Ports {
  const downloadDir = options.downloadDir ?? join(homedir(), 'Downloads');
  const extraOrigins = options.extraOrigins ?? (() => []);
  const opener = options.opener ?? systemOpener;
  return {
    async openExternal(url, trustedOrigin) {
      const origins = trustedOrigin ? [...extraOrigins(), trustedOrigin] : extraOrigins();
      options.events().emit('app.openUrl', { url: checkExternalUrl(url, origins).toString() });
    },
    async chooseSavePath({ defaultName, defaultDirectory }) {
      const name = checkFileName(defaultName);
      if (defaultDirectory) return join(defaultDirectory, name);
      await mkdir(downloadDir, { recursive: true });
      return join(downloadDir, name);
    },
    secrets: fileSecrets(options.dataDir),
    notify: () => undefined,
    setTaskbarProgress: () => undefined,
    openPath: (path) => opener(path, false),
    showItemInFolder: (path) => opener(path, true),
  };
}
