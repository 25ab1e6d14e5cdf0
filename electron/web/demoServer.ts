import { join } from 'node:path';
import { startEmulator } from '../../emulator/src/index';

/** The local Redivis-compatible server with demo data, for trying the app without an account. */
export async function startDemoServer(
  repoRoot: string,
): Promise<{ apiBase: string; close(): Promise<void> }> {
  const emulator = await startEmulator({ dataDir: join(repoRoot, '.emulator-data'), port: 8400 });
  return { apiBase: emulator.apiBase, close: () => emulator.close() };
}
