import type { ChannelHandlers } from '../host/handlers';
import type { ServiceConfig } from '../serviceContext';
import type { Ports } from '../ports';
import type { SettingsStore } from '../settings/settingsStore';
import type { EventBus } from '../host/eventBus';
import type { SessionService } from './sessionService';

export interface SessionDeps {
  config: ServiceConfig;
  ports: Ports;
  settings: SettingsStore;
  events: EventBus;
}

/** Signed-in state; for now only the REDIVIS_API_TOKEN path. */
export function createSessionService(deps: SessionDeps): {
  service: SessionService;
  handlers: ChannelHandlers['session'];
} {
  const service: SessionService = {
    apiBase: () => deps.config.demoApiEndpoint ?? deps.config.defaultApiEndpoint,
    accessToken: async () => deps.config.envApiToken,
    refreshAfterUnauthorized: async () => false,
    dispose: () => undefined,
  };
  return { service, handlers: {} };
}
