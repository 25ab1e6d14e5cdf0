import { join } from 'node:path';
import { startEmulator } from './src/index';

/** The demo server's usual address, so its links stay the same between runs. */
export const DEMO_PORT = 8400;

function isAddressInUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE';
}

/**
 * The local Redivis-compatible server with demo data, for trying the app without an account:
 * its consent page signs in as Demo User, who belongs to the Demo Organization. Data lives in
 * `.emulator-data/` so uploads survive restarts; another free port is used when 8400 is taken.
 */
export async function startDemoServer(
  repoRoot: string,
  options: { port?: number } = {},
): Promise<{ apiBase: string; close(): Promise<void> }> {
  const dataDir = join(repoRoot, '.emulator-data');
  const port = options.port ?? DEMO_PORT;
  const emulator = await startEmulator({ dataDir, port }).catch((error: unknown) => {
    if (port !== 0 && isAddressInUse(error)) return startEmulator({ dataDir, port: 0 });
    throw error;
  });
  return { apiBase: emulator.apiBase, close: () => emulator.close() };
}
