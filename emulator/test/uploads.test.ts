import { tableToIPC, tableFromArrays } from 'apache-arrow';
import { Table as WasmTable, writeParquet } from 'parquet-wasm/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function createUpload(tableRef: string, body: Record<string, unknown>): Promise<UploadJson> {
  return server.json<UploadJson>('POST', `/tables/${tableRef}/uploads`, { json: body });
}

describe('uploads', () => {
  it('accepts the small multipart form and lists the upload and its variables', async () => {
    const tableRef = await createDraftTable(server, 'multipart_rows');
    const form = new FormData();
    form.append(
      'metadata',
      JSON.stringify({ name: 'people.ndjson', metadata: { age: { label: 'Age in years' } } }),
    );
    form.append('data', new Blob(['{"name":"Ann","age":31}\n{"name":"Bo","age":null}\n']), 'people.ndjson');
    const res = await fetch(`${server.emulator.apiBase}/tables/${tableRef}/uploads`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}` },
      body: form,
    });
    expect(res.status).toBe(200);
    const created = (await res.json()) as UploadJson;
    const done = await waitForUpload(server, created.uri);
    expect(done).toMatchObject({ status: 'completed', numRows: 2, type: 'ndjson' });
    const list = await server.json<{ kind: string; results: UploadJson[]; nextPageToken: null }>(
      'GET',
      `/tables/${tableRef}/uploads`,
    );
    expect(list.kind).toBe('uploadList');
    expect(list.results.map((u) => u.name)).toEqual(['people.ndjson']);
    expect(list.nextPageToken).toBeNull();
    const vars = await server.json<{ results: { name: string; type: string; label: string | null }[] }>(
      'GET',
      `${done.uri}/variables`,
    );
    expect(vars.results.map((v) => [v.name, v.type, v.label])).toEqual([
      ['name', 'string', null],
      ['age', 'integer', 'Age in years'],
    ]);
    const rows = (await readAllStreams(server, done.uri)).flatMap(rowsOf);
    expect(rows).toEqual([
      { name: 'Ann', age: 31n },
      { name: 'Bo', age: null },
    ]);
  });

  it('parses Parquet and Arrow uploads from temp uploads', async () => {
    const tableRef = await createDraftTable(server, 'columnar_rows');
    const table = tableFromArrays({ n: Int32Array.from([1, 2, 3]), x: Float64Array.from([0.5, 1.5, 2.5]) });
    const parquet = writeParquet(WasmTable.fromIPCStream(tableToIPC(table, 'stream')));
    const pqId = await plainTempUpload(server, tableRef, 'a.parquet', parquet);
    const arrowId = await plainTempUpload(server, tableRef, 'b.arrow', tableToIPC(table, 'file'));
    const a = await waitForUpload(server, (await createUpload(tableRef, { tempUploadId: pqId })).uri);
    const b = await waitForUpload(server, (await createUpload(tableRef, { tempUploadId: arrowId })).uri);
    expect([a.status, a.numRows, b.status, b.numRows]).toEqual(['completed', 3, 'completed', 3]);
    const tables = await readAllStreams(server, `/tables/${tableRef}`);
    const rows = tables.flatMap(rowsOf);
    expect(rows).toHaveLength(6);
    expect(rows.slice(0, 3)).toEqual([
      { n: 1n, x: 0.5 },
      { n: 2n, x: 1.5 },
      { n: 3n, x: 2.5 },
    ]);
  });

  it('counts skipped bad records, or fails naming the line', async () => {
    const tableRef = await createDraftTable(server, 'bad_records');
    const csv = 'a;b\n1;2\n3;4;5\n6;7\n';
    const failing = await createUpload(tableRef, {
      name: 'strict.csv',
      tempUploadId: await plainTempUpload(server, tableRef, 'strict.csv', csv),
    });
    const failed = await waitForUpload(server, failing.uri);
    expect(failed.status).toBe('failed');
    expect(failed.errorMessage).toMatch(/Line 3: expected 2 values but found 3/);
    const lenient = await createUpload(tableRef, {
      name: 'lenient.csv',
      skipBadRecords: true,
      tempUploadId: await plainTempUpload(server, tableRef, 'lenient.csv', csv),
    });
    const ok = await waitForUpload(server, lenient.uri);
    expect(ok).toMatchObject({ status: 'completed', numRows: 2, badRecordsCount: 1, delimiter: ';' });
  });

  it('fails empty files and unsupported types with a clear errorMessage', async () => {
    const tableRef = await createDraftTable(server, 'bad_inputs');
    const empty = await createUpload(tableRef, {
      tempUploadId: await plainTempUpload(server, tableRef, 'empty.csv', ''),
    });
    expect((await waitForUpload(server, empty.uri)).errorMessage).toBe('The file is empty.');
    const dta = await createUpload(tableRef, {
      tempUploadId: await plainTempUpload(server, tableRef, 'data.dta', 'binary'),
    });
    const failed = await waitForUpload(server, dta.uri);
    expect(failed.status).toBe('failed');
    expect(failed.errorMessage).toMatch(/\.dta" are not supported/);
  });

  it('refuses uploads into released versions and tables the caller cannot edit', async () => {
    const released = await server.request(
      'POST',
      '/tables/demo_user.my_uploads:v1_0.survey_responses/uploads',
      {
        json: { name: 'x.csv' },
      },
    );
    expect(released.status).toBe(400);
    expect(await released.text()).toMatch(/released/);
    const foreign = await server.request('POST', '/tables/demo.iris_species.iris/uploads', {
      json: { name: 'x.csv' },
    });
    expect([403, 404]).toContain(foreign.status);
    const readOnly = await server.emulator.createApiToken('demo_user', ['public', 'data.data']);
    const noScope = await server.request(
      'POST',
      '/tables/demo_user.my_uploads:next.survey_responses/uploads',
      {
        json: { name: 'x.csv' },
        token: readOnly,
      },
    );
    expect(noScope.status).toBe(403);
    expect(((await noScope.json()) as { error: string }).error).toBe('insufficient_scope');
  });

  it('answers 409 on a name conflict unless asked to replace or rename, and deletes', async () => {
    const tableRef = await createDraftTable(server, 'conflicts');
    const first = await createUpload(tableRef, {
      name: 'same.csv',
      tempUploadId: await plainTempUpload(server, tableRef, 'same.csv', 'v\n1\n'),
    });
    await waitForUpload(server, first.uri);
    const head = await server.request('HEAD', first.uri);
    expect(head.status).toBe(200);
    const conflict = await server.request('POST', `/tables/${tableRef}/uploads`, {
      json: { name: 'same.csv', tempUploadId: await plainTempUpload(server, tableRef, 'same.csv', 'v\n2\n') },
    });
    expect(conflict.status).toBe(409);
    const renamed = await createUpload(tableRef, {
      name: 'same.csv',
      renameOnConflict: true,
      tempUploadId: await plainTempUpload(server, tableRef, 'same.csv', 'v\n3\n'),
    });
    expect(renamed.name).toBe('same_1.csv');
    const replaced = await createUpload(tableRef, {
      name: 'same.csv',
      replaceOnConflict: true,
      tempUploadId: await plainTempUpload(server, tableRef, 'same.csv', 'v\n4\n'),
    });
    await waitForUpload(server, replaced.uri);
    await waitForUpload(server, renamed.uri);
    const names = (
      await server.json<{ results: UploadJson[] }>('GET', `/tables/${tableRef}/uploads`)
    ).results.map((u) => u.name);
    expect(names.sort()).toEqual(['same.csv', 'same_1.csv']);
    const rows = (await readAllStreams(server, `/tables/${tableRef}`)).flatMap(rowsOf);
    expect(rows.map((r) => r.v).sort()).toEqual([3n, 4n]);
    const deleted = await server.request('DELETE', renamed.uri);
    expect(deleted.status).toBe(200);
    const gone = await server.request('HEAD', renamed.uri);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('x-redivis-error-payload')).toBeTruthy();
  });

  it('accepts a raw body with metadata in query parameters', async () => {
    const tableRef = await createDraftTable(server, 'raw_body');
    const res = await server.request(
      'POST',
      `/tables/${tableRef}/uploads?name=q.txt&type=delimited&delimiter=%7C&hasHeaderRow=false&nullMarkers=NA`,
      { body: 'x|1\ny|NA\n', headers: { 'Content-Type': 'text/csv' } },
    );
    expect(res.status).toBe(200);
    const done = await waitForUpload(server, ((await res.json()) as UploadJson).uri);
    expect(done).toMatchObject({ status: 'completed', numRows: 2, hasHeaderRow: false, delimiter: '|' });
    const rows = (await readAllStreams(server, done.uri)).flatMap(rowsOf);
    expect(rows).toEqual([
      { var1: 'x', var2: 1n },
      { var1: 'y', var2: null },
    ]);
  });

  it('merges upload rows with inherited rows according to uploadMergeStrategy', async () => {
    const tableRef = 'demo_user.my_uploads:next.survey_responses';
    const numRows = async () =>
      (await server.json<{ numRows: number }>('GET', `/tables/${tableRef}`)).numRows;
    const inherited = await numRows();
    expect(inherited).toBeGreaterThan(0);
    const upload = await createUpload(tableRef, {
      name: 'more_responses.csv',
      tempUploadId: await plainTempUpload(
        server,
        tableRef,
        'more_responses.csv',
        'extra_note\nhello\nworld\n',
      ),
    });
    expect((await waitForUpload(server, upload.uri)).status).toBe('completed');
    expect(await numRows()).toBe(inherited + 2);
    const variables = await server.json<{ results: { name: string }[] }>(
      'GET',
      `/tables/${tableRef}/variables`,
    );
    expect(variables.results.map((v) => v.name)).toContain('extra_note');
    await server.json('PATCH', `/tables/${tableRef}`, { json: { uploadMergeStrategy: 'replace' } });
    expect(await numRows()).toBe(2);
  });

  it('appends rows to a stream upload', async () => {
    const tableRef = await createDraftTable(server, 'streamed');
    const upload = await createUpload(tableRef, {
      name: 'live',
      type: 'stream',
      schema: [
        { name: 'id', type: 'integer' },
        { name: 'at', type: 'dateTime' },
      ],
    });
    expect(upload.status).toBe('completed');
    const insert = (rows: unknown[]) =>
      server.json<{ insertedRows: number; numRows: number }>('POST', `${upload.uri}/rows`, {
        json: { rows },
      });
    expect(await insert([{ id: 1, at: '2024-05-01T10:00:00.000' }])).toMatchObject({
      insertedRows: 1,
      numRows: 1,
    });
    expect(await insert([{ id: 2 }, { ID: 3, at: null }])).toMatchObject({ insertedRows: 2, numRows: 3 });
    // Concurrent inserts are applied one after another; none is lost.
    await Promise.all([10, 11, 12, 13].map((id) => insert([{ id }])));
    const bad = await server.request('POST', `${upload.uri}/rows`, { json: { rows: [{ id: 'x' }] } });
    expect(bad.status).toBe(400);
    const rows = (await readAllStreams(server, upload.uri)).flatMap(rowsOf);
    expect(rows.slice(0, 3)).toEqual([
      { id: 1n, at: Date.UTC(2024, 4, 1, 10) },
      { id: 2n, at: null },
      { id: 3n, at: null },
    ]);
    expect(
      rows
        .slice(3)
        .map((r) => r.id)
        .sort(),
    ).toEqual([10n, 11n, 12n, 13n]);
  });
});
