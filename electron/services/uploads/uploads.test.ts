import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { Table as WasmTable, writeParquet } from 'parquet-wasm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StartUpload } from '../../../shared/contract/uploadModel';
import { defaultOptions } from './fileSniffer';
import { startUploadsHarness, surveyCsv, type UploadsHarness } from './testing/uploadsTestHarness';

const table = 'demo_user.my_uploads:next.survey_responses';
const callContext = { clientId: 'test' };

let h: UploadsHarness;
beforeAll(async () => {
  h = await startUploadsHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.emulator.faults.clear();
});

/** The file as the app receives it from a drop: by an id the Node side handed out. */
function pick(path: string): StartUpload['source'] {
  return { kind: 'picked', fileId: h.services.context.localFiles.pick(path) };
}

async function upload(params: Partial<StartUpload> & Pick<StartUpload, 'source'>) {
  const job = await h.uploads.start(
    { into: { kind: 'table', tableRef: table }, onConflict: 'fail', options: defaultOptions, ...params },
    callContext,
  );
  return h.services.context.jobs.settled(job.id);
}

/** Starts an upload and returns once its first bytes are on their way. */
async function startAndWaitForBytes(path: string) {
  const job = await h.uploads.start(
    {
      source: pick(path),
      into: { kind: 'table', tableRef: table },
      onConflict: 'fail',
      options: defaultOptions,
    },
    callContext,
  );
  const jobs = h.services.context.jobs;
  while (jobs.get(job.id).bytesDone === 0 && jobs.get(job.id).status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return job;
}

function respondents(rows: Record<string, unknown>[], from: number, to: number): number[] {
  return rows
    .map((row) => Number(row.respondent))
    .filter((id) => id >= from && id <= to)
    .sort((a, b) => a - b);
}

function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from + i);
}

/** A Parquet file of survey answers, made the way other tools write them. */
function surveyParquet(first: number, count: number): Uint8Array {
  const ids = Float64Array.from({ length: count }, (_, i) => first + i);
  const table = tableFromArrays({
    respondent: ids,
    answer: Array.from(ids, (id) => `answer ${id}`),
    score: Float64Array.from({ length: count }, (_, i) => (i % 50) / 10),
  });
  return writeParquet(WasmTable.fromIPCStream(tableToIPC(table, 'stream')));
}

