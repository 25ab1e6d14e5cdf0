import type { ChannelHandlers } from '../host/handlers';
import type { ServiceContext } from '../serviceContext';
import { AppSettingsStore } from './appSettings';
import { listFolders } from './folderListing';

export function createSettingsHandlers(context: ServiceContext): ChannelHandlers['settings'] {
  const settings = new AppSettingsStore(context.settings);
  return {
    get: () => settings.get(),
    update: async (change) => {
      const next = await settings.update(change);
      // The queue follows at once: more jobs start now, or fewer start from now on.
      if (change.concurrentJobs !== undefined) context.jobs.setConcurrency(next.concurrentJobs);
      context.events.emit('settings.changed', next);
      return next;
    },
    listFolders: ({ path, showHidden }) => listFolders(path, showHidden),
  };
}
