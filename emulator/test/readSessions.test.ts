import { RecordBatchReader, type RecordBatch } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, startHarness, SMALL_LARGE_ROWS, type Harness } from './emulatorHarness.js';

interface Session {
  kind: string;
  id: string;
  numRows: number;
  expiresAt: number;
  streams: {
    kind: string;
    id: string;
    estimatedRows: number;
    uploadName: string | null;
    schema: { name: string; type: string }[];
  }[];
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

async function session(ref: string, body: unknown, token?: string | null): Promise<Session> {
  const res = await h.api(`/tables/${ref}/readSessions`, { ...post(body), token });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Session;
}

async function readBatches(streamId: string, query = ''): Promise<{ batches: RecordBatch[]; res: Response }> {
  const res = await h.api(`/readStreams/${streamId}${query}`);
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { batches: RecordBatchReader.from(bytes).readAll(), res };
}

function ids(batches: RecordBatch[], column = 'id'): number[] {
  return batches.flatMap((b) => [...(b.getChild(column) ?? [])].map((v) => Number(v)));
}

describe('read sessions on released tables', () => {
  it('creates a session with the documented shape and reads Arrow with correct types', async () => {
    const s = await session('demo.types_showcase.all_types', { format: 'arrow' });
    expect(s).toMatchObject({ kind: 'readSession', numRows: 1000 });
    expect(s.expiresAt).toBeGreaterThan(Date.now() + 5 * 3600 * 1000);
    expect(s.streams).toHaveLength(1);
    expect(s.streams[0]).toMatchObject({ kind: 'readStream', estimatedRows: 1000 });
    const { batches, res } = await readBatches(s.streams[0]?.id ?? '');
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    const schema = batches[0]?.schema;
    const types = Object.fromEntries(schema?.fields.map((f) => [f.name, String(f.type)]) ?? []);
    expect(types).toMatchObject({
      id: 'Int64',
      name: 'Utf8',
      score: 'Float64',
      is_active: 'Bool',
      birth_date: 'Date32<DAY>',
      updated_at: 'Timestamp<MICROSECOND>',
      wake_time: 'Time64<MICROSECOND>',
      location: 'Utf8',
    });
    expect(ids(batches)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  });

  it('honours selectedVariables order, case-insensitively, and maxResults', async () => {
    const s = await session('demo.types_showcase.all_types', {
      selectedVariables: ['SCORE', 'id'],
      maxResults: 7,
    });
    expect(s.numRows).toBe(7);
    const { batches } = await readBatches(s.streams[0]?.id ?? '');
    expect(batches[0]?.schema.fields.map((f) => f.name)).toEqual(['score', 'id']);
    expect(ids(batches)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('rejects unknown variables and malformed bodies', async () => {
    const unknown = await h.api(
      '/tables/demo.iris_species.iris/readSessions',
      post({ selectedVariables: ['nope'] }),
    );
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: 'invalid_request' });
    const badJson = await h.api('/tables/demo.iris_species.iris/readSessions', {
      method: 'POST',
      body: '{oops',
    });
    expect(badJson.status).toBe(400);
    const badFormat = await h.api('/tables/demo.iris_species.iris/readSessions', post({ format: 'xml' }));
    expect(badFormat.status).toBe(400);
  });

  it('splits rows over at most requestedStreamCount streams', async () => {
    const s = await session('demo.large_sample.measurements', { requestedStreamCount: 3 });
    expect(s.streams.length).toBe(3);
    const all = (
      await Promise.all(s.streams.map(async (st) => ids((await readBatches(st.id)).batches)))
    ).flat();
    expect(all).toEqual(Array.from({ length: SMALL_LARGE_ROWS }, (_, i) => i + 1));
    const small = await session('demo.iris_species.iris', { requestedStreamCount: 8 });
    expect(small.streams).toHaveLength(1);
  });

  it('resumes from an offset, adds the EOS sentinel and refuses offsets beyond the stream', async () => {
    const s = await session('demo.types_showcase.all_types', {});
    const id = s.streams[0]?.id ?? '';
    const { batches } = await readBatches(id, '?offset=990&eosSentinel=true');
    expect(ids(batches)).toEqual([991, 992, 993, 994, 995, 996, 997, 998, 999, 1000]);
    expect(batches[batches.length - 1]?.numRows).toBe(0);
    const end = await readBatches(id, '?offset=1000&eosSentinel=true');
    expect(end.batches.map((b) => b.numRows)).toEqual([0]);
    const beyond = await h.api(`/readStreams/${id}?offset=1001`);
    expect(beyond.status).toBe(400);
    expect((await h.api(`/readStreams/${id}?offset=-1`)).status).toBe(400);
    expect((await h.api('/readStreams/unknownStreamId')).status).toBe(404);
  });

  it('serves jsonl and csv formats', async () => {
    const jsonl = await session('demo.iris_species.iris', { format: 'jsonl', maxResults: 2 });
    const text = await (await h.api(`/readStreams/${jsonl.streams[0]?.id}`)).text();
    const rows = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'sepal_length',
      'sepal_width',
      'petal_length',
      'petal_width',
      'species',
    ]);
    const csv = await session('demo.types_showcase.all_types', {
      format: 'csv',
      selectedVariables: ['id', 'birth_date'],
      maxResults: 3,
    });
    const csvText = await (await h.api(`/readStreams/${csv.streams[0]?.id}`)).text();
    const lines = csvText.trim().split('\n');
    expect(lines[0]).toBe('id,birth_date');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^1,(\d{4}-\d{2}-\d{2})?$/);
  });

  it('lets only the creator read unless allowAnonymousAccess', async () => {
    const s = await session('demo.iris_species.iris', {});
    const bob = await h.emu.createApiToken('bob', ['data.data']);
    expect((await h.api(`/readStreams/${s.streams[0]?.id}`, { token: bob })).status).toBe(403);
    expect((await h.api(`/readStreams/${s.streams[0]?.id}`, { token: null })).status).toBe(401);
    const open = await session('demo.iris_species.iris', { allowAnonymousAccess: true });
    expect((await h.api(`/readStreams/${open.streams[0]?.id}`, { token: null })).status).toBe(200);
  });
});

