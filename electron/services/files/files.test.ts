import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoFiles, stationRows } from '../../../emulator/src/demo/demoFiles';
import type { Outcome } from '../../../shared/contract/errors';
import type { FileContent, FileListing, FileTable, FileText } from '../../../shared/contract/filesModel';
import type { Job } from '../../../shared/contract/jobModel';
import { localPathFor } from './downloadPaths';
import { startFilesTestBed, type FilesTestBed } from './testing/filesTestBed';

const TABLE = 'demo.sample_files.files';
let bed: FilesTestBed;
let listing: FileListing;

function value<T>(outcome: Outcome<unknown>): T {
  if (!outcome.ok)
    throw new Error(`${outcome.error.code}: ${outcome.error.message} ${outcome.error.detail ?? ''}`);
  return outcome.value as T;
}

function md5(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('base64');
}

const expected = new Map(demoFiles().map((f) => [f.name, f]));
const idOf = (name: string) => listing.files.find((f) => f.name === name)!.id;

/** Every file under `dir`, as paths relative to it. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

async function download(fileIds: string[], folder = ''): Promise<Job> {
  const job = value<Job | null>(await bed.call('files.download', { tableRef: TABLE, fileIds, folder }));
  if (!job) throw new Error('no job');
  return bed.services.context.jobs.settled(job.id);
}

beforeAll(async () => {
  bed = await startFilesTestBed();
  listing = value<FileListing>(await bed.call('files.list', { tableRef: TABLE }));
});
afterAll(async () => {
  await bed?.close();
});

describe('file listing', () => {
  it('lists every demo file with its size, md5, date and the index metadata columns', () => {
    expect(listing.files.map((f) => f.name).sort()).toEqual([...expected.keys()].sort());
    for (const file of listing.files) {
      const source = expected.get(file.name)!;
      expect(file.size).toBe(source.bytes.length);
      expect(file.md5).toBe(md5(source.bytes));
      expect(file.extra).toEqual({
        description: source.metadata.description,
        author: source.metadata.author,
      });
      // Demo files are dated from 2024 on.
      expect(file.addedAt).toBeGreaterThan(Date.UTC(2024, 0, 1));
      expect(file.addedAt).toBeLessThan(Date.UTC(2026, 0, 1));
    }
    expect(listing.extraColumns).toEqual(['description', 'author']);
    expect(listing.totalFiles).toBe(expected.size);
  });

  it('revalidates with If-Modified-Since and reuses the listing on 304', async () => {
    const api = bed.services.context.api;
    const send = vi.spyOn(api, 'send');
    try {
      const again = value<FileListing>(await bed.call('files.list', { tableRef: TABLE, refresh: true }));
      expect(again).toEqual(listing);
      expect(send).toHaveBeenCalledTimes(1);
      const [, , options] = send.mock.calls[0]!;
      expect(options?.headers?.['If-Modified-Since']).toMatch(/GMT$/);
      expect(((await send.mock.results[0]!.value) as Response).status).toBe(304);
    } finally {
      send.mockRestore();
    }
  });
});

describe('file previews', () => {
  it('reads a text file', async () => {
    const text = value<FileText>(
      await bed.call('files.readText', { tableRef: TABLE, fileId: idOf('README.txt') }),
    );
    expect(text.text).toBe(expected.get('README.txt')!.bytes.toString('utf8'));
    expect(text.truncated).toBe(false);
  });

  it('reads CSV and Parquet files as Arrow tables with the generator rows', async () => {
    const rows = stationRows();
    for (const name of ['data/stations.csv', 'data/stations.parquet']) {
      const result = value<FileTable>(
        await bed.call('files.readTable', { tableRef: TABLE, fileId: idOf(name) }),
      );
      const table = tableFromIPC(result.ipc);
      expect(table.numRows).toBe(rows.length);
      expect(table.schema.fields.map((f) => f.name)).toEqual(['station', 'elevation_m', 'readings']);
      rows.forEach((row, i) => {
        expect(table.getChild('station')!.get(i)).toBe(row.station);
        expect(Number(table.getChild('elevation_m')!.get(i))).toBe(row.elevation_m);
        expect(Number(table.getChild('readings')!.get(i))).toBe(row.readings);
      });
    }
  });

  it('serves bytes behind a content handle with Range, and nothing for unknown handles', async () => {
    const content = value<FileContent>(
      await bed.call('files.content', { tableRef: TABLE, fileId: idOf('audio/tone.wav') }),
    );
    expect(content.kind).toBe('audio');
    expect(content.url).toMatch(/^\/local\/files\/[\w-]{24}\/tone\.wav$/);
    const path = content.url.slice('/local/files'.length);
    const files = bed.services.context.files.content;
    const answer = await files.answer('GET', path, 'bytes=100-299');
    expect(answer.status).toBe(206);
    expect(answer.headers['Content-Range']).toBe(
      `bytes 100-299/${expected.get('audio/tone.wav')!.bytes.length}`,
    );
    const chunks: Buffer[] = [];
    for await (const chunk of answer.body!) chunks.push(Buffer.from(chunk));
    expect(Buffer.concat(chunks).equals(expected.get('audio/tone.wav')!.bytes.subarray(100, 300))).toBe(true);
    expect((await files.answer('GET', '/not-a-handle/tone.wav', undefined)).status).toBe(404);
  });
});

describe('file downloads', () => {
  it('downloads a folder while transfers are cut: every file resumes and matches its md5', async () => {
    await bed.emulator.faults.set({ cutRawFiles: { count: 4, afterBytes: 60 } });
    const folderFiles = listing.files.filter((f) => f.name.startsWith('data/'));
    const stream = vi.spyOn(bed.services.context.api, 'stream');
    const job = await download(
      folderFiles.map((f) => f.id),
      'data',
    );
    const requests = stream.mock.calls.map(([, , options]) => options?.headers?.Range ?? 'whole');
    stream.mockRestore();
    expect(job.status).toBe('succeeded');
    // Four cuts, so four more requests; each continues from the bytes that reached the disk
    // (all 60 of them, unless the cut came before they were written: then from the start).
    expect(requests).toHaveLength(folderFiles.length + 4);
    expect(requests.filter((r) => r !== 'whole').every((r) => r === 'bytes=60-')).toBe(true);
    expect(requests.filter((r) => r === 'bytes=60-').length).toBeGreaterThan(0);
    const dir = join(bed.downloadDir, 'data');
    expect(job.output).toBe(dir);
    expect(await tree(dir)).toEqual(folderFiles.map((f) => f.name.slice('data/'.length)).sort());
    for (const file of folderFiles) {
      const bytes = await readFile(join(dir, file.name.slice('data/'.length)));
      expect(md5(bytes)).toBe(md5(expected.get(file.name)!.bytes));
    }
    expect(job.bytesDone).toBe(job.bytesTotal);
  });

  it('skips files already there and identical, and keeps a different file beside a new copy', async () => {
    const dir = join(bed.downloadDir, 'data');
    const csv = join(dir, 'stations.csv');
    const before = (await stat(csv)).mtimeMs;
    await writeFile(join(dir, 'config.json'), 'my own edits\n');
    const folderFiles = listing.files.filter((f) => f.name.startsWith('data/'));
    const job = await download(
      folderFiles.map((f) => f.id),
      'data',
    );
    expect(job.status).toBe('succeeded');
    expect((await stat(csv)).mtimeMs).toBe(before);
    expect(await readFile(join(dir, 'config.json'), 'utf8')).toBe('my own edits\n');
    expect(md5(await readFile(join(dir, 'config (1).json')))).toBe(
      md5(expected.get('data/config.json')!.bytes),
    );
    // One file onto a different one of its name: saved beside it, and the job names that copy.
    const single = await download([idOf('data/config.json')]);
    await writeFile(join(bed.downloadDir, 'README.txt'), 'mine\n');
    const readme = await download([idOf('README.txt')]);
    expect(readme.output).toBe(join(bed.downloadDir, 'README (1).txt'));
    expect(single.output).toBe(join(bed.downloadDir, 'config.json'));
  });

  it('reports a corrupted file and keeps nothing of it', async () => {
    await bed.emulator.faults.set({ corruptRawFiles: { count: 1 } });
    const job = await download([idOf('images/gradient.png')]);
    expect(job.status).toBe('failed');
    expect(job.error?.message).toBe(
      `"images/gradient.png" did not match the server's checksum; it was not kept.`,
    );
    expect(await readdir(bed.downloadDir)).not.toContain('gradient.png');
    expect((await readdir(bed.downloadDir)).filter((n) => n.endsWith('.partial'))).toEqual([]);
    // A retry (the fault is spent) succeeds.
    const retried = await bed.services.context.jobs.settled(bed.services.context.jobs.retry(job.id).id);
    expect(retried.status).toBe('succeeded');
    expect(retried.output).toBe(join(bed.downloadDir, 'gradient.png'));
    expect(md5(await readFile(join(bed.downloadDir, 'gradient.png')))).toBe(
      md5(expected.get('images/gradient.png')!.bytes),
    );
  });

  it('downloads every file under a folder named alone, keeping the structure below it', async () => {
    const job = value<Job | null>(
      await bed.call('files.download', { tableRef: TABLE, folder: 'data/readings' }),
    )!;
    const done = await bed.services.context.jobs.settled(job.id);
    expect(done.status).toBe('succeeded');
    expect(done.title).toBe('readings (2 files)');
    const dir = join(bed.downloadDir, 'readings');
    expect(await tree(dir)).toEqual(['2024-01.csv', '2024-02.csv']);
    for (const name of ['2024-01.csv', '2024-02.csv']) {
      expect(md5(await readFile(join(dir, name)))).toBe(md5(expected.get(`data/readings/${name}`)!.bytes));
    }
  });

  it('cancels a download in progress and leaves nothing of it', async () => {
    await bed.emulator.faults.set({ latencyMs: 2000 });
    const job = value<Job | null>(
      await bed.call('files.download', { tableRef: TABLE, fileIds: [idOf('audio/tone.wav')], folder: '' }),
    )!;
    const jobs = bed.services.context.jobs;
    await vi.waitFor(() => expect(jobs.get(job.id).status).toBe('running'));
    jobs.cancel(job.id);
    const ended = await jobs.settled(job.id);
    await bed.emulator.faults.set({ latencyMs: 0 });
    expect(ended.status).toBe('cancelled');
    const left = await readdir(bed.downloadDir);
    expect(left.filter((n) => n.includes('tone'))).toEqual([]);
  });

  it('names a failed file of a folder and saves the others', async () => {
    await bed.emulator.faults.set({ corruptRawFiles: { count: 1 } });
    const images = listing.files.filter((f) => f.name.startsWith('images/'));
    await mkdir(join(bed.downloadDir, 'fresh'), { recursive: true });
    const job = await download(
      images.map((f) => f.id),
      'images',
    );
    expect(job.status).toBe('failed');
    expect(job.error?.message).toMatch(
      /^1 of 2 files could not be downloaded \(images\/(gradient|checkerboard)\.png\)/,
    );
    const saved = await tree(join(bed.downloadDir, 'images'));
    expect(saved).toHaveLength(1);
  });
});

describe('drag-out cache', () => {
  it('fetches a file once, checked, and names its path only when ready', async () => {
    const drag = bed.services.context.files.drag;
    const fileId = idOf('documents/report.pdf');
    expect(drag.pathOf(TABLE, fileId)).toBeUndefined();
    value(await bed.call('files.prepareDrag', { tableRef: TABLE, fileId }));
    const path = drag.pathOf(TABLE, fileId)!;
    expect(path.endsWith('report.pdf')).toBe(true);
    expect(md5(await readFile(path))).toBe(md5(expected.get('documents/report.pdf')!.bytes));
  });
});

describe('download paths', () => {
  it('keeps names from the server inside the destination', () => {
    expect(localPathFor('/dl/x', 'data/a.csv', 'data')).toBe('/dl/x/a.csv');
    expect(localPathFor('/dl/x', '../../etc/passwd', '')).toBe('/dl/x/_/_/etc/passwd');
    expect(localPathFor('/dl/x', '/abs/a:b?.txt', '')).toBe('/dl/x/abs/a_b_.txt');
    expect(localPathFor('/dl/x', 'x.partial', '')).toBe('/dl/x/x.partial_');
  });
});
