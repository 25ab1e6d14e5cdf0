import { RecordBatchReader } from 'apache-arrow';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { post, startHarness, type Harness } from './emulatorHarness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ faults: true });
});
afterAll(async () => h?.stop());

it('holds a resumed read stream until the hold is lifted, and leaves fresh streams alone', async () => {
  const res = await h.api('/tables/demo.types_showcase.all_types/readSessions', post({ format: 'arrow' }));
  const session = (await res.json()) as { streams: { id: string }[] };
  const id = session.streams[0]?.id ?? '';
  await h.emu.faults.set({ holdResumedStreams: true });

  // A stream from its start is not held.
  const fresh = await h.api(`/readStreams/${id}`);
  expect(fresh.status).toBe(200);
  await fresh.arrayBuffer();

  // A resume waits: it has not answered after the fresh stream and a second request went through.
  let answered = false;
  const resumed = h.api(`/readStreams/${id}?offset=990`).then((r) => {
    answered = true;
    return r;
  });
  const other = await h.api(`/readStreams/${id}`);
  await other.arrayBuffer();
  expect(answered).toBe(false);
  expect(h.emu.faults.heldResumeOffsets()).toEqual([990]);

  await h.emu.faults.set({ holdResumedStreams: false });
  const reply = await resumed;
  expect(h.emu.faults.heldResumeOffsets()).toEqual([]);
  const batches = RecordBatchReader.from(new Uint8Array(await reply.arrayBuffer())).readAll();
  expect(batches.reduce((n, b) => n + b.numRows, 0)).toBe(10);
});
