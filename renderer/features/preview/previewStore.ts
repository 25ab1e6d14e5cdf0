import { create } from 'zustand';
import {
  DEFAULT_PREVIEW_ROW_CAP,
  emptyPreviewView,
  type PreviewView,
} from '../../../shared/contract/previewModel';
import { client } from '../../ui/client';

/** Layout changes are saved this long after the last one (a resize drag fires many). */
const SAVE_DELAY_MS = 300;

interface PreviewState {
  rowCap: number;
  /** Per-table layouts by lower-cased reference; undefined until loaded from settings. */
  views: Record<string, PreviewView | undefined>;
  loadOptions(): Promise<void>;
  setRowCap(rowCap: number): Promise<void>;
  loadView(tableRef: string): Promise<void>;
  updateView(tableRef: string, change: (view: PreviewView) => PreviewView): void;
}

const pendingSaves = new Map<string, ReturnType<typeof setTimeout>>();

export function viewKey(tableRef: string): string {
  return tableRef.trim().toLowerCase();
}

/**
 * View parameters of the preview (never rows): the row cap and each table's grid layout,
 * remembered on the Node side through the preview settings channels.
 */
export const usePreviewStore = create<PreviewState>((set, get) => ({
  rowCap: DEFAULT_PREVIEW_ROW_CAP,
  views: {},
  async loadOptions() {
    const options = await client().preview.getOptions();
    set({ rowCap: options.rowCap });
  },
  async setRowCap(rowCap) {
    set({ rowCap });
    await client().preview.setOptions({ rowCap });
  },
  async loadView(tableRef) {
    const key = viewKey(tableRef);
    if (get().views[key]) return;
    let view: PreviewView | null = null;
    try {
      view = await client().preview.loadView({ tableRef });
    } catch {
      // A layout that cannot be read is not worth an error: start with the default one.
    }
    if (!get().views[key]) set((state) => ({ views: { ...state.views, [key]: view ?? emptyPreviewView() } }));
  },
  updateView(tableRef, change) {
    const key = viewKey(tableRef);
    const view = change(get().views[key] ?? emptyPreviewView());
    set((state) => ({ views: { ...state.views, [key]: view } }));
    clearTimeout(pendingSaves.get(key));
    pendingSaves.set(
      key,
      setTimeout(() => {
        pendingSaves.delete(key);
        void client()
          .preview.saveView({ tableRef, view })
          .catch(() => undefined);
      }, SAVE_DELAY_MS),
    );
  },
}));
