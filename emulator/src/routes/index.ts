import type { EmulatorDeps, RouteModule, Router } from '../http/routeModule.js';
import type { RouteEntry } from '../http/router.js';
import { registerOpenApi } from './openApi.js';
import { datasetsRoutes } from './datasets.js';
import { exportsRoutes } from './exports.js';
import { faultsRoutes } from './faultsAdmin.js';
import { oauthRoutes } from './oauth/index.js';
import { organizationsRoutes } from './organizations.js';
import { queriesRoutes } from './queries.js';
import { rawFilesRoutes } from './rawFiles.js';
import { readSessionsRoutes } from './readSessions.js';
import { readStreamsRoutes } from './readStreams.js';
import { rowsRoutes } from './rows.js';
import { tablesRoutes } from './tables.js';
import { tempUploadsRoutes } from './tempUploads.js';
import { uploadsRoutes } from './uploads.js';
import { usersRoutes } from './users.js';
import { variablesRoutes } from './variables.js';
import { versionsRoutes } from './versions.js';
import { workflowsRoutes } from './workflows.js';

/** Every route module, in registration order (first match wins for equal paths). */
export const routeModules: readonly RouteModule[] = [
  usersRoutes,
  organizationsRoutes,
  versionsRoutes,
  datasetsRoutes,
  tablesRoutes,
  variablesRoutes,
  rowsRoutes,
  readSessionsRoutes,
  readStreamsRoutes,
  queriesRoutes,
  workflowsRoutes,
  uploadsRoutes,
  tempUploadsRoutes,
  rawFilesRoutes,
  exportsRoutes,
  oauthRoutes,
  faultsRoutes,
];

export function registerRoutes(router: Router & { list(): RouteEntry[] }, deps: EmulatorDeps): void {
  for (const module of routeModules) module.register(router, deps);
  registerOpenApi(router, deps, () => router.list());
}
