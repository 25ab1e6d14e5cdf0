import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { RunningEmulator } from '../emulator/src/index';
import type { LoopStall } from '../electron/services/exports/testing/loopStalls';
import { idleBystander, type IdleDelay } from './idleBystander';

/**
 * One run of the export benchmark in a process of its own: a download (downloadProcess.ts,
 * bundled like the app) or a peer's conversion (exportPeers.ts), read back as the summary line
 * the process prints last.
 */
export const PEERS = ['polars-csv', 'polars-parquet', 'duckdb-csv', 'duckdb-parquet'] as const;
export type Peer = (typeof PEERS)[number];
export const isPeer = (mode: string): mode is Peer => (PEERS as readonly string[]).includes(mode);
const peerScript = join(__dirname, 'exportPeers.ts');

export interface RunSummary {
  done: number;
  bytes: number;
  ms: number;
  peakRss: number;
  loopP99Ms: number;
  loopMaxMs: number;
  stalls?: LoopStall[];
  /** When each phase of an export began, in ms from the start. */
  phases?: Record<string, number>;
  /** An idle process's event-loop delay on the same machine from the first bytes written to the end. */
  idle?: IdleDelay;
  cpuMs: number;
  systemMs: number;
}

/** Whether a program answers `--version` (curl is optional). */
export async function hasProgram(name: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(name, ['--version'], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}

/**
 * A download of `format` (or a raw read, `raw…`) by the bundled download process. An export
 * gets an idle process beside it (idleBystander.ts), watched from its first bytes to its end.
 */
export async function runChild(
  script: string,
  emulator: RunningEmulator,
  token: string,
  table: string,
  format: string,
  target: string,
  env: Record<string, string> = {},
): Promise<RunSummary> {
  const args = [script, emulator.apiBase, table, format, target, '8'];
  const childEnv = { ...env, REDIVIS_API_TOKEN: token };
  // Raw reads print no progress: nothing to watch beside them.
  if (format.startsWith('raw')) return runProcess(args, format, childEnv);
  const bystander = await idleBystander();
  let started = false;
  const run = await runProcess(args, format, childEnv, () => {
    if (!started) bystander.start();
    started = true;
  });
  const idle = await bystander.stop();
  return started ? { ...run, idle } : run;
}

/** A peer's conversion of `input` (exportPeers.ts), run through tsx. */
export function runPeer(peer: Peer, input: string, target: string): Promise<RunSummary> {
  return runProcess(['--import', 'tsx', peerScript, peer, input, target], peer);
}

/** `onProgress`: called on each progress line (the download process prints one once bytes are written). */
async function runProcess(
  args: string[],
  format: string,
  env: Record<string, string> = {},
  onProgress?: () => void,
): Promise<RunSummary> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let summary: RunSummary | undefined;
  for await (const line of createInterface({ input: child.stdout })) {
    const message = JSON.parse(line) as Partial<RunSummary>;
    if (message.done !== undefined) summary = message as RunSummary;
    else onProgress?.();
  }
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0 || !summary) throw new Error(`${format} run failed (exit ${code})`);
  return summary;
}
