import {
  DEFAULT_PREVIEW_ROW_CAP,
  previewOptionsSchema,
  previewViewSchema,
  type PreviewOptions,
  type PreviewView,
} from '../../../shared/contract/previewModel';
import type { SettingsStore } from '../settings/settingsStore';

const OPTIONS_KEY = 'preview.options';
const VIEWS_KEY = 'preview.views';
/** Layouts of this many most recently arranged tables are kept; older ones are forgotten. */
export const MAX_REMEMBERED_VIEWS = 200;

interface StoredView {
  view: PreviewView;
  savedAt: number;
}

/** The preview's remembered choices: the row cap, and each table's grid layout. */
export class PreviewSettings {
  constructor(
    private readonly settings: SettingsStore,
    private readonly now: () => number = Date.now,
  ) {}

  options(): PreviewOptions {
    const parsed = previewOptionsSchema.safeParse(this.settings.get(OPTIONS_KEY));
    return parsed.success ? parsed.data : { rowCap: DEFAULT_PREVIEW_ROW_CAP };
  }

  setOptions(options: PreviewOptions): PreviewOptions {
    this.settings.set(OPTIONS_KEY, options);
    return options;
  }

  loadView(tableRef: string): PreviewView | null {
    const stored = this.views()[viewKey(tableRef)];
    const parsed = previewViewSchema.safeParse(stored?.view);
    return parsed.success ? parsed.data : null;
  }

  saveView(tableRef: string, view: PreviewView): void {
    const views = { ...this.views(), [viewKey(tableRef)]: { view, savedAt: this.now() } };
    const keys = Object.keys(views);
    if (keys.length > MAX_REMEMBERED_VIEWS) {
      keys
        .sort((a, b) => (views[a]?.savedAt ?? 0) - (views[b]?.savedAt ?? 0))
        .slice(0, keys.length - MAX_REMEMBERED_VIEWS)
        .forEach((key) => delete views[key]);
    }
    this.settings.set(VIEWS_KEY, views);
  }

  private views(): Record<string, StoredView> {
    const value = this.settings.get(VIEWS_KEY);
    return value && typeof value === 'object' ? (value as Record<string, StoredView>) : {};
  }
}

/** References are case-insensitive (spec 2.2), so `Demo.Iris` and `demo.iris` share a layout. */
function viewKey(tableRef: string): string {
  return tableRef.trim().toLowerCase();
}
