import { join } from 'node:path';
import { fail } from '../../shared/contract/errors';
import { describeApp } from './appInfo';
import { createCatalogHandlers } from './catalog/catalogHandlers';
import { checkExternalUrl } from './externalUrl';
import { createFilesHandlers } from './files/filesHandlers';
import { FilesService } from './files/filesService';
import { EventBus } from './host/eventBus';
import type { ChannelHandlers } from './host/handlers';
import { JobQueue } from './jobs/jobQueue';
import { createJobsHandlers } from './jobs/jobsHandlers';
import type { Ports } from './ports';
import { createPreviewHandlers } from './preview/previewHandlers';
import { RedivisApiClient } from './redivis/apiClient';
import type { ServiceConfig, ServiceContext } from './serviceContext';
import { createSessionService } from './session/createSessionService';
import { AppSettingsStore } from './settings/appSettings';
import { createSettingsHandlers } from './settings/settingsHandlers';
import type { SettingsStore } from './settings/settingsStore';
import { createQueriesHandlers } from './queries/queriesHandlers';
import { LocalFiles } from './uploads/localFiles';
import { createUploadsHandlers } from './uploads/uploadsHandlers';

export interface Services {
  handlers: ChannelHandlers;
  events: EventBus;
  context: ServiceContext;
  dispose(): void;
}

/**
 * The composition root of the Node side: builds every service from the ports the host gives
 * (Electron shell or browser mode) and returns the contract's handlers.
 */
export function createServices(config: ServiceConfig, ports: Ports, settings: SettingsStore): Services {
  const events = new EventBus();
  const session = createSessionService({ config, ports, settings, events });
  const api = new RedivisApiClient({
    baseUrl: () => session.service.apiBase(),
    tokens: session.service,
    userAgent: `redivis-desktop/${config.appVersion}`,
    onWarning: (message, about) => events.emit('app.notice', { level: 'warning', message, about }),
  });
  const jobs = new JobQueue((job) => events.emit('jobs.updated', job), {
    concurrency: new AppSettingsStore(settings).concurrentJobs(),
    onFinished: (job) => {
      if (job.status === 'succeeded') ports.notify('Redivis Desktop', `${job.title}: done`);
      if (job.status === 'failed') ports.notify('Redivis Desktop', `${job.title}: failed`);
    },
  });
  const context: ServiceContext = {
    config,
    ports,
    settings,
    events,
    session: session.service,
    api,
    jobs,
    localFiles: new LocalFiles(config.dataDir),
    files: new FilesService(api, jobs, ports, config.mode, join(config.dataDir, 'file-drag-cache')),
  };
  const extraOrigins = () =>
    [config.defaultApiEndpoint, config.demoApiEndpoint, session.service.apiBase()]
      .filter((u): u is string => Boolean(u))
      .map((u) => new URL(u).origin);

  const handlers: ChannelHandlers = {
    app: {
      info: () => describeApp({ name: 'Redivis Desktop', version: config.appVersion, mode: config.mode }),
      openExternal: async ({ url }) => ports.openExternal(checkExternalUrl(url, extraOrigins()).toString()),
      openWindow: ({ route }) =>
        ports.openWindow
          ? ports.openWindow(route)
          : fail(
              'invalid_request',
              'Only the desktop app opens windows of its own; open the link in a new tab.',
            ),
    },
    session: session.handlers,
    catalog: createCatalogHandlers(context),
    preview: createPreviewHandlers(context),
    jobs: createJobsHandlers(context),
    uploads: createUploadsHandlers(context),
    queries: createQueriesHandlers(context),
    files: createFilesHandlers(context),
    settings: createSettingsHandlers(context),
  };
  return {
    handlers,
    events,
    context,
    dispose: () => {
      jobs.cancelAll();
      session.service.dispose();
    },
  };
}
