import { create } from 'zustand';

/**
 * View parameters of the catalog (never the data): what the user typed into the filters.
 * Filters are kept per page so going back restores them.
 */
interface CatalogViewState {
  /** Filter text per list, keyed by the page's route (`owner:demo`, `variables:<tableRef>`). */
  filters: Record<string, string>;
  setFilter(key: string, text: string): void;
  /** The variable whose details are open on a table page, per table. */
  openVariable: Record<string, string | undefined>;
  setOpenVariable(tableRef: string, name: string | undefined): void;
}

export const useCatalogView = create<CatalogViewState>((set) => ({
  filters: {},
  setFilter: (key, text) => set((state) => ({ filters: { ...state.filters, [key]: text } })),
  openVariable: {},
  setOpenVariable: (tableRef, name) =>
    set((state) => ({ openVariable: { ...state.openVariable, [tableRef]: name } })),
}));

/** Case-insensitive match on any of the given texts. */
export function matchesFilter(filter: string, ...texts: (string | undefined)[]): boolean {
  const wanted = filter.trim().toLowerCase();
  if (!wanted) return true;
  return texts.some((text) => text?.toLowerCase().includes(wanted));
}
