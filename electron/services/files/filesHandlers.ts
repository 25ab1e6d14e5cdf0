import type { ChannelHandlers } from '../host/handlers';
import type { ServiceContext } from '../serviceContext';

/** The files domain's channels, served by the files service. */
export function createFilesHandlers(context: ServiceContext): ChannelHandlers['files'] {
  const { files } = context;
  return {
    list: ({ tableRef, refresh }) => files.listings.list(tableRef, { refresh }),
    content: ({ tableRef, fileId }) => files.contentOf(tableRef, fileId),
    readText: ({ tableRef, fileId }) => files.readText(tableRef, fileId),
    readTable: ({ tableRef, fileId }) => files.readTable(tableRef, fileId),
    download: (request) => files.download(request),
    prepareDrag: async ({ tableRef, fileId }) => {
      await files.drag.prepare(tableRef, fileId);
    },
  };
}
