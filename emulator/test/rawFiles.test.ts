import { createHash } from 'node:crypto';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraftTable, plainTempUpload, startTestServer, type TestServer } from './uploadsTestClient.js';

let server: TestServer;
let tableRef: string;
const content = Buffer.from(
  Array.from({ length: 5000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(''),
);
const md5 = createHash('md5').update(content).digest('base64');

interface RawFile {
  id: string;
  name: string;
  md5Hash: string;
  size: number;
  uri: string;
}

beforeAll(async () => {
  server = await startTestServer();
  tableRef = await createDraftTable(server, 'scans', { isFileIndex: true });
});
afterAll(async () => {
  await server?.close();
});

async function addFile(name: string, bytes: Buffer): Promise<RawFile> {
  const tempUploadId = await plainTempUpload(server, tableRef, name, bytes);
  const res = await server.request('POST', `/tables/${tableRef}/rawFiles`, {
    json: { files: [{ name, tempUploadId }] },
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { kind: string; results: RawFile[] };
  expect(body.kind).toBe('rawFileList');
  return body.results[0]!;
}

describe('raw files', () => {
  it('adds files and serves them with Range support and the documented headers', async () => {
    const file = await addFile('dir/notes ä.txt', content);
    expect(file).toMatchObject({ name: 'dir/notes ä.txt', md5Hash: md5, size: 5000 });
    const full = await server.request('GET', `/rawFiles/${file.id}`);
    expect(full.status).toBe(200);
    expect(Buffer.from(await full.arrayBuffer()).equals(content)).toBe(true);
    expect(full.headers.get('content-type')).toBe('text/plain');
    expect(full.headers.get('accept-ranges')).toBe('bytes');
    expect(full.headers.get('digest')).toBe(`md5=${md5}`);
    expect(full.headers.get('x-redivis-filename')).toBe(encodeURIComponent('dir/notes ä.txt'));
    expect(full.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('notes ä.txt')}`,
    );

    const part = await server.request('GET', `/rawFiles/${file.id}`, { headers: { Range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 100-199/5000');
    expect(Buffer.from(await part.arrayBuffer()).equals(content.subarray(100, 200))).toBe(true);
    const tail = await server.request('GET', `/rawFiles/${file.id}`, { headers: { Range: 'bytes=4990-' } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(content.subarray(4990))).toBe(true);
    const suffix = await server.request('GET', `/rawFiles/${file.id}`, { headers: { Range: 'bytes=-3' } });
    expect(Buffer.from(await suffix.arrayBuffer()).toString()).toBe(content.subarray(4997).toString());
    const past = await server.request('GET', `/rawFiles/${file.id}`, { headers: { Range: 'bytes=5000-' } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */5000');

    const head = await server.request('HEAD', `/rawFiles/${file.id}`);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('5000');
    expect(head.headers.get('digest')).toBe(`md5=${md5}`);
    const missing = await server.request('GET', '/rawFiles/nope.nope');
    expect(missing.status).toBe(404);
  });

  it('lists the files as an Arrow stream and honours If-Modified-Since', async () => {
    const second = await addFile('b.csv', Buffer.from('x,y\n'));
    const res = await server.request('GET', `/tables/${tableRef}/rawFiles?format=arrow`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    expect(table.schema.fields.map((f) => [f.name, String(f.type)])).toEqual([
      ['file_id', 'Utf8'],
      ['file_name', 'Utf8'],
      ['size', 'Int64'],
      ['md5_hash', 'Utf8'],
      ['added_at', 'Timestamp<MICROSECOND>'],
    ]);
    const rows = table.toArray().map((r) => r.toJSON() as Record<string, unknown>);
    expect(rows.map((r) => r.file_name)).toEqual(['b.csv', 'dir/notes ä.txt']);
    expect(rows[0]).toMatchObject({ file_id: second.id, size: 4n, md5_hash: second.md5Hash });
    const lastModified = res.headers.get('last-modified')!;
    const cached = await server.request('GET', `/tables/${tableRef}/rawFiles?format=arrow`, {
      headers: { 'If-Modified-Since': lastModified },
    });
    expect(cached.status).toBe(304);
  });

  it('hands out signed URLs that work without a token until they expire', async () => {
    const file = await addFile('signed.txt', Buffer.from('signed bytes'));
    const res = await server.request('POST', `/rawFiles/${file.id}/signedUrl`, { json: { duration: 60 } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const url = await res.text();
    const fetched = await fetch(url);
    expect(fetched.status).toBe(200);
    expect(await fetched.text()).toBe('signed bytes');
    const tampered = await fetch(url.replace(/expires=(\d+)/, (_m, n: string) => `expires=${Number(n) + 1}`));
    expect(tampered.status).toBe(403);
    const tooLong = await server.request('POST', `/rawFiles/${file.id}/signedUrl`, {
      json: { duration: 90_000 },
    });
    expect(tooLong.status).toBe(400);
  });

  it('refuses raw files for tabular tables and unfinished temp uploads', async () => {
    const tabular = await createDraftTable(server, 'not_an_index');
    const tempUploadId = await plainTempUpload(server, tabular, 'a.txt', 'hello');
    const wrongTable = await server.request('POST', `/tables/${tabular}/rawFiles`, {
      json: { files: [{ name: 'a.txt', tempUploadId }] },
    });
    expect(wrongTable.status).toBe(400);
    expect(await wrongTable.text()).toMatch(/not a file index table/);
    const pending = await server.json<{ results: { id: string }[] }>(
      'POST',
      `/tables/${tableRef}/tempUploads`,
      {
        json: { tempUploads: [{ name: 'later.bin', size: 10 }] },
      },
    );
    const unfinished = await server.request('POST', `/tables/${tableRef}/rawFiles`, {
      json: { files: [{ name: 'later.bin', tempUploadId: pending.results[0]!.id }] },
    });
    expect(unfinished.status).toBe(400);
  });
});
