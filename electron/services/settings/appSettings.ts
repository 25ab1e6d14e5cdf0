import {
  DEFAULT_CONCURRENT_JOBS,
  appSettingsSchema,
  type AppSettings,
  type SettingsUpdate,
} from '../../../shared/contract/settingsChannels';
import { PreviewSettings } from '../preview/previewSettings';
import type { SettingsStore } from './settingsStore';
import { usableFolder } from './usableFolder';

const THEME_KEY = 'app.theme';
const EXPORT_FOLDER_KEY = 'exports.defaultFolder';
const CONCURRENCY_KEY = 'jobs.concurrency';

/**
 * The settings page's values. Each lives where the part that uses it reads it: the row cap is
 * the preview's own option (the toolbar's Row limit edits the same value), the others have a
 * key each. A stored value that no longer parses falls back to its default.
 */
export class AppSettingsStore {
  private readonly preview: PreviewSettings;

  constructor(private readonly store: SettingsStore) {
    this.preview = new PreviewSettings(store);
  }

  get(): AppSettings {
    const shape = appSettingsSchema.shape;
    const theme = shape.theme.safeParse(this.store.get(THEME_KEY));
    const folder = this.store.get(EXPORT_FOLDER_KEY);
    return {
      rowCap: this.preview.options().rowCap,
      theme: theme.success ? theme.data : 'system',
      exportFolder: typeof folder === 'string' && folder ? folder : null,
      concurrentJobs: this.concurrentJobs(),
    };
  }

  concurrentJobs(): number {
    const parsed = appSettingsSchema.shape.concurrentJobs.safeParse(this.store.get(CONCURRENCY_KEY));
    return parsed.success ? parsed.data : DEFAULT_CONCURRENT_JOBS;
  }

  /** Applies a (schema-checked) change; a folder is checked on disk first, so nothing changes if it is unusable. */
  async update(change: SettingsUpdate): Promise<AppSettings> {
    const folder = change.exportFolder ? await usableFolder(change.exportFolder) : change.exportFolder;
    if (change.rowCap !== undefined)
      this.preview.setOptions({ ...this.preview.options(), rowCap: change.rowCap });
    if (change.theme !== undefined) this.store.set(THEME_KEY, change.theme);
    if (folder === null) this.store.delete(EXPORT_FOLDER_KEY);
    else if (folder !== undefined) this.store.set(EXPORT_FOLDER_KEY, folder);
    if (change.concurrentJobs !== undefined) this.store.set(CONCURRENCY_KEY, change.concurrentJobs);
    return this.get();
  }
}
