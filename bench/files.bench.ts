import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { startEmulator } from '../emulator/src/index';
import type { FileEntry } from '../shared/contract/filesModel';
import { RedivisApiClient } from '../electron/services/redivis/apiClient';
import { DOWNLOAD_PARALLELISM, runDownload } from '../electron/services/files/downloadJob';
import { FileListings } from '../electron/services/files/fileListing';
import { timeAsync, type Benchmark } from './benchmark';

/** Size of the large file in MiB; FILES_BENCH_MB=1024 for the 1 GB figure. */
const largeMiB = Number(process.env.FILES_BENCH_MB ?? 256);
const SMALL_COUNT = 1000;
const SMALL_BYTES = 16 * 1024;
const TABLE = 'demo_user.my_uploads:next.documents';

interface Http {
  origin: string;
  token: string;
}

function send(
  http: Http,
  method: string,
  url: string,
  body?: Buffer | string | NodeJS.ReadableStream,
  length?: number,
) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const target = url.startsWith('http') ? url : `${http.origin}/api/v1${url}`;
    const headers: Record<string, string> = { Authorization: `Bearer ${http.token}` };
    if (typeof body === 'string') headers['Content-Type'] = 'application/json';
    if (length !== undefined) headers['Content-Length'] = String(length);
    const req = request(target, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (body && typeof body !== 'string' && !Buffer.isBuffer(body)) body.pipe(req);
    else req.end(body);
  });
}

/** Adds files to the file-index table through the API (temp uploads, then one rawFiles call). */
async function addFiles(
  http: Http,
  files: { name: string; size: number; body: () => Buffer | NodeJS.ReadableStream }[],
) {
  const ids: string[] = [];
  for (let start = 0; start < files.length; start += 100) {
    const batch = files.slice(start, start + 100);
    const created = await send(
      http,
      'POST',
      `/tables/${TABLE}/tempUploads`,
      JSON.stringify({ tempUploads: batch.map((f) => ({ name: f.name, size: f.size, resumable: false })) }),
    );
    const temps = (JSON.parse(created.text) as { results: { id: string; url: string }[] }).results;
    await Promise.all(
      temps.map(async (temp, i) => {
        const put = await send(http, 'PUT', temp.url, batch[i]!.body(), batch[i]!.size);
        if (put.status !== 200) throw new Error(`PUT ${put.status}`);
      }),
    );
    ids.push(...temps.map((t) => t.id));
  }
  const added = await send(
    http,
    'POST',
    `/tables/${TABLE}/rawFiles`,
    JSON.stringify({ files: files.map((f, i) => ({ name: f.name, tempUploadId: ids[i] })) }),
  );
  if (added.status !== 201) throw new Error(`rawFiles ${added.status} ${added.text}`);
}

/** The baseline: GET each file (with the same parallelism) straight into a file, nothing else. */
async function rawRead(http: Http, files: FileEntry[], dir: string, parallelism: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const path = join(dir, file.name);
      await mkdir(dirname(path), { recursive: true });
      await new Promise<void>((resolve, reject) => {
        const req = request(
          `${http.origin}/api/v1/rawFiles/${encodeURIComponent(file.id)}`,
          { headers: { Authorization: `Bearer ${http.token}` } },
          (res) => {
            if (res.statusCode !== 200) {
              res.resume();
              reject(new Error(`GET ${file.name}: HTTP ${res.statusCode}`));
              return;
            }
            pipeline(res, createWriteStream(path, { highWaterMark: 1024 * 1024 })).then(resolve, reject);
          },
        );
        req.on('error', reject);
        req.end();
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelism, files.length) }, worker));
}

/**
 * Downloading 1,000 small files and one large file with the download job (parallel, temp file
 * and rename, md5 checked, resumable) against raw parallel GETs of the same bytes into files, in
 * the same run; and the RSS growth while the large file downloads.
 */
