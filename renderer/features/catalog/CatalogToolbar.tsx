import { useEffect } from 'react';
import { routeKey, useNavigation } from './navigationStore';
import { navigateBack, navigateForward } from './useBrowserHistory';
import { ReferenceBar } from './ReferenceBar';
import { NewQueryButton } from './QueryActions';

/** Alt+Left / Alt+Right go back and forward, and Ctrl+L (Cmd+L) goes to the reference bar, as in a browser. */
function useHistoryKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (
        (event.ctrlKey || event.metaKey) &&
        !event.altKey &&
        !event.shiftKey &&
        event.key.toLowerCase() === 'l'
      ) {
        const bar = document.querySelector<HTMLInputElement>('.reference-bar input');
        if (!bar) return;
        bar.focus();
        bar.select();
        event.preventDefault();
        return;
      }
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key === 'ArrowLeft') navigateBack();
      else if (event.key === 'ArrowRight') navigateForward();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Back, forward and the reference bar above every catalog page. */
export function CatalogToolbar() {
  const canGoBack = useNavigation((state) => state.back.length > 0);
  const canGoForward = useNavigation((state) => state.forward.length > 0);
  const currentKey = useNavigation((state) => routeKey(state.current));
  useHistoryKeys();
  return (
    <div className="catalog-toolbar">
      <button
        type="button"
        aria-label="Back"
        title="Back (Alt+Left)"
        disabled={!canGoBack}
        onClick={navigateBack}
      >
        ←
      </button>
      <button
        type="button"
        aria-label="Forward"
        title="Forward (Alt+Right)"
        disabled={!canGoForward}
        onClick={navigateForward}
      >
        →
      </button>
      {/* A new page starts with a clean bar: an error about the last input no longer applies. */}
      <ReferenceBar key={currentKey} />
      <NewQueryButton />
    </div>
  );
}
