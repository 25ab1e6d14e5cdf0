import { useEffect } from 'react';
import { routeKey, useNavigation } from './navigationStore';
import { ReferenceBar } from './ReferenceBar';
import { NewQueryButton } from './QueryActions';

/** Alt+Left / Alt+Right go back and forward, as in a browser. */
function useHistoryKeys(): void {
  const goBack = useNavigation((state) => state.goBack);
  const goForward = useNavigation((state) => state.goForward);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) return;
      if (event.key === 'ArrowLeft') goBack();
      else if (event.key === 'ArrowRight') goForward();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [goBack, goForward]);
}

/** Back, forward and the reference bar above every catalog page. */
export function CatalogToolbar() {
  const canGoBack = useNavigation((state) => state.back.length > 0);
  const canGoForward = useNavigation((state) => state.forward.length > 0);
  const goBack = useNavigation((state) => state.goBack);
  const goForward = useNavigation((state) => state.goForward);
  const currentKey = useNavigation((state) => routeKey(state.current));
  useHistoryKeys();
  return (
    <div className="catalog-toolbar">
      <button type="button" aria-label="Back" title="Back (Alt+Left)" disabled={!canGoBack} onClick={goBack}>
        ←
      </button>
      <button
        type="button"
        aria-label="Forward"
        title="Forward (Alt+Right)"
        disabled={!canGoForward}
        onClick={goForward}
      >
        →
      </button>
      {/* A new page starts with a clean bar: an error about the last input no longer applies. */}
      <ReferenceBar key={currentKey} />
      <NewQueryButton />
    </div>
  );
}
