import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createServices, type Services } from '../services/createServices';
import type { EventBus } from '../services/host/eventBus';
import { confSettings } from '../services/settings/confSettings';
import { startBrowserServer, type BrowserServer, type LocalRoute } from './browserServer';
import { fileContentRoutes } from './fileContentRoute';
import { createPlainPorts } from './plainPorts';
import type { SystemOpener } from './systemOpener';

export interface BrowserAppOptions {
  /** Settings, secrets and caches. */
  dataDir: string;
  /** The built renderer. */
  staticDir: string;
  apiEndpoint?: string;
  apiToken?: string;
  demoApiEndpoint?: string;
  downloadDir?: string;
  /** How finished files are opened or shown (the system's handler by default). */
  opener?: SystemOpener;
  port?: number;
  appVersion?: string;
  localRoutes?: (services: Services) => Record<string, LocalRoute>;
}

export interface BrowserApp {
  url: string;
  server: BrowserServer;
  services: Services;
  close(): Promise<void>;
}

/** The whole app without Electron: services plus the loopback server. Used by npm start and e2e. */
export async function startBrowserApp(options: BrowserAppOptions): Promise<BrowserApp> {
  await mkdir(options.dataDir, { recursive: true });
  const bus: { current?: EventBus } = {};
  const ports = createPlainPorts({
    dataDir: options.dataDir,
    downloadDir: options.downloadDir,
    opener: options.opener,
    extraOrigins: () =>
      [options.apiEndpoint, options.demoApiEndpoint]
        .filter((u): u is string => Boolean(u))
        .map((u) => new URL(u).origin),
    events: () => {
      if (!bus.current) throw new Error('Services are not ready yet.');
      return bus.current;
    },
  });
  const services = createServices(
    {
      mode: 'browser',
      appVersion: options.appVersion ?? '0.1.0',
      dataDir: options.dataDir,
      defaultApiEndpoint: options.apiEndpoint ?? 'https://redivis.com/api/v1',
      envApiToken: options.apiToken,
      demoApiEndpoint: options.demoApiEndpoint,
    },
    ports,
    confSettings(join(options.dataDir, 'config')),
  );
  bus.current = services.events;
  const server = await startBrowserServer({
    services,
    staticDir: options.staticDir,
    port: options.port,
    // File previews' bytes are always served; callers add their own routes (file staging).
    localRoutes: { ...fileContentRoutes(services), ...options.localRoutes?.(services) },
  });
  return {
    url: server.url,
    server,
    services,
    async close() {
      await server.close();
      services.dispose();
    },
  };
}
