import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../src/index.js';

/** Rows of the big table in most tests; the large-table test asks for 1,000,000. */
export const SMALL_LARGE_ROWS = 5000;

export interface Harness {
  emu: RunningEmulator;
  dataDir: string;
  /** Static token for demo_user with read and edit scopes. */
  token: string;
  api(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  json<T = Record<string, unknown>>(path: string, init?: RequestInit & { token?: string | null }): Promise<T>;
  stop(): Promise<void>;
}

export async function startHarness(opts: Partial<EmulatorOptions> = {}): Promise<Harness> {
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'redivis-emu-test-')));
  const emu = await startEmulator({ largeRows: SMALL_LARGE_ROWS, ...opts, dataDir });
  const token = await emu.createApiToken('demo_user', [
    'public',
    'data.data',
    'data.edit',
    'organization.read',
  ]);
  const api = (path: string, init: RequestInit & { token?: string | null } = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    const bearer = init.token === undefined ? token : init.token;
    if (bearer) headers.set('Authorization', `Bearer ${bearer}`);
    if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
    const url = path.startsWith('http') ? path : `${emu.apiBase}${path}`;
    return fetch(url, { ...init, headers });
  };
  return {
    emu,
    dataDir,
    token,
    api,
    async json<T>(path: string, init?: RequestInit & { token?: string | null }): Promise<T> {
      const res = await api(path, init);
      return (await res.json()) as T;
    },
    async stop() {
      await emu.close();
      if (!opts.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function post(body: unknown): RequestInit {
  return { method: 'POST', body: JSON.stringify(body) };
}
