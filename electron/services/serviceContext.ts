import type { FilesService } from './files/filesService';
import type { EventBus } from './host/eventBus';
import type { JobQueue } from './jobs/jobQueue';
import type { Ports } from './ports';
import type { RedivisApiClient } from './redivis/apiClient';
import type { SessionService } from './session/sessionService';
import type { SettingsStore } from './settings/settingsStore';
import type { LocalFiles } from './uploads/localFiles';

export interface ServiceConfig {
  mode: 'electron' | 'browser';
  appVersion: string;
  /** Where per-user caches and job scratch files go. */
  dataDir: string;
  /** The API base the app starts with (REDIVIS_API_ENDPOINT, or https://redivis.com/api/v1). */
  defaultApiEndpoint: string;
  /** A token from REDIVIS_API_TOKEN, used instead of interactive sign-in. */
  envApiToken?: string;
  /** The local demo server, when `npm run demo` started one. */
  demoApiEndpoint?: string;
}

/** Everything a domain's services may use. Built once by createServices. */
export interface ServiceContext {
  config: ServiceConfig;
  ports: Ports;
  settings: SettingsStore;
  events: EventBus;
  session: SessionService;
  api: RedivisApiClient;
  jobs: JobQueue;
  /** Files the user handed the app (dropped, picked or staged), by opaque id. */
  localFiles: LocalFiles;
  /** Files of file-index tables: listings, previews, downloads. */
  files: FilesService;
}
