import Conf from 'conf';
import type { SettingsStore } from './settingsStore';

/** The same store electron-store writes, usable without Electron (browser mode, tests). */
export function confSettings(directory: string, name = 'settings'): SettingsStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: directory,
    configName: name,
    projectName: 'redivis-desktop',
  });
  return {
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
    delete: (key) => conf.delete(key),
  };
}
