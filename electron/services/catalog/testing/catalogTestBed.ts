import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../../emulator/src/index';
import type { EventName } from '../../../../shared/contract';
import { createPlainPorts } from '../../../web/plainPorts';
import { createServices, type Services } from '../../createServices';
import { dispatch } from '../../host/dispatch';
import { memorySettings } from '../../settings/settingsStore';

export const allReadScopes = ['public', 'data.overview', 'data.metadata', 'data.data', 'data.edit'];

export interface CatalogTestBed {
  emulator: RunningEmulator;
  services: Services;
  /** Every event the services emitted, in order. */
  events: { name: EventName; payload: unknown }[];
  /** Calls a channel the way a window would, returning its Outcome. */
  call(name: string, params?: unknown, clientId?: string): ReturnType<typeof dispatch>;
  close(): Promise<void>;
}

/**
 * The real services against a real emulator over HTTP, signed in with a static token for
 * demo_user, for the catalog's integration tests.
 */
export async function startCatalogTestBed(
  scopes = allReadScopes,
  options: { token?: string } = {},
): Promise<CatalogTestBed> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rd-catalog-'));
  const emulator = await startEmulator({
    dataDir: join(dataDir, 'emulator'),
    largeRows: 20_000,
    faults: true,
  });
  const token = options.token ?? (await emulator.createApiToken('demo_user', scopes));
  const events: CatalogTestBed['events'] = [];
  const holder: { services?: Services } = {};
  const ports = createPlainPorts({
    dataDir: join(dataDir, 'app'),
    events: () => {
      if (!holder.services) throw new Error('not ready');
      return holder.services.events;
    },
  });
  const services = createServices(
    {
      mode: 'browser',
      appVersion: 'test',
      dataDir: join(dataDir, 'app'),
      defaultApiEndpoint: emulator.apiBase,
      envApiToken: token,
      demoApiEndpoint: emulator.apiBase,
    },
    ports,
    memorySettings(),
  );
  holder.services = services;
  services.events.attach((name, payload) => events.push({ name, payload }));
  return {
    emulator,
    services,
    events,
    call: (name, params, clientId = 'window-1') => dispatch(services.handlers, name, params, { clientId }),
    async close() {
      services.dispose();
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