describe('read sessions on unreleased tables and queries', () => {
  it('returns one stream per upload with its own schema', async () => {
    const s = await session('demo.types_showcase:next.all_types', { requestedStreamCount: 8 });
    expect(s.streams.map((st) => st.uploadName)).toEqual(['part_1.csv', 'part_2.csv']);
    expect(s.numRows).toBe(1000);
    const [first, second] = await Promise.all(s.streams.map((st) => readBatches(st.id)));
    const firstNames = first?.batches[0]?.schema.fields.map((f) => f.name) ?? [];
    const secondNames = second?.batches[0]?.schema.fields.map((f) => f.name) ?? [];
    expect(firstNames).not.toContain('extra_note');
    expect(secondNames).toContain('extra_note');
    expect([...ids(first?.batches ?? []), ...ids(second?.batches ?? [])]).toEqual(
      Array.from({ length: 1000 }, (_, i) => i + 1),
    );
  });

  it('warns when an unreleased version is read', async () => {
    const res = await h.api('/tables/demo.types_showcase:next.all_types');
    expect(res.headers.get('x-redivis-warning')).toMatch(/unreleased/);
  });

  it('runs a minimal SELECT query and reads its results', async () => {
    const res = await h.api('/queries', post({ query: 'SELECT * FROM `demo.iris_species.iris` LIMIT 5' }));
    expect(res.status).toBe(200);
    const q = (await res.json()) as {
      id: string;
      status: string;
      outputNumRows: number;
      outputSchema: unknown[];
    };
    expect(q).toMatchObject({ status: 'completed', outputNumRows: 5 });
    expect(q.outputSchema).toHaveLength(5);
    expect((await h.json(`/queries/${q.id}`)).status).toBe('completed');
    const s = (await h.json(`/queries/${q.id}/readSessions`, post({}))) as unknown as Session;
    const { batches } = await readBatches(s.streams[0]?.id ?? '');
    expect(batches.reduce((n, b) => n + b.numRows, 0)).toBe(5);
  });

  it('lists rows with /rows in every format', async () => {
    const arrow = await h.api(
      '/tables/demo.iris_species.iris/rows?format=arrow&maxResults=10&selectedVariables=species',
    );
    const batches = RecordBatchReader.from(new Uint8Array(await arrow.arrayBuffer())).readAll();
    expect(batches.reduce((n, b) => n + b.numRows, 0)).toBe(10);
    expect(batches[0]?.schema.fields.map((f) => f.name)).toEqual(['species']);
    const csv = await (await h.api('/tables/demo.iris_species.iris/rows?format=csv')).text();
    expect(csv.trim().split('\n')).toHaveLength(151);
    expect((await h.api('/tables/demo.iris_species.iris/rows?format=xml')).status).toBe(400);
  });
});

describe('session expiry', () => {
  it('refuses streams of an expired session', async () => {
    const short = await startHarness({ readSessionTtlSeconds: 0 });
    try {
      const res = await short.api('/tables/demo.iris_species.iris/readSessions', post({}));
      const s = (await res.json()) as Session;
      const read = await short.api(`/readStreams/${s.streams[0]?.id}`);
      expect(read.status).toBe(404);
      expect(await read.json()).toMatchObject({ error: 'read_session_expired' });
    } finally {
      await short.stop();
    }
  });
});
