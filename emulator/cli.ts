/**
 * Command line for the Redivis API emulator.
 *
 *   npm run emulator -- [--port 8400] [--data DIR] [--faults] [--token-ttl SECONDS] [--log]
 *                       [--large-rows N] [--rate-limit PER_MINUTE] [--session-ttl SECONDS]
 *   npm run emulator -- token --user demo_user --scopes "public data.data" [--data DIR]
 *   npm run emulator -- generate-large --rows 20000000 [--data DIR]
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from './src/index.js';
import { openOrSeedStore } from './src/demo/templateCache.js';
import { createOpaqueToken, normalizeScopes } from './src/auth/tokens.js';
import { addHugeTable } from './src/demo/hugeTable.js';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '8400' },
      data: { type: 'string', default: resolve(repoRoot, '.emulator-data') },
      faults: { type: 'boolean', default: false },
      'token-ttl': { type: 'string' },
      'large-rows': { type: 'string' },
      'rate-limit': { type: 'string' },
      'session-ttl': { type: 'string' },
      log: { type: 'boolean', default: false },
      user: { type: 'string', default: 'demo_user' },
      scopes: { type: 'string', default: 'public data.data' },
      rows: { type: 'string', default: '20000000' },
    },
  });
  const dataDir = resolve(values.data);
  const largeRows = values['large-rows'] ? Number(values['large-rows']) : undefined;
  const command = positionals[0] ?? 'serve';

  if (command === 'token') {
    const store = await openOrSeedStore(dataDir, largeRows ?? 1_000_000);
    if (!store.state.users[values.user]) fail(`Unknown user ${values.user}`);
    const scopes = normalizeScopes(values.scopes.split(/[\s,]+/));
    console.log(await createOpaqueToken(store, 'static', values.user, scopes, Date.now()));
    return;
  }

  if (command === 'generate-large') {
    const rows = Number(values.rows);
    if (!Number.isInteger(rows) || rows < 1) fail('--rows must be a positive integer');
    const store = await openOrSeedStore(dataDir, largeRows ?? 1_000_000);
    await addHugeTable(store, rows, (written) =>
      process.stdout.write(`\r${written.toLocaleString('en-US')} rows`),
    );
    process.stdout.write('\n');
    console.log(`Added demo.large_sample.huge with ${rows.toLocaleString('en-US')} rows`);
    return;
  }

  if (command !== 'serve') fail(`Unknown command ${command} (use serve, token or generate-large)`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail('--port must be a port number');
  const positive = (name: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) fail(`--${name} must be a positive integer`);
    return value;
  };
  const ttl = positive('token-ttl', values['token-ttl']);
  const rateLimit = positive('rate-limit', values['rate-limit']);
  const sessionTtl = positive('session-ttl', values['session-ttl']);
  const emulator = await startEmulator({
    port,
    dataDir,
    faults: values.faults,
    ...(ttl !== undefined ? { accessTokenTtlSeconds: ttl } : {}),
    ...(largeRows !== undefined ? { largeRows } : {}),
    ...(rateLimit !== undefined ? { rateLimitPerMinute: rateLimit } : {}),
    ...(sessionTtl !== undefined ? { readSessionTtlSeconds: sessionTtl } : {}),
    log: values.log,
  });
  console.log(`Redivis emulator listening at ${emulator.apiBase}`);
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