describe('uploads into an unreleased version', () => {
  it('uploads a Parquet file and its rows arrive exactly once', async () => {
    const path = await h.file('wave_parquet.parquet', surveyParquet(5000, 50));
    const job = await upload({ source: pick(path) });
    expect(job.error).toBeUndefined();
    expect(job.status).toBe('succeeded');
    expect(job.phase).toBe('Imported 50 rows');
    const rows = await h.readRows(table);
    expect(respondents(rows, 5000, 5999)).toEqual(range(5000, 50));
  });

  it('sends a small CSV with one PUT and the rows arrive exactly once', async () => {
    const path = await h.file('wave2.csv', surveyCsv(1000, 20));
    const job = await upload({ source: pick(path) });
    expect(job.error).toBeUndefined();
    expect(job.status).toBe('succeeded');
    expect(job.phase).toBe('Imported 20 rows');
    const rows = await h.readRows(table);
    expect(respondents(rows, 1000, 1999)).toEqual(range(1000, 20));
  });

  it('resumes a resumable upload after the connection is cut mid-chunk and after 503s', async () => {
    const csv = surveyCsv(2000, 400);
    expect(csv.length).toBeGreaterThan(8 * 1024);
    const path = await h.file('wave3.csv', csv);
    h.emulator.faults.cutUploads({ count: 1, afterBytes: 500 });
    h.emulator.faults.failNext({ count: 2, status: 503, pathPrefix: '/upload/' });
    const job = await upload({ source: pick(path) });
    expect(job.error).toBeUndefined();
    expect(job.status).toBe('succeeded');
    expect(job.bytesDone).toBe(csv.length);
    const rows = await h.readRows(table);
    expect(respondents(rows, 2000, 2999)).toEqual(range(2000, 400));
  });

  it('settles name conflicts: fail, skip, rename and replace', async () => {
    const path = await h.file('conflict.csv', surveyCsv(3000, 3));
    expect((await upload({ source: pick(path) })).status).toBe('succeeded');
    expect(await h.uploads.exists({ tableRef: table, name: 'conflict.csv' }, callContext)).toBe(true);

    const failed = await upload({ source: pick(path) });
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('conflict');

    const skipped = await upload({ source: pick(path), onConflict: 'skip' });
    expect(skipped.status).toBe('succeeded');
    expect(skipped.phase).toMatch(/Skipped/);
    expect(respondents(await h.readRows(table), 3000, 3999)).toEqual([3000, 3001, 3002]);

    const renamed = await upload({ source: pick(path), onConflict: 'rename' });
    expect(renamed.status).toBe('succeeded');
    expect(await h.uploads.exists({ tableRef: table, name: 'conflict_1.csv' }, callContext)).toBe(true);
    expect(respondents(await h.readRows(table), 3000, 3999)).toEqual([3000, 3000, 3001, 3001, 3002, 3002]);

    const replacement = await h.file('conflict.csv', surveyCsv(3500, 2));
    const replaced = await upload({ source: pick(replacement), onConflict: 'replace' });
    expect(replaced.status).toBe('succeeded');
    expect(respondents(await h.readRows(table), 3000, 3999)).toEqual([3000, 3001, 3002, 3500, 3501]);
  });

  it('shows the server error and leaves no upload behind when processing fails', async () => {
    const path = await h.file('broken.csv', 'respondent,answer,score\n1,"unterminated,2\n');
    const job = await upload({ source: pick(path) });
    expect(job.status).toBe('failed');
    expect(job.error?.message).toMatch(/could not import broken\.csv/);
    expect(job.error?.detail).toBeTruthy();
    expect(await h.uploads.exists({ tableRef: table, name: 'broken.csv' }, callContext)).toBe(false);
  });

  it('skips bad records when asked and says how many', async () => {
    const path = await h.file(
      'ragged.csv',
      'respondent,answer,score\n7001,a,1\n7002,b,2,extra,fields\n7003,c,3\n',
    );
    const job = await upload({
      source: pick(path),
      options: { ...defaultOptions, skipBadRecords: true },
    });
    expect(job.error).toBeUndefined();
    expect(job.phase).toBe('Imported 2 rows, skipped 1 bad record');
    expect(respondents(await h.readRows(table), 7000, 7999)).toEqual([7001, 7003]);
  });

  it('accepts only files the app handed out an id for, never a path from the page', async () => {
    const secret = await h.file('secret.csv', 'a,b\n1,2\n');
    const { dispatch } = await import('../host/dispatch');
    const byPath = await dispatch(
      h.services.handlers,
      'uploads.start',
      {
        source: { kind: 'path', path: secret },
        into: { kind: 'table', tableRef: table },
        onConflict: 'fail',
        options: defaultOptions,
      },
      callContext,
    );
    expect(byPath).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const inspected = await dispatch(
      h.services.handlers,
      'uploads.inspect',
      { sources: [{ kind: 'path', path: secret }] },
      callContext,
    );
    expect(inspected).toMatchObject({ ok: false, error: { code: 'invalid_request' } });

    const unknown = await upload({
      source: { kind: 'picked', fileId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.error).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/drop or choose it again/),
    });
    expect(() => h.services.context.localFiles.pick('relative/secret.csv')).toThrow(/not a file/);
  });

  it('refuses empty, unreadable and unsupported files with clear messages', async () => {
    const empty = await upload({ source: pick(await h.file('empty.csv', '')) });
    expect(empty.error).toMatchObject({
      code: 'bad_input',
      message: 'empty.csv is empty; there is nothing to upload.',
    });
    const missing = await upload({ source: pick(`${h.dir}/nope.csv`) });
    expect(missing.error).toMatchObject({ code: 'io', message: 'nope.csv cannot be read.' });
    const binary = await upload({ source: pick(await h.file('tool.exe', 'MZ')) });
    expect(binary.error?.message).toBe('tool.exe is not a data file Redivis can import into a table.');
  });

  it('cancels a transfer and leaves nothing registered', async () => {
    const path = await h.file('slow.csv', surveyCsv(4000, 400));
    h.emulator.faults.latency(200);
    const job = await startAndWaitForBytes(path);
    const jobs = h.services.context.jobs;
    jobs.cancel(job.id);
    const settled = await jobs.settled(job.id);
    h.emulator.faults.clear();
    expect(settled.status).toBe('cancelled');
    expect(await h.uploads.exists({ tableRef: table, name: 'slow.csv' }, callContext)).toBe(false);
    expect(respondents(await h.readRows(table), 4000, 4999)).toEqual([]);
  });

  it('stops when the file changes during the upload', async () => {
    const path = await h.file('growing.csv', surveyCsv(5000, 400));
    h.emulator.faults.latency(100);
    const job = await startAndWaitForBytes(path);
    await h.file('growing.csv', surveyCsv(5000, 401));
    const settled = await h.services.context.jobs.settled(job.id);
    h.emulator.faults.clear();
    expect(settled.status).toBe('failed');
    expect(settled.error?.message).toBe('growing.csv changed while it was being uploaded; upload it again.');
    expect(await h.uploads.exists({ tableRef: table, name: 'growing.csv' }, callContext)).toBe(false);
  });

  it('adds a non-tabular file to a file index table', async () => {
    const path = await h.file('notes.pdf', '%PDF-1.4 fake but fine');
    const job = await upload({
      source: pick(path),
      into: { kind: 'table', tableRef: 'demo_user.my_uploads:next.documents' },
    });
    expect(job.error).toBeUndefined();
    expect(job.phase).toBe('File added');
    const rows = await h.readRows('demo_user.my_uploads:next.documents');
    expect(rows.map((row) => row.file_name)).toContain('notes.pdf');
  });

  it('creates a new table named from the file', async () => {
    const path = await h.file('wave9.csv', surveyCsv(9000, 4));
    const job = await upload({
      source: pick(path),
      into: { kind: 'newTable', datasetRef: 'demo_user.my_uploads', tableName: 'wave9', isFileIndex: false },
    });
    expect(job.error).toBeUndefined();
    const rows = await h.readRows('demo_user.my_uploads:next.wave9');
    expect(respondents(rows, 9000, 9999)).toEqual(range(9000, 4));
    const destination = await h.uploads.destination(
      { ref: 'demo_user.my_uploads', kind: 'dataset' },
      callContext,
    );
    expect(destination.tables.map((t) => t.name)).toContain('wave9');
    const editable = await h.uploads.editableDatasets(undefined, callContext);
    expect(editable.map((d) => d.name)).toEqual(['My uploads', 'Scratch']);
    expect(editable[0]?.datasetRef).toMatch(/^demo_user\.my_uploads:\w{4}$/);
  });

  // Last: it releases the demo's unreleased version (and unreleases it again).
  it('reports a version released by someone else meanwhile, then unreleases it', async () => {
    const path = await h.file('late.csv', surveyCsv(6000, 400));
    h.emulator.faults.latency(100);
    const job = await startAndWaitForBytes(path);
    const released = await h.uploads.release(
      { datasetRef: 'demo_user.my_uploads', releaseNotes: 'Second wave' },
      callContext,
    );
    expect(released.nextVersion).toBeNull();
    expect(released.currentVersion?.canUnrelease).toBe(true);
    const settled = await h.services.context.jobs.settled(job.id);
    h.emulator.faults.clear();
    expect(settled.status).toBe('failed');
    expect(settled.error?.code).toBe('conflict');
    expect(settled.error?.message).toMatch(/has no unreleased version/);
    const restored = await h.uploads.unrelease({ datasetRef: 'demo_user.my_uploads' }, callContext);
    expect(restored.nextVersion?.tag).toBe('next');
    expect(respondents(await h.readRows(table), 6000, 6999)).toEqual([]);
  });
});