const benchmark: Benchmark = {
  name: 'file downloads',
  async run() {
    const dir = await mkdtemp(join(tmpdir(), 'rd-files-bench-'));
    // No rate limit: thousands of requests in a minute are the point here.
    const emulator = await startEmulator({
      dataDir: join(dir, 'emulator'),
      largeRows: 1000,
      rateLimitPerMinute: 1_000_000_000,
    });
    try {
      const token = await emulator.createApiToken('demo_user', ['public', 'data.data', 'data.edit']);
      const http = { origin: emulator.origin, token };
      const block = randomBytes(SMALL_BYTES);
      await addFiles(
        http,
        Array.from({ length: SMALL_COUNT }, (_, i) => ({
          name: `small/f${String(i).padStart(4, '0')}.bin`,
          size: SMALL_BYTES,
          body: () => Buffer.concat([Buffer.from(String(i).padStart(8, '0')), block.subarray(8)]),
        })),
      );
      const largePath = join(dir, 'large.bin');
      const largeSize = largeMiB * 1024 * 1024;
      const chunk = randomBytes(1024 * 1024);
      const out = createWriteStream(largePath);
      for (let i = 0; i < largeMiB; i++) {
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      }
      await new Promise<void>((r) => out.end(() => r()));
      await addFiles(http, [
        { name: 'large/large.bin', size: largeSize, body: () => createReadStream(largePath) },
      ]);
      await rm(largePath);

      const api = new RedivisApiClient({
        baseUrl: () => emulator.apiBase,
        tokens: { accessToken: async () => token, refreshAfterUnauthorized: async () => false },
      });
      const listing = await new FileListings(api).list(TABLE);
      const small = listing.files.filter((f) => f.name.startsWith('small/'));
      const large = listing.files.filter((f) => f.name.startsWith('large/'));
      const context = { signal: new AbortController().signal, progress: () => undefined };
      const ours = (files: FileEntry[], folder: string, target: string) =>
        timeAsync(() =>
          runDownload(
            api,
            { files, destination: target, folder, single: false },
            context,
            DOWNLOAD_PARALLELISM,
          ),
        );

      // Two rounds each, alternating who goes first (the second pays for the first's disk
      // flush); the better time of each counts.
      const best = (a: { ms: number }, b: { ms: number }) => Math.min(a.ms, b.ms);
      const rawSmall1 = await timeAsync(() =>
        rawRead(http, small, join(dir, 'raw-small-1'), DOWNLOAD_PARALLELISM),
      );
      const ourSmall = await ours(small, 'small', join(dir, 'ours-small-1'));
      const ourSmall2 = await ours(small, 'small', join(dir, 'ours-small-2'));
      const rawSmall2 = await timeAsync(() =>
        rawRead(http, small, join(dir, 'raw-small-2'), DOWNLOAD_PARALLELISM),
      );
      const skipSmall = await ours(small, 'small', join(dir, 'ours-small-1'));
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      const sampler = setInterval(() => {
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      }, 20);
      const ourLarge1 = await ours(large, 'large', join(dir, 'ours-large-1'));
      clearInterval(sampler);
      await rm(join(dir, 'ours-large-1'), { recursive: true });
      const rawLarge1 = await timeAsync(() => rawRead(http, large, join(dir, 'raw-large-1'), 1));
      await rm(join(dir, 'raw-large-1'), { recursive: true });
      const rawLarge2 = await timeAsync(() => rawRead(http, large, join(dir, 'raw-large-2'), 1));
      await rm(join(dir, 'raw-large-2'), { recursive: true });
      const ourLarge2 = await ours(large, 'large', join(dir, 'ours-large-2'));
      const rawSmall = { ms: best(rawSmall1, rawSmall2) };
      const ourSmallMs = best(ourSmall, ourSmall2);
      const rawLarge = { ms: best(rawLarge1, rawLarge2) };
      const ourLargeMs = best(ourLarge1, ourLarge2);
      if (ourSmall.value.downloaded !== SMALL_COUNT || skipSmall.value.skipped !== SMALL_COUNT) {
        throw new Error(
          `unexpected outcome ${JSON.stringify(ourSmall.value)} / ${JSON.stringify(skipSmall.value)}`,
        );
      }
      const mb = (bytes: number) => bytes / 1e6;
      const smallMb = mb(SMALL_COUNT * SMALL_BYTES);
      return [
        {
          name: `${SMALL_COUNT} files of ${SMALL_BYTES / 1024} KiB`,
          value: SMALL_COUNT / (ourSmallMs / 1000),
          unit: 'files/s',
          baseline: { name: 'raw parallel GET into files', value: SMALL_COUNT / (rawSmall.ms / 1000) },
          ratio: rawSmall.ms / ourSmallMs,
          note: `${smallMb.toFixed(1)} MB, ${DOWNLOAD_PARALLELISM} at once, md5 checked, temp + rename`,
        },
        {
          name: `the same ${SMALL_COUNT} files again (identical copies skipped)`,
          value: SMALL_COUNT / (skipSmall.ms / 1000),
          unit: 'files/s',
          note: 'local md5 of each existing file, no transfer',
        },
        {
          name: `one file of ${largeMiB} MiB`,
          value: mb(largeMiB * 1024 * 1024) / (ourLargeMs / 1000),
          unit: 'MB/s',
          baseline: { name: 'raw GET into a file', value: mb(largeMiB * 1024 * 1024) / (rawLarge.ms / 1000) },
          ratio: rawLarge.ms / ourLargeMs,
          note: 'best of 2; md5 of every byte on the same thread as the emulator',
        },
        {
          name: 'RSS peak growth while downloading the large file',
          value: (rssPeak - rssBefore) / 1e6,
          unit: 'MB',
          note: `file ${largeMiB} MiB; emulator runs in the same process`,
          target: 'flat (independent of file size)',
        },
      ];
    } finally {
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
