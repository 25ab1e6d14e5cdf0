import { tableFromIPC, type Table } from 'apache-arrow';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import type { EventName, EventPayload } from '../../../shared/contract';
import { AppFailure } from '../../../shared/contract/errors';
import { EventBus } from '../host/eventBus';
import { RedivisApiClient } from '../redivis/apiClient';
import { describeTable } from './describeTable';
import { PreviewService } from './previewService';

type Batch = EventPayload<'preview.batch'>;
type Ended = EventPayload<'preview.ended'>;

let emulator: RunningEmulator;
let dataDir: string;
let token = '';
const api = new RedivisApiClient({
  baseUrl: () => emulator.apiBase,
  tokens: { accessToken: async () => token, refreshAfterUnauthorized: async () => false },
});
const events = new EventBus();
const received: { event: EventName; payload: unknown; clientId?: string }[] = [];
events.attach((event, payload, clientId) => received.push({ event, payload, clientId }));
const service = new PreviewService({ api, events });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rd-preview-'));
  emulator = await startEmulator({ dataDir, largeRows: 20_000, faults: true });
  token = await emulator.createApiToken('demo_user', [
    'public',
    'data.overview',
    'data.metadata',
    'data.data',
  ]);
});
afterAll(async () => {
  await service.dispose();
  await emulator.close();
  await rm(dataDir, { recursive: true, force: true });
});
beforeEach(async () => {
  received.length = 0;
  emulator.faults.clear();
});

function batchesOf(previewId: string): Batch[] {
  return received
    .filter((r) => r.event === 'preview.batch' && (r.payload as Batch).previewId === previewId)
    .map((r) => r.payload as Batch);
}

async function ended(previewId: string): Promise<Ended> {
  for (let i = 0; i < 500; i++) {
    const hit = received.find(
      (r) => r.event === 'preview.ended' && (r.payload as Ended).previewId === previewId,
    );
    if (hit) return hit.payload as Ended;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`preview ${previewId} never ended`);
}

/** The IPC streams the events carry, a large one joined from its consecutive parts. */
function ipcStreams(batches: Batch[]): Uint8Array[] {
  const streams: Uint8Array[] = [];
  let parts: Uint8Array[] = [];
  for (const batch of batches) {
    if (!batch.part) {
      streams.push(batch.ipc);
      continue;
    }
    expect(batch.part.at).toBe(parts.reduce((sum, part) => sum + part.byteLength, 0));
    parts.push(batch.ipc);
    if (batch.part.at + batch.ipc.byteLength < batch.part.of) {
      expect(batch.rows).toBe(0);
      continue;
    }
    const joined = new Uint8Array(batch.part.of);
    parts.reduce((at, part) => (joined.set(part, at), at + part.byteLength), 0);
    streams.push(joined);
    parts = [];
  }
  expect(parts).toEqual([]);
  return streams;
}

function decode(batches: Batch[]): Table[] {
  return ipcStreams(batches).map((ipc) => tableFromIPC(ipc));
}

