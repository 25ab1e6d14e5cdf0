import { create } from 'zustand';
import type { AppError } from '../../../shared/contract/errors';
import type { AppSettings, SettingsUpdate } from '../../../shared/contract/settingsChannels';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';

interface SettingsState {
  /** Undefined until the Node side answered. */
  settings?: AppSettings;
  loadError?: AppError;
  load(): Promise<void>;
  /** Saves a change; rejects with the Node side's error (the stored values stay as they were). */
  update(change: SettingsUpdate): Promise<AppSettings>;
}

/** The settings page's values, as the Node side keeps them; every window follows `settings.changed`. */
export const useSettings = create<SettingsState>((set) => ({
  async load() {
    try {
      set({ settings: await client().settings.get(), loadError: undefined });
    } catch (failure) {
      set({ loadError: toAppError(failure) });
    }
  },
  async update(change) {
    const settings = await client().settings.update(change);
    set({ settings });
    return settings;
  },
}));

/** Loads the settings once and keeps them current; call once, near the root. */
export function watchSettings(): () => void {
  void useSettings.getState().load();
  return client().on('settings.changed', (settings) => useSettings.setState({ settings }));
}
