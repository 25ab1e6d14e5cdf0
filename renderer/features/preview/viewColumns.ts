import type { PreviewView } from '../../../shared/contract/previewModel';
import type { TableView } from '../../../shared/contract/tableViewModel';

/** The whole-table view a grid layout describes: its sort, filters and chosen columns. */
export function tableViewOf(view: PreviewView): TableView {
  return { sorting: view.sorting, filters: view.filters ?? [], columns: view.selectedVariables };
}

/**
 * The columns the grid shows, in its order: the loaded ones (all, or the chosen variables),
 * arranged by the remembered column order (others keep their place after those), less the
 * hidden ones. What "export this view" writes.
 */
export function shownColumns(view: PreviewView, allNames: readonly string[]): string[] {
  const loaded = view.selectedVariables?.length ? view.selectedVariables : allNames;
  const lower = new Map(loaded.map((name) => [name.toLowerCase(), name]));
  const ordered: string[] = [];
  for (const name of view.columnOrder) {
    const found = lower.get(name.toLowerCase());
    if (found && !ordered.includes(found)) ordered.push(found);
  }
  for (const name of loaded) if (!ordered.includes(name)) ordered.push(name);
  const hidden = new Set(view.hidden.map((name) => name.toLowerCase()));
  return ordered.filter((name) => !hidden.has(name.toLowerCase()));
}