describe('PreviewService against the emulator', () => {
  it('streams the first rows of iris to the calling window, in Arrow', async () => {
    const { numRows } = await service.start(
      { previewId: 'p1', tableRef: 'demo.iris_species.iris', maxRows: 100_000 },
      'window-1',
    );
    expect(numRows).toBe(150);
    const end = await ended('p1');
    expect(end).toEqual({ previewId: 'p1', status: 'complete', rowsLoaded: 150 });
    const batches = batchesOf('p1');
    expect(batches[0]?.seq).toBe(0);
    expect(received.every((r) => r.clientId === 'window-1')).toBe(true);
    const [first] = decode(batches);
    expect(first?.schema.fields.map((f) => f.name)).toEqual([
      'sepal_length',
      'sepal_width',
      'petal_length',
      'petal_width',
      'species',
    ]);
    // The same first row the server's own listRows endpoint gives.
    const rows = await fetch(
      `${emulator.apiBase}/tables/demo.iris_species.iris/rows?format=jsonl&maxResults=1`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    const expected = JSON.parse((await rows.text()).split('\n')[0] ?? '{}') as Record<string, unknown>;
    expect(first?.get(0)?.toJSON()).toEqual(expected);
    expect(service.activeCount()).toBe(0);
  });

  it('respects the row cap exactly, in table order', async () => {
    await service.start(
      { previewId: 'p2', tableRef: 'demo.large_sample.measurements', maxRows: 12_345 },
      'w',
    );
    const end = await ended('p2');
    expect(end.status).toBe('complete');
    expect(end.rowsLoaded).toBe(12_345);
    const batches = batchesOf('p2');
    // More than one event's worth of bytes: the batch came in parts, rows counted on the last.
    expect(batches.some((batch) => batch.part)).toBe(true);
    expect(batches.reduce((sum, batch) => sum + batch.rows, 0)).toBe(12_345);
    const tables = decode(batches);
    const ids = tables.flatMap((t) => Array.from(t.getChild('id') ?? [], Number));
    expect(ids).toHaveLength(12_345);
    expect(ids[0]).toBe(1);
    expect(ids.every((id, i) => i === 0 || id === (ids[i - 1] ?? 0) + 1)).toBe(true);
  });

  it('keeps the order of selectedVariables', async () => {
    await service.start(
      {
        previewId: 'p3',
        tableRef: 'demo.large_sample.measurements',
        maxRows: 10,
        selectedVariables: ['is_valid', 'ID'],
      },
      'w',
    );
    await ended('p3');
    const [table] = decode(batchesOf('p3'));
    expect(table?.schema.fields.map((f) => f.name.toLowerCase())).toEqual(['is_valid', 'id']);
    expect(table?.numRows).toBe(10);
  });

  it('resumes a stream cut in the middle and still delivers exact rows', async () => {
    await emulator.faults.set({ cutStreams: { count: 1, afterBytes: 50_000 } });
    await service.start(
      { previewId: 'p4', tableRef: 'demo.large_sample.measurements', maxRows: 20_000 },
      'w',
    );
    const end = await ended('p4');
    expect(end).toMatchObject({ status: 'complete', rowsLoaded: 20_000 });
    const ids = decode(batchesOf('p4')).flatMap((t) => Array.from(t.getChild('id') ?? [], Number));
    expect(new Set(ids).size).toBe(20_000);
  });

  it('explains a 403 with the access the user has', async () => {
    const error = await service
      .start({ previewId: 'p5', tableRef: 'demo.restricted_metadata.records', maxRows: 100 }, 'w')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).appError.code).toBe('forbidden');
    expect((error as AppFailure).appError.message).toMatch(/metadata access/i);
    expect(service.activeCount()).toBe(0);
  });

  it('reports a missing table as not found', async () => {
    const error = await service
      .start({ previewId: 'p6', tableRef: 'demo.iris_species.nope', maxRows: 100 }, 'w')
      .catch((e: unknown) => e);
    expect((error as AppFailure).appError.code).toBe('not_found');
  });

  it('cancels a running preview, and only for the window that started it', async () => {
    await emulator.faults.set({ latencyMs: 300 });
    await service.start(
      { previewId: 'p7', tableRef: 'demo.large_sample.measurements', maxRows: 20_000 },
      'w',
    );
    await service.cancel('p7', 'another-window');
    expect(service.activeCount()).toBe(1);
    await service.cancel('p7', 'w');
    expect(await ended('p7')).toMatchObject({ status: 'cancelled' });
    expect(service.activeCount()).toBe(0);
  });

  it('describes the variables with labels and value labels', async () => {
    const description = await describeTable(api, 'demo.types_showcase.all_types');
    expect(description.numRows).toBe(1000);
    expect(description.columns.map((c) => c.name)).toContain('birth_date');
    expect(description.columns.some((c) => (c.valueLabels?.length ?? 0) > 0)).toBe(true);
  });
});
