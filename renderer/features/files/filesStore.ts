import { create } from 'zustand';

/** What the user is looking at in one table's Files view (view parameters only, never files). */
export interface FilesViewState {
  folder: string;
  query: string;
  /** The file shown in the preview pane. */
  open: string | null;
  /** Files ticked for download. */
  selected: string[];
}

const initial: FilesViewState = { folder: '', query: '', open: null, selected: [] };

interface FilesStore {
  views: Record<string, FilesViewState>;
  update(tableRef: string, change: Partial<FilesViewState>): void;
  toggleSelected(tableRef: string, fileId: string): void;
}

export const useFilesStore = create<FilesStore>((set) => ({
  views: {},
  update: (tableRef, change) =>
    set((state) => ({
      views: { ...state.views, [tableRef]: { ...initial, ...state.views[tableRef], ...change } },
    })),
  toggleSelected: (tableRef, fileId) =>
    set((state) => {
      const view = { ...initial, ...state.views[tableRef] };
      const selected = view.selected.includes(fileId)
        ? view.selected.filter((id) => id !== fileId)
        : [...view.selected, fileId];
      return { views: { ...state.views, [tableRef]: { ...view, selected } } };
    }),
}));

export function useFilesView(tableRef: string): FilesViewState {
  return useFilesStore((state) => state.views[tableRef]) ?? initial;
}
