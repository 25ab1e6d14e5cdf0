import { join } from 'node:path';
import { fail } from '../../../shared/contract/errors';
import { queryTabsSchema, type QueryRun, type QueryTabs } from '../../../shared/contract/queryModel';
import type { ChannelHandlers } from '../host/handlers';
import type { ServiceContext } from '../serviceContext';
import { QueryHistory } from './queryHistory';
import { inspectQuery } from './queryInspection';
import { runQuery } from './queryRunner';
import { SavedQueries } from './savedQueries';

const TABS_KEY = 'queries.tabs';

/** Implements the workbench's channels: runs on Redivis, history, tabs and `.sql` files here. */
export function createQueriesHandlers(context: ServiceContext): ChannelHandlers['queries'] {
  const { api, events, settings, ports } = context;
  const history = QueryHistory.in(context.config.dataDir);
  const saved = new SavedQueries(join(context.config.dataDir, 'queries'));
  const runs = new Map<string, { clientId: string; controller: AbortController }>();
  events.onClientGone((clientId) => {
    for (const run of runs.values()) if (run.clientId === clientId) run.controller.abort();
  });

  return {
    async run({ runId, sql, defaultDataset }, { clientId }) {
      runs.get(runId)?.controller.abort();
      const controller = new AbortController();
      runs.set(runId, { clientId, controller });
      let accepted: (run: QueryRun) => void = () => undefined;
      const firstAnswer = new Promise<QueryRun>((resolve) => (accepted = resolve));
      const onUpdate = (run: QueryRun) => {
        events.emit('queries.updated', run, clientId);
        if (run.status !== 'submitting') accepted(run);
        void history
          .record({
            runId,
            sql,
            defaultDataset,
            startedAt: run.startedAt,
            durationMs: run.finishedAt === undefined ? undefined : run.finishedAt - run.startedAt,
            status: run.status,
            outputNumRows: run.outputNumRows,
            queryId: run.queryId,
            errorMessage: run.error?.message,
          })
          .catch(() => undefined);
      };
      void runQuery({ api, runId, sql, defaultDataset, signal: controller.signal, onUpdate }).finally(() => {
        if (runs.get(runId)?.controller === controller) runs.delete(runId);
      });
      return firstAnswer;
    },
    cancel({ runId }, { clientId }) {
      const run = runs.get(runId);
      if (run && run.clientId === clientId) run.controller.abort();
    },
    inspect: ({ sql, defaultDataset }) => inspectQuery(api, sql, defaultDataset),
    history: ({ search, limit }) => history.list(search, limit),
    clearHistory: () => history.clear(),
    loadTabs: (): QueryTabs => {
      const parsed = queryTabsSchema.safeParse(settings.get(TABS_KEY));
      return parsed.success ? parsed.data : { tabs: [] };
    },
    saveTabs: (tabs) => settings.set(TABS_KEY, tabs),
    listSaved: async () => ({ folder: saved.folder, files: await saved.list() }),
    save: ({ fileName, sql, overwrite }) => saved.save(fileName, sql, overwrite),
    open: async ({ fileName }) => ({ sql: await saved.open(fileName) }),
    openFolder: async () => {
      await saved.list();
      await ports
        .openPath(saved.folder)
        .catch(() =>
          fail('unavailable', 'The queries folder could not be opened here.', { detail: saved.folder }),
        );
    },
  };
}
