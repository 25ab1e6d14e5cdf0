import type { Worker } from 'node:worker_threads';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RedivisApiClient, type TokenSource } from '../../redivis/apiClient';
import {
  arrowRows,
  byId,
  readCsvFile,
  readParquetWithDuckDb,
  serverArrow,
  serverRows,
} from '../testing/exportTestData';
import { failureOf } from '../testing/failureOf';
import { startExportTestKit, type ExportTestKit } from '../testing/exportTestKit';
import { downloadOnThread, prepareDownload, preparedDownloads } from './downloadThread';

// The download threads this file's downloads took, to stop one the way a crash would.
const taken = vi.hoisted(() => [] as Worker[]);
vi.mock('../threads/threadReserve', async (importOriginal) => {
  const original = await importOriginal<typeof import('../threads/threadReserve')>();
  return {
    ...original,
    takeWorker: async (...args: Parameters<typeof original.takeWorker>) => {
      const worker = await original.takeWorker(...args);
      taken.push(worker);
      return worker;
    },
  };
});

const ALL_TYPES = 'demo.types_showcase.all_types';
const MEASUREMENTS = 'demo.large_sample.measurements';
let kit: ExportTestKit;

beforeAll(async () => {
  kit = await startExportTestKit({ largeRows: 20_000 });
});
afterAll(async () => kit?.close());
afterEach(() => kit.emulator.faults.clear());

async function emptyFolder(name: string): Promise<string> {
  const folder = join(kit.outDir, name);
  await mkdir(folder);
  return folder;
}

describe('a download on its own thread', () => {
  it('takes the thread prepared for its format and writes the whole table (DuckDB reads it back)', async () => {
    await prepareDownload('parquet');
    expect(preparedDownloads('parquet')).toBe(1);
    const target = join(kit.outDir, 'all_types.parquet');
    const phases: string[] = [];
    const result = await downloadOnThread({
      api: kit.api,
      tableRef: ALL_TYPES,
      format: 'parquet',
      target,
      signal: new AbortController().signal,
      progress: ({ phase }) => void (phase && phases.push(phase)),
    });
    expect(preparedDownloads('parquet')).toBe(0);
    expect(result).toMatchObject({ path: target, rows: 1000 });
    const { rows } = await readParquetWithDuckDb(target);
    expect(byId(rows)).toEqual(byId(arrowRows(await serverArrow(kit.api, ALL_TYPES))));
    // Progress made on the thread reaches the job here, in order.
    expect(phases[0]).toBe('Preparing');
    expect(phases.slice(-3)).toEqual(['Downloading', 'Finishing', 'Done']);
  });

  it('asks this thread for every token, and uses the one a refresh made after a 401', async () => {
    const scopes = ['public', 'data.overview', 'data.metadata', 'data.data'];
    // A token the server no longer takes: the first request gets a 401.
    let token = 'revoked-token';
    const asked = { tokens: 0, refreshes: 0 };
    const tokens: TokenSource = {
      accessToken: async () => {
        asked.tokens += 1;
        return token;
      },
      refreshAfterUnauthorized: async () => {
        asked.refreshes += 1;
        token = await kit.emulator.createApiToken('demo_user', scopes);
        return true;
      },
    };
    const api = new RedivisApiClient({ baseUrl: () => kit.emulator.apiBase, tokens });
    const target = join(kit.outDir, 'measurements.csv');
    await downloadOnThread({
      api,
      tableRef: MEASUREMENTS,
      format: 'csv',
      target,
      signal: new AbortController().signal,
    });
    // The first requests go out at once (description and read session), each meeting the 401.
    expect(asked.refreshes).toBeGreaterThan(0);
    // The description, the read session and each of the 8 streams asked for a token.
    expect(asked.tokens).toBeGreaterThanOrEqual(10);
    expect(byId(await readCsvFile(target))).toEqual(byId(await serverRows(kit.api, MEASUREMENTS, 'csv')));
  });

  it("passes the server's warnings on to this thread's client", async () => {
    const warnings: { message: string; about?: string }[] = [];
    const { tokens } = kit.api.forThread();
    const api = new RedivisApiClient({
      baseUrl: () => kit.emulator.apiBase,
      tokens,
      onWarning: (message, about) => warnings.push({ message, about }),
    });
    const tableRef = 'demo_user.my_uploads:next.survey_responses';
    await downloadOnThread({
      api,
      tableRef,
      format: 'ndjson',
      target: join(kit.outDir, 'draft.ndjson'),
      signal: new AbortController().signal,
    });
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]?.message).toMatch(/unreleased version/);
    expect(warnings[0]?.about).toBe(tableRef);
  });

  it("gives the server's refusal as the same AppFailure it would be on this thread", async () => {
    const folder = await emptyFolder('refused');
    const failure = await failureOf(
      downloadOnThread({
        api: kit.api,
        tableRef: 'demo.restricted_metadata.records',
        format: 'csv',
        target: join(folder, 'restricted.csv'),
        signal: new AbortController().signal,
      }),
    );
    expect(failure.appError.code).toBe('forbidden');
    expect(failure.appError.message).toMatch(/data access/);
    expect(await readdir(folder)).toEqual([]);
  });

  it('is cancelled by the signal mid-stream and leaves nothing behind', async () => {
    const folder = await emptyFolder('cancelled');
    // The server holds the streams after their first bytes, so the download is mid-way when cancelled.
    kit.emulator.faults.holdResumedStreams(true);
    kit.emulator.faults.cutStreams({ count: 8, afterBytes: 20_000 });
    const controller = new AbortController();
    const run = downloadOnThread({
      api: kit.api,
      tableRef: MEASUREMENTS,
      format: 'csv',
      target: join(folder, 'm.csv'),
      signal: controller.signal,
      progress: (p) => {
        if ((p.rowsDone ?? 0) > 0) controller.abort();
      },
    });
    expect((await failureOf(run)).appError.code).toBe('cancelled');
    expect(await readdir(folder)).toEqual([]);
  });

  it('fails in plain words when its thread dies, and removes the partial file', async () => {
    const folder = await emptyFolder('thread-lost');
    // The server holds the streams after their first bytes, so the thread dies mid-download.
    kit.emulator.faults.holdResumedStreams(true);
    kit.emulator.faults.cutStreams({ count: 8, afterBytes: 20_000 });
    let stopped: Promise<number> | undefined;
    const run = downloadOnThread({
      api: kit.api,
      tableRef: MEASUREMENTS,
      format: 'csv',
      target: join(folder, 'm.csv'),
      signal: new AbortController().signal,
      progress: (p) => {
        if ((p.rowsDone ?? 0) > 0) stopped ??= taken.at(-1)?.terminate();
      },
    });
    const failure = await failureOf(run);
    expect(stopped).toBeDefined();
    expect(failure.appError).toMatchObject({
      code: 'internal',
      message: 'The download stopped unexpectedly, so the file was not saved.',
      action: 'retry',
    });
    expect(await readdir(folder)).toEqual([]);
  });
});
