import { queryResultRef } from '../../../shared/contract/rowSource';
import type { ChannelHandlers } from '../host/handlers';
import type { ServiceContext } from '../serviceContext';
import { ColumnProfiles } from '../tableViews/columnProfiles';
import { ViewPages } from '../tableViews/viewPages';
import { ViewQueries } from '../tableViews/viewQueries';
import { QueryHistory } from '../queries/queryHistory';
import { describeTable } from './describeTable';
import { PreviewService } from './previewService';
import { PreviewSettings } from './previewSettings';

export function createPreviewHandlers(
  context: ServiceContext,
  views = new ViewQueries(context.api, (queryId) => defaultDatasetInHistory(context.config.dataDir, queryId)),
  service = new PreviewService({ api: context.api, events: context.events, views }),
): ChannelHandlers['preview'] {
  const settings = new PreviewSettings(context.settings);
  const pages = new ViewPages(context.api, views);
  const profiles = new ColumnProfiles(context.api, views);
  context.events.onClientGone((clientId) => void service.cancelClient(clientId));
  return {
    start: (params, { clientId }) => service.start(params, clientId),
    cancel: ({ previewId }, { clientId }) => service.cancel(previewId, clientId),
    window: ({ tableRef, view, offset, limit }) =>
      pages.page(tableRef, view, offset, limit, new AbortController().signal),
    viewResult: async ({ tableRef, view }) => {
      const result = await views.run(await views.sql(tableRef, view), new AbortController().signal);
      return { source: queryResultRef(result.queryId), numRows: result.numRows };
    },
    profile: ({ tableRef, column }) => profiles.profile(tableRef, column),
    describe: ({ tableRef }) => describeTable(context.api, tableRef),
    getOptions: () => settings.options(),
    setOptions: (options) => settings.setOptions(options),
    loadView: ({ tableRef }) => settings.loadView(tableRef),
    saveView: ({ tableRef, view }) => settings.saveView(tableRef, view),
  };
}

/** The default dataset of a query this app ran, from its local history (read afresh: it grows). */
async function defaultDatasetInHistory(dataDir: string, queryId: string): Promise<string | undefined> {
  const entries = await QueryHistory.in(dataDir).list(undefined, 1000);
  return entries.find((entry) => entry.queryId === queryId)?.defaultDataset;
}
