import { create } from 'zustand';

/** Where the user is. References are Redivis references (`owner.dataset:v1_0.table`). */
export type Route =
  | { kind: 'home' }
  | { kind: 'owner'; owner: string; ownerKind: 'organization' | 'user' }
  | { kind: 'dataset'; datasetRef: string }
  | { kind: 'workflow'; workflowRef: string }
  | { kind: 'table'; tableRef: string }
  | { kind: 'queries' }
  | { kind: 'settings' };

interface NavigationState {
  current: Route;
  back: Route[];
  forward: Route[];
  go(route: Route): void;
  goBack(): void;
  goForward(): void;
  /** Back to the start with no history, e.g. after switching accounts. */
  reset(): void;
  /** Replaces the untouched start page (no history yet) with another first page. */
  land(route: Route): void;
  /** Shows another page in place of this one, without a history entry (the page moved). */
  replace(route: Route): void;
  /** Puts back the history of this window from before a reload. */
  restore(history: { current: Route; back: Route[]; forward: Route[] }): void;
}

/** A stable string for a route: React keys and per-page view state use it. */
export function routeKey(route: Route): string {
  switch (route.kind) {
    case 'home':
      return 'home';
    case 'owner':
      return `owner:${route.ownerKind}:${route.owner}`;
    case 'dataset':
      return `dataset:${route.datasetRef}`;
    case 'workflow':
      return `workflow:${route.workflowRef}`;
    case 'table':
      return `table:${route.tableRef}`;
    case 'queries':
      return 'queries';
    case 'settings':
      return 'settings';
  }
}

/** Navigation with browser-like back and forward; holds view parameters only, never data. */
export const useNavigation = create<NavigationState>((set) => ({
  current: { kind: 'home' },
  back: [],
  forward: [],
  go: (route) =>
    set((state) =>
      JSON.stringify(route) === JSON.stringify(state.current)
        ? state
        : { current: route, back: [...state.back, state.current].slice(-100), forward: [] },
    ),
  goBack: () =>
    set((state) => {
      const previous = state.back.at(-1);
      if (!previous) return state;
      return { current: previous, back: state.back.slice(0, -1), forward: [state.current, ...state.forward] };
    }),
  goForward: () =>
    set((state) => {
      const [next, ...rest] = state.forward;
      if (!next) return state;
      return { current: next, back: [...state.back, state.current], forward: rest };
    }),
  reset: () => set({ current: { kind: 'home' }, back: [], forward: [] }),
  replace: (route) => set({ current: route }),
  restore: ({ current, back, forward }) =>
    set({ current, back: back.slice(-100), forward: forward.slice(0, 100) }),
  land: (route) =>
    set((state) =>
      state.current.kind === 'home' && state.back.length === 0 && state.forward.length === 0
        ? { current: route }
        : state,
    ),
}));
