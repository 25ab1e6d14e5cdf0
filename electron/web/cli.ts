import { join, resolve } from 'node:path';
import { homedir } from 'node:os';
import { parseArgs } from 'node:util';
import { startBrowserApp } from './browserApp';
import { fileStagingRoutes } from './fileStaging';

/**
 * `npm start` in browser mode: the same services and renderer as the desktop app, served on
 * 127.0.0.1. With --demo, a local Redivis emulator with demo data is started too.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      demo: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      'static-dir': { type: 'string' },
    },
  });
  const repoRoot = resolve(__dirname, '../..');
  const dataDir = values['data-dir'] ?? join(homedir(), '.redivis-desktop');
  let demoEndpoint: string | undefined;
  let stopDemo: (() => Promise<void>) | undefined;
  if (values.demo) {
    const { startDemoServer } = await import('../../emulator/demoServer');
    const demo = await startDemoServer(repoRoot);
    demoEndpoint = demo.apiBase;
    stopDemo = demo.close;
    console.log(`Local demo server (Redivis emulator): ${demo.apiBase}`);
  }
  const app = await startBrowserApp({
    dataDir,
    staticDir: values['static-dir'] ?? join(repoRoot, 'out/renderer'),
    apiEndpoint: process.env.REDIVIS_API_ENDPOINT ?? demoEndpoint,
    apiToken: process.env.REDIVIS_API_TOKEN,
    demoApiEndpoint: demoEndpoint,
    port: values.port ? Number(values.port) : undefined,
    localRoutes: fileStagingRoutes,
  });
  console.log(
    `Redivis Desktop (browser mode) is running. Open this address in your browser:\n\n  ${app.url}\n`,
  );
  console.log('Press Ctrl+C to stop.');
  const stop = async () => {
    await app.close();
    await stopDemo?.();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
