import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ColumnProfile } from '../../../shared/contract/previewModel';
import { ProfileLoader } from './profileLoader';

/** Profiles of the columns on screen, fetched lazily (see ProfileLoader). */
export function useColumnProfiles(tableRef: string): {
  profiles: ReadonlyMap<string, ColumnProfile>;
  onVisibleColumns(names: string[]): void;
} {
  const [profiles, setProfiles] = useState<ReadonlyMap<string, ColumnProfile>>(new Map());
  const loader = useMemo(() => {
    const created: ProfileLoader = new ProfileLoader(tableRef, () => setProfiles(new Map(created.profiles)));
    return created;
  }, [tableRef]);
  useEffect(() => loader.attach(), [loader]);
  const onVisibleColumns = useCallback((names: string[]) => loader.want(names), [loader]);
  return { profiles, onVisibleColumns };
}
