import { useEffect, useState } from 'react';
import type { QueryInspection } from '../../../shared/contract/queryModel';
import { client } from '../../ui/client';

/** The tables the text names, with their sizes, looked up a moment after typing stops. */
export function useQueryInspection(
  sql: string,
  defaultDataset: string | undefined,
): QueryInspection | undefined {
  const [inspection, setInspection] = useState<QueryInspection>();
  useEffect(() => {
    if (!sql.trim()) return;
    let live = true;
    const timer = setTimeout(() => {
      client()
        .queries.inspect({ sql, defaultDataset })
        .then(
          (value) => live && setInspection(value),
          () => live && setInspection(undefined),
        );
    }, 600);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [sql, defaultDataset]);
  return sql.trim() ? inspection : undefined;
}
