/**
 * A tiny HTTP client over a real emulator in a temp dir, shared by the upload, raw-file and
 * export tests.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { startEmulator } from '../src/index.js';

export type RunningTestEmulator = Awaited<ReturnType<typeof startEmulator>>;

export interface RequestOptions {
  json?: unknown;
  body?: Uint8Array | string;
  headers?: Record<string, string>;
  token?: string | null;
}

export interface TestServer {
  emulator: RunningTestEmulator;
  token: string;
  dataDir: string;
  /** Calls `apiBase + path` (or an absolute URL) with the editor's token unless overridden. */
  request(method: string, pathOrUrl: string, options?: RequestOptions): Promise<Response>;
  json<T = Record<string, unknown>>(method: string, pathOrUrl: string, options?: RequestOptions): Promise<T>;
  close(): Promise<void>;
}

export async function startTestServer(extra: { exportPartMaxRows?: number } = {}): Promise<TestServer> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'emulator-ingest-'));
  const emulator = await startEmulator({ dataDir, faults: true, largeRows: 2000, ...extra });
  const token = await emulator.createApiToken('demo_user', ['public', 'data.data', 'data.edit']);
  const request = async (method: string, pathOrUrl: string, options: RequestOptions = {}) => {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${emulator.apiBase}${pathOrUrl}`;
    const headers: Record<string, string> = { ...options.headers };
    const bearer = options.token === undefined ? token : options.token;
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    let body: Uint8Array | string | undefined = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['Content-Type'] = 'application/json';
    }
    return fetch(url, { method, headers, body });
  };
  return {
    emulator,
    token,
    dataDir,
    request,
    async json<T>(method: string, pathOrUrl: string, options?: RequestOptions): Promise<T> {
      const res = await request(method, pathOrUrl, options);
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${pathOrUrl} → ${res.status} ${text}`);
      return JSON.parse(text) as T;
    },
    async close() {
      await emulator.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates an empty table in the unreleased version of `demo_user.my_uploads`. */
export async function createDraftTable(
  server: TestServer,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  await server.json('POST', '/datasets/demo_user.my_uploads:next/tables', { json: { name, ...extra } });
  return `demo_user.my_uploads:next.${name}`;
}

/** Sends a whole file through a plain (non-resumable) temp upload and returns its id. */
export async function plainTempUpload(
  server: TestServer,
  tableRef: string,
  name: string,
  content: Uint8Array | string,
): Promise<string> {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const list = await server.json<{ results: { id: string; url: string }[] }>(
    'POST',
    `/tables/${tableRef}/tempUploads`,
    { json: { tempUploads: [{ name, size: bytes.length, resumable: false }] } },
  );
  const temp = list.results[0]!;
  const put = await server.request('PUT', temp.url, { body: bytes });
  if (put.status !== 200) throw new Error(`temp upload PUT → ${put.status} ${await put.text()}`);
  return temp.id;
}

export interface UploadJson {
  name: string;
  uri: string;
  status: string;
  errorMessage: string | null;
  numRows: number | null;
  badRecordsCount: number;
  [key: string]: unknown;
}

/** Polls an upload until it is completed or failed. */
export async function waitForUpload(server: TestServer, uri: string): Promise<UploadJson> {
  for (let i = 0; i < 400; i++) {
    const upload = await server.json<UploadJson>('GET', uri);
    if (upload.status === 'completed' || upload.status === 'failed') return upload;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Upload ${uri} did not finish`);
}

/** Reads every stream of a read session over `parentPath` and returns the Arrow tables. */
export async function readAllStreams(server: TestServer, parentPath: string): Promise<Table[]> {
  const session = await server.json<{ streams: { id: string }[] }>('POST', `${parentPath}/readSessions`, {
    json: { format: 'arrow', requestedStreamCount: 1 },
  });
  const tables: Table[] = [];
  for (const stream of session.streams) {
    const res = await server.request('GET', `/readStreams/${stream.id}`);
    if (res.status !== 200) throw new Error(`readStream → ${res.status} ${await res.text()}`);
    tables.push(tableFromIPC(new Uint8Array(await res.arrayBuffer())));
  }
  return tables;
}

export function rowsOf(table: Table): Record<string, unknown>[] {
  return table.toArray().map((row) => row.toJSON() as Record<string, unknown>);
}
