import { useMemo } from 'react';
import type { PreviewColumn } from '../../../shared/contract/previewModel';

/** Lookups from the table's metadata: value labels per column (by value text) and column labels. */
export function useColumnLabels(columns: ReadonlyMap<string, PreviewColumn>) {
  const valueLabels = useMemo(() => {
    const map = new Map<string, Map<string, string>>();
    for (const column of columns.values()) {
      if (column.valueLabels?.length)
        map.set(column.name, new Map(column.valueLabels.map((v) => [v.value, v.label])));
    }
    return map;
  }, [columns]);
  const headerLabels = useMemo(
    () => new Map([...columns.values()].filter((c) => c.label).map((c) => [c.name, c.label ?? ''])),
    [columns],
  );

  return { valueLabels, headerLabels };
}
