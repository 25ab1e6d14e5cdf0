import { RecordBatchReader, type RecordBatch } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measurementValue } from '../src/demo/largeTable.js';
import { post, startHarness, type Harness } from './emulatorHarness.js';

const ROWS = 1_000_000;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ largeRows: ROWS, faults: true });
}, 180_000);
afterAll(async () => {
  await h.stop();
});

interface Session {
  numRows: number;
  streams: { id: string; estimatedRows: number }[];
}

/** Reads whatever complete batches arrive, tolerating a body cut mid-message or at a boundary. */
async function readTolerant(
  res: Response,
): Promise<{ batches: RecordBatch[]; sentinel: boolean; cut: boolean }> {
  const chunks: Uint8Array[] = [];
  let cut = false;
  const reader = res.body?.getReader();
  try {
    for (;;) {
      const part = await reader?.read();
      if (!part || part.done) break;
      chunks.push(part.value);
    }
  } catch {
    cut = true;
  }
  const bytes = Buffer.concat(chunks);
  const batches: RecordBatch[] = [];
  try {
    for (const batch of RecordBatchReader.from(bytes)) batches.push(batch);
  } catch {
    cut = true;
  }
  const last = batches[batches.length - 1];
  return { batches, sentinel: last !== undefined && last.numRows === 0, cut };
}

function addIds(batches: RecordBatch[], into: number[]): void {
  for (const batch of batches) {
    const column = batch.getChild('id');
    for (const data of column?.data ?? []) {
      const values = data.values as BigInt64Array;
      for (let i = 0; i < data.length; i++) into.push(Number(values[data.offset + i]));
    }
  }
}

describe('large table over several streams', () => {
  it('returns exactly the stored rows through 4 parallel streams', async () => {
    const s = (await h.json(
      '/tables/demo.large_sample.measurements/readSessions',
      post({ requestedStreamCount: 4 }),
    )) as unknown as Session;
    expect(s.numRows).toBe(ROWS);
    expect(s.streams).toHaveLength(4);
    const perStream = await Promise.all(
      s.streams.map(async (stream) => {
        const { batches, cut } = await readTolerant(await h.api(`/readStreams/${stream.id}`));
        expect(cut).toBe(false);
        const ids: number[] = [];
        addIds(batches, ids);
        expect(ids).toHaveLength(stream.estimatedRows);
        // Spot-check a value column against the generator's formula.
        const first = batches[0];
        const firstId = ids[0] ?? 0;
        const value = first?.getChild('value')?.get(0) as number | null;
        expect(value).toBe(measurementValue(firstId));
        return ids;
      }),
    );
    const all = perStream.flat();
    expect(all.length).toBe(ROWS);
    let sum = 0;
    for (let i = 0; i < all.length; i++) {
      if (all[i] !== i + 1) throw new Error(`row ${i} has id ${all[i]}`);
      sum += all[i] ?? 0;
    }
    expect(sum).toBe((ROWS * (ROWS + 1)) / 2);
  });

  it('resumes cut streams with offset and eosSentinel to exactly the stored rows', async () => {
    const s = (await h.json(
      '/tables/demo.large_sample.measurements/readSessions',
      post({ requestedStreamCount: 2, selectedVariables: ['id', 'category'] }),
    )) as unknown as Session;
    const all: number[] = [];
    for (const stream of s.streams) {
      await h.emu.faults.set({ cutStreams: { count: 1, afterBatches: 2 } });
      const ids: number[] = [];
      const first = await readTolerant(await h.api(`/readStreams/${stream.id}?eosSentinel=true`));
      // Cut at a message boundary: the body looks whole, only the missing sentinel tells.
      expect(first.sentinel).toBe(false);
      addIds(first.batches, ids);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.length).toBeLessThan(stream.estimatedRows);
      let attempts = 0;
      let done = false;
      while (!done && attempts < 5) {
        attempts += 1;
        const res = await h.api(`/readStreams/${stream.id}?offset=${ids.length}&eosSentinel=true`);
        const next = await readTolerant(res);
        addIds(next.batches, ids);
        done = next.sentinel;
      }
      expect(done).toBe(true);
      expect(ids.length).toBe(stream.estimatedRows);
      for (const id of ids) all.push(id);
    }
    expect(all.length).toBe(ROWS);
    expect(all.every((id, i) => id === i + 1)).toBe(true);
  });

  it('cuts a stream after a byte count in the middle of a message', async () => {
    const s = (await h.json(
      '/tables/demo.large_sample.measurements/readSessions',
      post({ maxResults: 200_000 }),
    )) as unknown as Session;
    h.emu.faults.cutStreams({ count: 1, afterBytes: 5_000_003 });
    const res = await h.api(`/readStreams/${s.streams[0]?.id}`);
    const cut = await readTolerant(res);
    expect(cut.cut).toBe(true);
    const ids: number[] = [];
    addIds(cut.batches, ids);
    expect(ids.length).toBeGreaterThan(0);
    const rest = await readTolerant(await h.api(`/readStreams/${s.streams[0]?.id}?offset=${ids.length}`));
    expect(rest.cut).toBe(false);
    addIds(rest.batches, ids);
    expect(ids).toEqual(Array.from({ length: 200_000 }, (_, i) => i + 1));
  });
});
