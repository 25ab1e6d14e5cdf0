/**
 * Programmatic entry point of the Redivis API emulator.
 *
 *   const emu = await startEmulator({ dataDir, port: 0 });
 *   const token = await emu.createApiToken('demo_user', ['public', 'data.data']);
 *   fetch(`${emu.apiBase}/users/me`, { headers: { Authorization: `Bearer ${token}` } });
 *   await emu.close();
 */
import type { AddressInfo } from 'node:net';
import { createOpaqueToken, normalizeScopes } from './auth/tokens.js';
import { openOrSeedStore } from './demo/templateCache.js';
import { FaultState, type FaultControl } from './faults/faultState.js';
import type { EmulatorDeps } from './http/routeModule.js';
import { SegmentRouter } from './http/router.js';
import { createHttpServer } from './http/server.js';
import { registerRoutes } from './routes/index.js';
import { allowEngine, closeEngine } from './sql/engine.js';
import { settleQueries } from './queries/queryRegistry.js';
import { settleStatistics } from './statistics/statisticsJobs.js';

export type { FaultControl, FaultSettings } from './faults/faultState.js';

export interface EmulatorOptions {
  /** 0 or undefined picks a free port. */
  port?: number;
  dataDir: string;
  faults?: boolean;
  /** Lifetime of OAuth access tokens (default 3600). */
  accessTokenTtlSeconds?: number;
  /** Rows of `demo.large_sample.measurements` when the data dir is seeded (default 1,000,000). */
  largeRows?: number;
  /** Log each request to stdout. */
  log?: boolean;
  /** Read session lifetime (default 6 h). */
  readSessionTtlSeconds?: number;
  /** Requests per caller per 60 s before 429 (default 1000). */
  rateLimitPerMinute?: number;
  /** Rows per export part file before an export is split (default 1,000,000). */
  exportPartMaxRows?: number;
}

export interface RunningEmulator {
  origin: string;
  apiBase: string;
  port: number;
  close(): Promise<void>;
  createApiToken(userName: string, scopes: string[]): Promise<string>;
  faults: FaultControl;
}

export const DEFAULT_LARGE_ROWS = 1_000_000;

export async function startEmulator(opts: EmulatorOptions): Promise<RunningEmulator> {
  allowEngine(opts.dataDir);
  const store = await openOrSeedStore(opts.dataDir, opts.largeRows ?? DEFAULT_LARGE_ROWS);
  let origin = '';
  const faults = new FaultState(opts.faults ?? false, async () => {
    await store.update((state) => {
      state.accessTokensNotBefore = Date.now() + 1;
    });
  });
  const deps: EmulatorDeps = {
    store,
    faults,
    origin: () => origin,
    apiBase: () => `${origin}/api/v1`,
    now: () => Date.now(),
    config: {
      dataDir: opts.dataDir,
      faultsEnabled: opts.faults ?? false,
      accessTokenTtlSeconds: opts.accessTokenTtlSeconds ?? 3600,
      readSessionTtlSeconds: opts.readSessionTtlSeconds ?? 6 * 3600,
      log: opts.log ?? false,
      ...(opts.exportPartMaxRows !== undefined ? { exportPartMaxRows: opts.exportPartMaxRows } : {}),
    },
  };
  const router = new SegmentRouter();
  registerRoutes(router, deps);
  const server = createHttpServer({ deps, router, rateLimitPerMinute: opts.rateLimitPerMinute ?? 1000 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    apiBase: `${origin}/api/v1`,
    port,
    faults,
    async createApiToken(userName: string, scopes: string[]): Promise<string> {
      if (!store.state.users[userName]) throw new Error(`Unknown user ${userName}`);
      return createOpaqueToken(store, 'static', userName, normalizeScopes(scopes), Date.now());
    },
    async close(): Promise<void> {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      // Running SQL is interrupted and waiting queries give up; the data directory is left
      // only when nothing writes to it any more.
      await closeEngine(opts.dataDir);
      await Promise.all([settleQueries(deps), settleStatistics(opts.dataDir)]);
      await store.persist();
    },
  };
}
