import { create } from 'zustand';
import type { QueryRun, QueryTab } from '../../../shared/contract/queryModel';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';

const terminal = new Set(['completed', 'failed', 'cancelled']);
const SAVE_DELAY_MS = 400;

export interface NewTab {
  sql?: string;
  defaultDataset?: string;
  title?: string;
  fileName?: string;
}

interface QueriesState {
  tabs: QueryTab[];
  activeId?: string;
  /** The latest run of each tab, by tab id. */
  runs: Record<string, QueryRun | undefined>;
  loaded: boolean;
  load(): Promise<void>;
  open(tab: NewTab): string;
  close(id: string): void;
  activate(id: string): void;
  edit(id: string, change: Partial<Omit<QueryTab, 'id'>>): void;
  run(id: string, sql: string): Promise<void>;
  cancel(id: string): void;
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
let pendingOpens: NewTab[] = [];

function titleOf(tab: NewTab, count: number): string {
  if (tab.title) return tab.title;
  if (tab.fileName) return tab.fileName.replace(/\.sql$/i, '');
  return `Query ${count}`;
}

/**
 * The workbench's tabs and runs. Tabs (with unsaved text) are kept by the Node side across
 * restarts; runs are followed through `queries.updated` events.
 */
export const useQueries = create<QueriesState>((set, get) => {
  const persist = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      const { tabs, activeId } = get();
      void client()
        .queries.saveTabs({ tabs, activeId })
        .catch(() => undefined);
    }, SAVE_DELAY_MS);
  };
  const addTab = (tab: NewTab): string => {
    const id = `tab-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
    set((state) => ({
      tabs: [
        ...state.tabs,
        {
          id,
          title: titleOf(tab, state.tabs.length + 1),
          sql: tab.sql ?? '',
          defaultDataset: tab.defaultDataset,
          fileName: tab.fileName,
        },
      ],
      activeId: id,
    }));
    persist();
    return id;
  };
  return {
    tabs: [],
    runs: {},
    loaded: false,
    async load() {
      if (get().loaded) return;
      const saved = await client()
        .queries.loadTabs()
        .catch(() => ({ tabs: [] as QueryTab[], activeId: undefined }));
      set((state) => ({
        tabs: [...saved.tabs, ...state.tabs.filter((t) => !saved.tabs.some((s) => s.id === t.id))],
        activeId: state.activeId ?? saved.activeId ?? saved.tabs[0]?.id,
        loaded: true,
      }));
      const opens = pendingOpens;
      pendingOpens = [];
      for (const tab of opens) addTab(tab);
      if (get().tabs.length === 0) addTab({});
    },
    open(tab) {
      return addTab(tab);
    },
    close(id) {
      get().cancel(id);
      set((state) => {
        const at = state.tabs.findIndex((t) => t.id === id);
        const tabs = state.tabs.filter((t) => t.id !== id);
        const activeId =
          state.activeId === id ? (tabs[Math.min(at, tabs.length - 1)]?.id ?? undefined) : state.activeId;
        const runs = { ...state.runs };
        delete runs[id];
        return { tabs, activeId, runs };
      });
      persist();
    },
    activate(id) {
      set({ activeId: id });
      persist();
    },
    edit(id, change) {
      set((state) => ({ tabs: state.tabs.map((t) => (t.id === id ? { ...t, ...change } : t)) }));
      persist();
    },
    async run(id, sql) {
      const tab = get().tabs.find((t) => t.id === id);
      if (!tab || !sql.trim()) return;
      get().cancel(id);
      const runId = `${id}-${Date.now().toString(36)}`;
      set((state) => ({
        runs: { ...state.runs, [id]: { runId, status: 'submitting', startedAt: Date.now() } },
      }));
      const off = client().on('queries.updated', (run) => {
        if (run.runId !== runId) return;
        set((state) => (state.runs[id]?.runId === runId ? { runs: { ...state.runs, [id]: run } } : state));
        if (run.status === 'completed' && run.queryId) get().edit(id, { lastQueryId: run.queryId });
        if (terminal.has(run.status)) off();
      });
      try {
        await client().queries.run({ runId, sql, defaultDataset: tab.defaultDataset });
      } catch (failure) {
        off();
        set((state) =>
          state.runs[id]?.runId === runId
            ? {
                runs: {
                  ...state.runs,
                  [id]: {
                    runId,
                    status: 'failed',
                    startedAt: Date.now(),
                    finishedAt: Date.now(),
                    error: toAppError(failure),
                  },
                },
              }
            : state,
        );
      }
    },
    cancel(id) {
      const run = get().runs[id];
      if (run && !terminal.has(run.status))
        void client()
          .queries.cancel({ runId: run.runId })
          .catch(() => undefined);
    },
  };
});

/** Opens a tab from anywhere (a table page, the sidebar, a dropped file), before or after loading. */
export function openQueryTab(tab: NewTab): void {
  const store = useQueries.getState();
  if (store.loaded) store.open(tab);
  else pendingOpens.push(tab);
}
