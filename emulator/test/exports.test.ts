import { tableFromIPC, type Table } from 'apache-arrow';
import { parse } from 'csv-parse/sync';
import { readParquet } from 'parquet-wasm/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './uploadsTestClient.js';

const IRIS = '/tables/demo.iris_species.iris';
let server: TestServer;
let reference: Record<string, unknown>[];

interface ExportJson {
  id: string;
  uri: string;
  status: string;
  format: string;
  fileCount: number | null;
  size: number | null;
  percentCompleted: number;
  table: { name: string } | null;
}

beforeAll(async () => {
  server = await startTestServer({ exportPartMaxRows: 40 });
  // The reference rows come from /rows?format=jsonl, which formats values like the exports do.
  const res = await server.request('GET', `${IRIS}/rows?format=jsonl&maxResults=1000`);
  reference = (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
});
afterAll(async () => {
  await server?.close();
});

async function runExport(body: Record<string, unknown>): Promise<ExportJson> {
  const created = await server.json<ExportJson>('POST', `${IRIS}/exports`, { json: body });
  expect(created.status).toBe('queued');
  for (let i = 0; i < 400; i++) {
    const current = await server.json<ExportJson>('GET', `/exports/${created.id}`);
    if (current.status === 'completed' || current.status === 'failed') return current;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('export did not finish');
}

async function downloadParts(exp: ExportJson): Promise<Buffer[]> {
  const parts: Buffer[] = [];
  for (let part = 0; part < exp.fileCount!; part++) {
    const res = await server.request('GET', `/exports/${exp.id}/download?filePart=${part}`);
    expect(res.status).toBe(200);
    parts.push(Buffer.from(await res.arrayBuffer()));
  }
  return parts;
}

describe('exports', () => {
  it('exports csv in parts whose rows equal the table rows', async () => {
    expect(reference).toHaveLength(150);
    const exp = await runExport({ format: 'csv' });
    expect(exp).toMatchObject({ status: 'completed', format: 'csv', fileCount: 4, percentCompleted: 100 });
    expect(exp.table?.name).toBe('iris');
    const parts = await downloadParts(exp);
    expect(exp.size).toBe(parts.reduce((sum, p) => sum + p.length, 0));
    const rows = parts.flatMap(
      (p) =>
        parse(p, { columns: true, cast: (value) => (value === '' ? null : value) }) as Record<
          string,
          unknown
        >[],
    );
    const asText = reference.map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : String(v)])),
    );
    expect(rows).toEqual(asText);
  });

  it('exports ndjson with selected variables and maxResults', async () => {
    const exp = await runExport({
      format: 'ndjson',
      selectedVariables: ['SPECIES', 'sepal_length'],
      maxResults: 50,
    });
    expect(exp.fileCount).toBe(2);
    const rows = (await downloadParts(exp))
      .flatMap((p) => p.toString('utf8').split('\n').filter(Boolean))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toEqual(
      reference.slice(0, 50).map((r) => ({ species: r.species, sepal_length: r.sepal_length })),
    );
  });

  it('exports parquet readable back into the same values', async () => {
    const exp = await runExport({ format: 'parquet' });
    const parts = await downloadParts(exp);
    const tables: Table[] = parts.map((p) => tableFromIPC(readParquet(new Uint8Array(p)).intoIPCStream()));
    const rows = tables.flatMap((t) => t.toArray().map((r) => r.toJSON() as Record<string, unknown>));
    expect(rows).toEqual(reference);
  });

  it('keeps every type exact across part boundaries that split stored batches', async () => {
    const table = '/tables/demo.types_showcase.all_types';
    const res = await server.request('GET', `${table}/rows?format=jsonl&maxResults=5000`);
    const expected = (await res.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(expected.length).toBe(1000);
    const created = await server.json<ExportJson>('POST', `${table}/exports`, { json: { format: 'ndjson' } });
    let exp = created;
    while (exp.status !== 'completed' && exp.status !== 'failed') {
      await new Promise((resolve) => setTimeout(resolve, 25));
      exp = await server.json<ExportJson>('GET', `/exports/${created.id}`);
    }
    expect(exp.fileCount).toBe(25);
    const rows = (await downloadParts(exp))
      .flatMap((p) => p.toString('utf8').split('\n').filter(Boolean))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toEqual(expected);
  });

  it('exports an unreleased table whose uploads have different schemas', async () => {
    const table = '/tables/demo.types_showcase:next.all_types';
    const res = await server.request('GET', `${table}/rows?format=jsonl&maxResults=5000`);
    expect(res.status).toBe(200);
    const expected = (await res.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const created = await server.json<ExportJson>('POST', `${table}/exports`, { json: { format: 'ndjson' } });
    let exp = created;
    while (exp.status !== 'completed' && exp.status !== 'failed') {
      await new Promise((resolve) => setTimeout(resolve, 25));
      exp = await server.json<ExportJson>('GET', `/exports/${created.id}`);
    }
    const rows = (await downloadParts(exp))
      .flatMap((p) => p.toString('utf8').split('\n').filter(Boolean))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(expected);
  });

  it('serves download ranges with Content-Disposition', async () => {
    const exp = await runExport({ format: 'csv', maxResults: 10 });
    expect(exp.fileCount).toBe(1);
    const full = await server.request('GET', `/exports/${exp.id}/download`);
    const body = Buffer.from(await full.arrayBuffer());
    expect(full.headers.get('content-disposition')).toContain('filename="iris.csv"');
    const part = await server.request('GET', `/exports/${exp.id}/download?filePart=0`, {
      headers: { Range: 'bytes=5-24' },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 5-24/${body.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(body.subarray(5, 25))).toBe(true);
    const badPart = await server.request('GET', `/exports/${exp.id}/download?filePart=3`);
    expect(badPart.status).toBe(400);
  });

  it('refuses formats this server cannot write, unknown variables and foreign exports', async () => {
    const dta = await server.request('POST', `${IRIS}/exports`, { json: { format: 'dta' } });
    expect(dta.status).toBe(400);
    const error = (await dta.json()) as { error: string; error_description: string };
    expect(error.error_description).toMatch(/cannot produce dta exports/);
    const unknown = await server.request('POST', `${IRIS}/exports`, {
      json: { format: 'csv', selectedVariables: ['nope'] },
    });
    expect(unknown.status).toBe(400);
    const metadataOnly = await server.request('POST', '/tables/demo.restricted_metadata.records/exports', {
      json: { format: 'csv' },
    });
    expect(metadataOnly.status).toBe(403);
    const hidden = await server.request('POST', '/tables/demo.private_hidden.records/exports', {
      json: { format: 'csv' },
    });
    expect(hidden.status).toBe(404);
    const exp = await runExport({ format: 'csv', maxResults: 1 });
    const other = await server.emulator.createApiToken('alice', ['public', 'data.data']);
    const foreign = await server.request('GET', `/exports/${exp.id}`, { token: other });
    expect(foreign.status).toBe(404);
  });
});
