import { useEffect } from 'react';
import { client } from '../ui/client';
import { openExternalLink } from '../ui/externalLink';
import { useSqlFileDrop } from '../features/queries/useSqlFileDrop';
import { useNavigation } from '../features/catalog/navigationStore';

const openWorkbench = () => useNavigation.getState().go({ kind: 'queries' });
import { ErrorBoundary } from './ErrorBoundary';
import { StatusBar } from './StatusBar';
import { SessionGate } from '../features/session/SessionGate';
import { AccountMenu } from '../features/session/AccountMenu';
import { CatalogSidebar } from '../features/catalog/CatalogSidebar';
import { CatalogMain } from '../features/catalog/CatalogMain';
import { CatalogToolbar } from '../features/catalog/CatalogToolbar';
import { DropOverlay } from '../features/uploads/DropOverlay';
import { UploadsPanel } from '../features/uploads/UploadsPanel';
import { useSettings, watchSettings } from '../features/settings/settingsStore';
import { useAppliedTheme } from './appliedTheme';

/** The main layout: sidebar, main pane, status bar; sign-in first when signed out. */
export function App() {
  useSqlFileDrop(openWorkbench);
  useEffect(() => watchSettings(), []);
  useAppliedTheme(useSettings((state) => state.settings?.theme));
  useSettingsShortcut();
  useEffect(() => {
    // Browser mode has no system browser of its own to hand links to: open them in a tab.
    return client().on('app.openUrl', ({ url }) =>
      openExternalLink(url, (href) => window.open(href, '_blank', 'noopener,noreferrer')),
    );
  }, []);
  return (
    <ErrorBoundary>
      <div className="app" data-app-state="ready">
        {/* The first Tab stop: past the sidebar's many entries straight to the page. */}
        <button
          type="button"
          className="skip-link"
          onClick={() => document.getElementById('main-pane')?.focus()}
        >
          Skip to the page
        </button>
        <SessionGate>
          {/*
           * In reading (and Tab) order: the reference bar, the sidebar, the page, then the status
           * bar; the skip link above jumps straight to the page.
           */}
          <div className="app-body">
            <header className="app-header">
              <ErrorBoundary>
                <CatalogToolbar />
              </ErrorBoundary>
            </header>
            <div className="workspace">
              <aside className="sidebar" aria-label="Catalog">
                <ErrorBoundary>
                  <AccountMenu />
                </ErrorBoundary>
                <ErrorBoundary>
                  <CatalogSidebar />
                </ErrorBoundary>
              </aside>
              <main className="main-pane" id="main-pane" tabIndex={-1}>
                <ErrorBoundary>
                  <CatalogMain />
                </ErrorBoundary>
              </main>
            </div>
          </div>
          <DropOverlay />
          <UploadsPanel />
        </SessionGate>
        <StatusBar />
      </div>
    </ErrorBoundary>
  );
}

/** Ctrl+, (⌘, on macOS) opens the settings page from anywhere, as in most desktop apps. */
function useSettingsShortcut(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== ',' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      useNavigation.getState().go({ kind: 'settings' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
