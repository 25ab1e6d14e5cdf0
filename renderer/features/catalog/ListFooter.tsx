import { useEffect, useRef } from 'react';
import { ErrorPanel, Loading } from './catalogStates';
import type { PagedList } from './usePagedList';

/**
 * The end of an incrementally loaded list: loads the next page when it scrolls into view
 * (or on the button, for keyboard users), shows a failed page with a retry.
 */
export function ListFooter<T>({ list, noun }: { list: PagedList<T>; noun: string }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasMore, loadingMore, error, loadMore } = list;
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasMore || error || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) loadMore();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore, error, loadMore]);
  if (error && list.items.length > 0) return <ErrorPanel error={error} onRetry={loadMore} compact />;
  if (!hasMore) return null;
  return (
    <div ref={sentinel} className="list-footer">
      {loadingMore ? (
        <Loading label={`Loading more ${noun}…`} />
      ) : (
        <button type="button" onClick={loadMore}>
          Load more {noun}
        </button>
      )}
    </div>
  );
}
