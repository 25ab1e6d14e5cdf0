import type { ChannelHandlers } from '../host/handlers';
import type { ServiceContext } from '../serviceContext';
import { describeTable } from './describeTable';
import { PreviewService } from './previewService';
import { PreviewSettings } from './previewSettings';

export function createPreviewHandlers(
  context: ServiceContext,
  service = new PreviewService({ api: context.api, events: context.events }),
): ChannelHandlers['preview'] {
  const settings = new PreviewSettings(context.settings);
  context.events.onClientGone((clientId) => void service.cancelClient(clientId));
  return {
    start: (params, { clientId }) => service.start(params, clientId),
    cancel: ({ previewId }, { clientId }) => service.cancel(previewId, clientId),
    describe: ({ tableRef }) => describeTable(context.api, tableRef),
    getOptions: () => settings.options(),
    setOptions: (options) => settings.setOptions(options),
    loadView: ({ tableRef }) => settings.loadView(tableRef),
    saveView: ({ tableRef, view }) => settings.saveView(tableRef, view),
  };
}
