import { useEffect } from 'react';
import { routeKey, useNavigation, type Route } from './navigationStore';
import { hashOfRoute, routeOfHash } from './routeUrl';

/** The window title names where the user is. */
function titleOf(route: Route): string {
  const plain = (ref: string) => (ref.split('.').pop() ?? ref).split(':')[0] ?? ref;
  switch (route.kind) {
    case 'home':
      return 'Redivis Desktop';
    case 'owner':
      return `${route.owner} · Redivis Desktop`;
    case 'dataset':
      return `${plain(route.datasetRef)} · Redivis Desktop`;
    case 'workflow':
      return `${plain(route.workflowRef)} · Redivis Desktop`;
    case 'table':
      return `${plain(route.tableRef)} · Redivis Desktop`;
    case 'queries':
      return 'Queries · Redivis Desktop';
    case 'settings':
      return 'Settings · Redivis Desktop';
  }
}

const STORAGE_KEY = 'redivis.navigation';

interface SavedHistory {
  current: Route;
  back: Route[];
  forward: Route[];
}

/** The app's history as of the last change in this window (sessionStorage survives a reload only). */
function savedHistory(): SavedHistory | undefined {
  try {
    const value = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? 'null') as SavedHistory | null;
    const valid = (route: unknown) => typeof route === 'object' && route !== null && 'kind' in route;
    if (!value || !valid(value.current) || !Array.isArray(value.back) || !Array.isArray(value.forward))
      return undefined;
    if (![...value.back, ...value.forward].every(valid)) return undefined;
    return value;
  } catch {
    return undefined;
  }
}

function saveHistory({ current, back, forward }: SavedHistory): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ current, back, forward }));
  } catch {
    // Storage full or refused: a reload then starts with no back history, nothing worse.
  }
}

/** Back and forward through the window's own history, so the browser's buttons agree with the app's. */
export function navigateBack(): void {
  if (useNavigation.getState().back.length > 0) window.history.back();
}

export function navigateForward(): void {
  if (useNavigation.getState().forward.length > 0) window.history.forward();
}

/**
 * Keeps the address and the window's history in step with the app's navigation: a visit adds
 * a history entry (`#/table/…`), the browser's Back and Forward move the app, a reload starts
 * where the user was, and the title names the page.
 */
export function useBrowserHistory(): void {
  useEffect(() => {
    const start = routeOfHash(window.location.hash);
    const nav = useNavigation.getState();
    // After a reload the window's history still holds the earlier pages: so does the app.
    const saved = savedHistory();
    if (start && saved && routeKey(saved.current) === routeKey(start)) nav.restore(saved);
    else if (start && routeKey(start) !== routeKey(nav.current)) nav.replace(start);
    window.history.replaceState({ app: true }, '', hashOfRoute(useNavigation.getState().current));
    document.title = titleOf(useNavigation.getState().current);

    let fromHistory = false;
    const onPop = () => {
      const route = routeOfHash(window.location.hash) ?? { kind: 'home' as const };
      const state = useNavigation.getState();
      fromHistory = true;
      const key = routeKey(route);
      const previous = state.back.at(-1);
      const next = state.forward[0];
      if (previous && routeKey(previous) === key) state.goBack();
      else if (next && routeKey(next) === key) state.goForward();
      else if (key !== routeKey(state.current)) state.go(route);
      fromHistory = false;
    };
    window.addEventListener('popstate', onPop);
    const stop = useNavigation.subscribe((state, before) => {
      saveHistory(state);
      if (state.current === before.current) return;
      document.title = titleOf(state.current);
      if (fromHistory) return;
      const hash = hashOfRoute(state.current);
      // A visit is a new entry; a page that moved or a reset replaces the one shown.
      const visit = state.back.length === before.back.length + 1 && state.forward.length === 0;
      if (visit) window.history.pushState({ app: true }, '', hash);
      else window.history.replaceState({ app: true }, '', hash);
    });
    return () => {
      window.removeEventListener('popstate', onPop);
      stop();
    };
  }, []);
}
