import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CatalogPage } from '../../../shared/contract/catalogModel';
import type { AppError } from '../../../shared/contract/errors';
import { toAppError } from '../../ui/errorText';

interface ListState<T> {
  /** Which list this is; a new key is a different list and starts empty. */
  key: string;
  items: T[];
  nextPageToken: string | null;
  phase: 'first' | 'idle' | 'more' | 'error';
  error?: AppError;
}

export interface PagedList<T> {
  items: T[];
  /** Loading the first page (and nothing to show yet). */
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  error?: AppError;
  loadMore: () => void;
  reload: () => void;
}

/**
 * A server list loaded page by page (`nextPageToken`), for incremental loading as the user
 * scrolls. A failed page keeps what was already loaded and can be retried with `loadMore`.
 * Reloading the same list (`reload`, or a new `refresh` value) keeps the items on screen until
 * the fresh first page replaces them, so a refresh never flashes an empty list.
 */
export function usePagedList<T>(
  key: string,
  fetchPage: (pageToken: string | null) => Promise<CatalogPage<T>>,
  refresh = 0,
): PagedList<T> {
  const [attempt, setAttempt] = useState(0);
  const token = `${key}\u0000${attempt}\u0000${refresh}`;
  const [state, setState] = useState<ListState<T>>({
    key: '',
    items: [],
    nextPageToken: null,
    phase: 'first',
  });
  const busy = useRef(false);
  /** The load the view waits for now; answers for an older one are dropped. */
  const latest = useRef('');
  // The latest fetcher without re-running effects when the caller passes a new closure.
  const fetchRef = useRef(fetchPage);
  useLayoutEffect(() => {
    fetchRef.current = fetchPage;
  });

  const load = useCallback((pageToken: string | null, forKey: string, forToken: string) => {
    busy.current = true;
    fetchRef.current(pageToken).then(
      (page) => {
        if (forToken !== latest.current) return;
        busy.current = false;
        setState((previous) => ({
          key: forKey,
          items: pageToken === null ? page.items : [...previous.items, ...page.items],
          nextPageToken: page.nextPageToken,
          phase: 'idle',
        }));
      },
      (error: unknown) => {
        if (forToken !== latest.current) return;
        busy.current = false;
        const appError = toAppError(error);
        if (appError.code === 'cancelled') return;
        setState((previous) => ({
          ...(previous.key === forKey ? previous : { items: [], nextPageToken: null }),
          key: forKey,
          phase: 'error',
          error: appError,
        }));
      },
    );
  }, []);

  useEffect(() => {
    latest.current = token;
    busy.current = false;
    load(null, key, token);
  }, [key, token, load]);

  const current = state.key === key ? state : undefined;
  const loadMore = useCallback(() => {
    if (!current || busy.current || !current.nextPageToken) return;
    setState({ ...current, phase: 'more', error: undefined });
    load(current.nextPageToken, key, token);
  }, [current, load, key, token]);

  return {
    items: current?.items ?? [],
    loading: !current || current.phase === 'first',
    loadingMore: current?.phase === 'more',
    hasMore: Boolean(current?.nextPageToken),
    error: current?.error,
    loadMore,
    reload: useCallback(() => {
      // After a failed first page there is nothing to keep: show loading again.
      setState((previous) =>
        previous.phase === 'error' && previous.items.length === 0
          ? { ...previous, phase: 'first' }
          : previous,
      );
      setAttempt((n) => n + 1);
    }, []),
  };
}
