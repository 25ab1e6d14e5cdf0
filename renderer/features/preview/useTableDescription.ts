import { useEffect, useState } from 'react';
import type { PreviewColumn } from '../../../shared/contract/previewModel';
import { client } from '../../ui/client';

export interface TableDescription {
  numRows?: number;
  columns: PreviewColumn[];
}

/**
 * The table's variables and size. Failing is fine here (overview-only access hides variables):
 * the grid then falls back to the columns of the loaded rows, and the preview says why rows fail.
 */
export function useTableDescription(tableRef: string): TableDescription | null | undefined {
  const [loaded, setLoaded] = useState<{ tableRef: string; description: TableDescription | null }>();
  useEffect(() => {
    let active = true;
    client()
      .preview.describe({ tableRef })
      .then((description) => {
        if (active) setLoaded({ tableRef, description });
      })
      // null: known to be unavailable (undefined is still loading).
      .catch(() => active && setLoaded({ tableRef, description: null }));
    return () => {
      active = false;
    };
  }, [tableRef]);
  return loaded?.tableRef === tableRef ? loaded.description : undefined;
}
