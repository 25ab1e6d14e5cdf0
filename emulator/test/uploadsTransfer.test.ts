import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index.js';
import {
  createDraftTable,
  plainTempUpload,
  readAllStreams,
  rowsOf,
  startTestServer,
  waitForUpload,
  type TestServer,
  type UploadJson,
} from './uploadsTestClient.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

function sampleCsv(rows: number): { text: string; expected: Record<string, unknown>[] } {
  const lines = ['id,label,score,day'];
  const expected: Record<string, unknown>[] = [];
  for (let i = 0; i < rows; i++) {
    const label = i % 7 === 0 ? `multi\nline "${i}"` : `item, ${i}`;
    const day = `2024-01-${String((i % 28) + 1).padStart(2, '0')}`;
    lines.push(`${i},"${label.replace(/"/g, '""')}",${i / 4},${day}`);
    expected.push({ id: BigInt(i), label, score: i / 4, day: Date.UTC(2024, 0, (i % 28) + 1) });
  }
  return { text: `${lines.join('\n')}\n`, expected };
}

async function createUpload(tableRef: string, body: Record<string, unknown>): Promise<UploadJson> {
  return server.json<UploadJson>('POST', `/tables/${tableRef}/uploads`, { json: body });
}

describe('resumable temp upload → upload → read session', () => {
  it('stores exactly the sent rows after a cut chunk is resumed via the status probe', async () => {
    const tableRef = await createDraftTable(server, 'resumable_rows');
    const { text, expected } = sampleCsv(4000);
    const bytes = Buffer.from(text);
    const total = bytes.length;
    const list = await server.json<{ kind: string; results: { id: string; url: string; size: string }[] }>(
      'POST',
      `/tables/${tableRef}/tempUploads`,
      { json: { tempUploads: [{ name: 'rows.csv', size: total, resumable: true }] } },
    );
    expect(list.kind).toBe('tempUploadList');
    const temp = list.results[0]!;
    expect(temp.size).toBe(String(total));
    expect(temp.url.startsWith(server.emulator.origin)).toBe(true);

    const start = await server.request('POST', temp.url, {
      headers: { 'x-goog-resumable': 'start', 'x-upload-content-length': String(total) },
      token: null,
    });
    expect(start.status).toBe(201);
    const session = start.headers.get('location')!;
    expect(session).toBeTruthy();

    const probe = async () =>
      server.request('PUT', session, { headers: { 'Content-Range': `bytes */${total}` }, token: null });
    const empty = await probe();
    expect(empty.status).toBe(308);
    expect(empty.headers.get('range')).toBeNull();

    const sendChunk = (from: number, to: number) =>
      server.request('PUT', session, {
        body: bytes.subarray(from, to + 1),
        headers: { 'Content-Range': `bytes ${from}-${to}/${total}` },
        token: null,
      });
    const third = Math.floor(total / 3);
    const first = await sendChunk(0, third - 1);
    expect(first.status).toBe(308);
    expect(first.headers.get('range')).toBe(`bytes=0-${third - 1}`);

    // The next chunk is cut mid-body by the server; the client sees a network error.
    server.emulator.faults.cutUploads({ count: 1, afterBytes: 10_000 });
    await expect(sendChunk(third, 2 * third - 1)).rejects.toThrow();
    const afterCut = await probe();
    expect(afterCut.status).toBe(308);
    const range = afterCut.headers.get('range')!;
    const stored = Number(/^bytes=0-(\d+)$/.exec(range)![1]) + 1;
    expect(stored).toBe(third + 10_000);

    // Gaps and overlaps are refused with a clear message and change nothing.
    const gap = await sendChunk(stored + 5, total - 1);
    expect(gap.status).toBe(400);
    expect(((await gap.json()) as { error_description: string }).error_description).toMatch(
      new RegExp(`resume at byte ${stored}`),
    );
    const overlap = await sendChunk(stored - 5, total - 1);
    expect(overlap.status).toBe(400);

    const middle = Math.floor((stored + total) / 2);
    expect((await sendChunk(stored, middle - 1)).status).toBe(308);
    const last = await sendChunk(middle, total - 1);
    expect(last.status).toBe(200);
    expect((await probe()).status).toBe(200);

    const created = await createUpload(tableRef, { name: 'rows.csv', tempUploadId: temp.id });
    expect(created.status).toBe('queued');
    const done = await waitForUpload(server, created.uri);
    expect(done).toMatchObject({ status: 'completed', numRows: 4000, delimiter: ',', hasHeaderRow: true });

    const tables = await readAllStreams(server, `/tables/${tableRef}`);
    const rows = tables.flatMap(rowsOf);
    expect(rows).toHaveLength(4000);
    expect(rows).toEqual(expected);

    const variables = await server.json<{ results: { name: string; type: string }[] }>(
      'GET',
      `/tables/${tableRef}/variables`,
    );
    expect(variables.results.map((v) => [v.name, v.type])).toEqual([
      ['id', 'integer'],
      ['label', 'string'],
      ['score', 'float'],
      ['day', 'date'],
    ]);
  });

  it('answers 404 for unknown sessions and 400 for malformed Content-Range or a wrong total', async () => {
    const tableRef = await createDraftTable(server, 'protocol_errors');
    const unknown = await server.request('PUT', `${server.emulator.origin}/upload/resumable/nosuchid`, {
      headers: { 'Content-Range': 'bytes */10' },
    });
    expect(unknown.status).toBe(404);
    const list = await server.json<{ results: { url: string }[] }>(
      'POST',
      `/tables/${tableRef}/tempUploads`,
      {
        json: { tempUploads: [{ name: 'x.csv', size: 10, resumable: true }] },
      },
    );
    const url = list.results[0]!.url;
    const malformed = await server.request('PUT', url, {
      body: 'abc',
      headers: { 'Content-Range': 'bytes 0-2' },
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toMatch(/Malformed Content-Range/);
    const wrongTotal = await server.request('PUT', url, {
      body: 'abc',
      headers: { 'Content-Range': 'bytes 0-2/11' },
    });
    expect(wrongTotal.status).toBe(400);
    const tooLong = await server.request('PUT', url, { body: 'more than ten bytes' });
    expect(tooLong.status).toBe(400);
    const notFinished = await server.request('POST', `/tables/${tableRef}/uploads`, {
      json: {
        name: 'x.csv',
        tempUploadId: (
          await server.json<{ results: { id: string }[] }>('POST', `/tables/${tableRef}/tempUploads`, {
            json: { tempUploads: [{ name: 'y.csv', size: 5 }] },
          })
        ).results[0]!.id,
      },
    });
    expect(notFinished.status).toBe(400);
    expect(await notFinished.text()).toMatch(/received 0 of 5 bytes/);
  });
});

describe('older resumableUpload protocol', () => {
  it('takes chunks at the returned url and feeds an upload created with resumableUploadId', async () => {
    const tableRef = await createDraftTable(server, 'legacy_protocol');
    const text = Buffer.from('a,b\n1,2\n3,4\n');
    const created = await server.json<{ kind: string; id: string; url: string }>(
      'POST',
      `/tables/${tableRef}/resumableUpload?size=${text.length}`,
    );
    expect(created.kind).toBe('resumableUpload');
    const put = (from: number, to: number) =>
      server.request('PUT', created.url, {
        body: text.subarray(from, to + 1),
        headers: { 'Content-Range': `bytes ${from}-${to}/${text.length}` },
      });
    expect((await put(0, 5)).status).toBe(308);
    expect((await put(6, text.length - 1)).status).toBe(200);
    const upload = await createUpload(tableRef, { name: 'legacy.csv', resumableUploadId: created.id });
    expect(await waitForUpload(server, upload.uri)).toMatchObject({ status: 'completed', numRows: 2 });
  });
});

describe('restart', () => {
  it('marks uploads interrupted by a shutdown as failed when the store is reopened', async () => {
    const own = await startTestServer();
    try {
      const tableRef = await createDraftTable(own, 'interrupted');
      const created = await own.json<UploadJson>('POST', `/tables/${tableRef}/uploads`, {
        json: { tempUploadId: await plainTempUpload(own, tableRef, 'a.csv', 'x\n1\n') },
      });
      await waitForUpload(own, created.uri);
      await own.emulator.close();
      // Simulate a process killed mid-processing: the stored upload is still running.
      const statePath = path.join(own.dataDir, 'state.json');
      const state = JSON.parse(await fs.readFile(statePath, 'utf8')) as {
        uploads: Record<string, { name: string; status: string }>;
      };
      for (const upload of Object.values(state.uploads)) {
        if (upload.name === 'a.csv') upload.status = 'running';
      }
      await fs.writeFile(statePath, JSON.stringify(state));
      const reopened = await startEmulator({ dataDir: own.dataDir, faults: true, largeRows: 2000 });
      try {
        const res = await fetch(`${reopened.apiBase}${created.uri}`, {
          headers: { Authorization: `Bearer ${own.token}` },
        });
        const upload = (await res.json()) as UploadJson;
        expect(upload.status).toBe('failed');
        expect(upload.errorMessage).toMatch(/interrupted by a server restart/);
      } finally {
        await reopened.close();
      }
    } finally {
      await fs.rm(own.dataDir, { recursive: true, force: true });
    }
  });
});
