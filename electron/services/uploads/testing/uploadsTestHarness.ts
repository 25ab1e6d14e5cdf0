import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../../emulator/src/index';
import { createPlainPorts } from '../../../web/plainPorts';
import { createServices, type Services } from '../../createServices';
import type { ChannelHandlers } from '../../host/handlers';
import { confSettings } from '../../settings/confSettings';
import type { TransferSettings } from '../transferSettings';
import { createUploadsHandlers } from '../uploadsHandlers';

export interface UploadsHarness {
  emulator: RunningEmulator;
  services: Services;
  uploads: ChannelHandlers['uploads'];
  dir: string;
  /** Writes a file into the harness's temp folder and returns its path. */
  file(name: string, content: string | Uint8Array): Promise<string>;
  /** Every row of a table, read back through a read session (JSON lines). */
  readRows(tableRef: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** Small thresholds so a few kilobytes exercise chunking, resume and polling. */
export const smallTransfers: Partial<TransferSettings> = {
  resumableThreshold: 4096,
  chunkSize: 1024,
  retryDelayMs: 10,
  pollIntervalMs: 20,
};

/** A real emulator plus the real services, signed in as demo_user with a static token. */
export async function startUploadsHarness(): Promise<UploadsHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'rd-uploads-'));
  const emulator = await startEmulator({ dataDir: join(dir, 'emulator'), largeRows: 20_000, faults: true });
  const token = await emulator.createApiToken('demo_user', ['public', 'data.data', 'data.edit']);
  const dataDir = join(dir, 'app');
  const holder: { services?: Services } = {};
  const ports = createPlainPorts({
    dataDir,
    events: () => {
      if (!holder.services) throw new Error('not ready');
      return holder.services.events;
    },
  });
  const services = createServices(
    {
      mode: 'browser',
      appVersion: 'test',
      dataDir,
      defaultApiEndpoint: emulator.apiBase,
      envApiToken: token,
    },
    ports,
    confSettings(join(dataDir, 'config')),
  );
  holder.services = services;
  const uploads = createUploadsHandlers(services.context, { settings: smallTransfers });
  const api = services.context.api;
  return {
    emulator,
    services,
    uploads,
    dir,
    async file(name, content) {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
    async readRows(tableRef) {
      const session = await api.json<{ streams: { id: string }[] }>(
        'POST',
        `/tables/${encodeURIComponent(tableRef)}/readSessions`,
        { body: { format: 'jsonl', requestedStreamCount: 1 } },
      );
      const rows: Record<string, unknown>[] = [];
      for (const stream of session.streams) {
        const response = await api.send('GET', `/readStreams/${stream.id}`);
        const text = await response.text();
        for (const line of text.split('\n'))
          if (line.trim()) rows.push(JSON.parse(line) as Record<string, unknown>);
      }
      return rows;
    },
    async close() {
      services.dispose();
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A CSV of survey answers with respondents `first`…`first+count-1`. */
export function surveyCsv(first: number, count: number): string {
  const lines = ['respondent,answer,score'];
  for (let i = 0; i < count; i++) lines.push(`${first + i},"answer ${first + i}",${(i % 50) / 10}`);
  return `${lines.join('\n')}\n`;
}
