import { chromium, type Browser } from '@playwright/test';
import { join } from 'node:path';

interface BuildScripts {
  buildRenderer(outDir: string): Promise<void>;
  findChromium(): Promise<string | undefined>;
}

/** The plain-JS build helpers the e2e runner uses (imported by path: they have no types). */
export async function buildScripts(): Promise<BuildScripts> {
  const scripts = join(__dirname, '../scripts');
  const { buildRenderer } = (await import(join(scripts, 'buildRenderer.mjs'))) as Pick<
    BuildScripts,
    'buildRenderer'
  >;
  const { findChromium } = (await import(join(scripts, 'findChromium.mjs'))) as Pick<
    BuildScripts,
    'findChromium'
  >;
  return { buildRenderer, findChromium };
}

/** Headless Chromium as the benchmarks drive it (no sandbox, no GPU, nothing in the background). */
export function launchBenchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
}
