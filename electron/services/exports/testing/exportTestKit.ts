import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../../emulator/src/index';
import { RedivisApiClient, type TokenSource } from '../../redivis/apiClient';

export interface ExportTestKit {
  emulator: RunningEmulator;
  /** A fresh folder for outputs, removed by `close`. */
  outDir: string;
  /** An API client signed in as demo_user; after a 401 it fetches a new token (a refresh). */
  api: RedivisApiClient;
  close(): Promise<void>;
}

/** An emulator in a temp folder plus a signed-in API client, for tests and benchmarks. */
export async function startExportTestKit(
  options: { largeRows?: number; exportPartMaxRows?: number } = {},
): Promise<ExportTestKit> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rd-export-emu-'));
  const outDir = await mkdtemp(join(tmpdir(), 'rd-export-out-'));
  const emulator = await startEmulator({
    dataDir,
    largeRows: options.largeRows ?? 20_000,
    faults: true,
    exportPartMaxRows: options.exportPartMaxRows,
  });
  const scopes = ['public', 'data.overview', 'data.metadata', 'data.data', 'data.edit'];
  let token = await emulator.createApiToken('demo_user', scopes);
  const tokens: TokenSource = {
    accessToken: async () => token,
    refreshAfterUnauthorized: async () => {
      token = await emulator.createApiToken('demo_user', scopes);
      return true;
    },
  };
  const api = new RedivisApiClient({ baseUrl: () => emulator.apiBase, tokens, maxAttempts: 6 });
  return {
    emulator,
    outDir,
    api,
    async close() {
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
