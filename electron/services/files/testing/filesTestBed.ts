import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../../emulator/src/index';
import { createPlainPorts } from '../../../web/plainPorts';
import { createServices, type Services } from '../../createServices';
import { dispatch } from '../../host/dispatch';
import { memorySettings } from '../../settings/settingsStore';

export interface FilesTestBed {
  emulator: RunningEmulator;
  services: Services;
  /** Where "save as" lands (plain ports). */
  downloadDir: string;
  call(name: string, params?: unknown): ReturnType<typeof dispatch>;
  close(): Promise<void>;
}

/** The real services (browser mode) against a real emulator with faults, signed in as demo_user. */
export async function startFilesTestBed(): Promise<FilesTestBed> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rd-files-'));
  const emulator = await startEmulator({ dataDir: join(dataDir, 'emulator'), largeRows: 2000, faults: true });
  const token = await emulator.createApiToken('demo_user', ['public', 'data.metadata', 'data.data']);
  const holder: { services?: Services } = {};
  const downloadDir = join(dataDir, 'downloads');
  const ports = createPlainPorts({
    dataDir: join(dataDir, 'app'),
    downloadDir,
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
    },
    ports,
    memorySettings(),
  );
  holder.services = services;
  return {
    emulator,
    services,
    downloadDir,
    call: (name, params) => dispatch(services.handlers, name, params, { clientId: 'window-1' }),
    async close() {
      services.dispose();
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}
