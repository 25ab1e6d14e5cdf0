import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../emulator/src/index';
import { RedivisApiClient } from '../electron/services/redivis/apiClient';
import { transferFile } from '../electron/services/uploads/tempUploadTransfer';
import { defaultTransferSettings } from '../electron/services/uploads/transferSettings';
import { UploadRecords } from '../electron/services/uploads/uploadRecords';
import { timeAsync, type Benchmark } from './benchmark';

/** File size in MiB; UPLOAD_BENCH_MB=1024 checks that memory stays flat for a 1 GB file. */
const sizeMiB = Number(process.env.UPLOAD_BENCH_MB ?? 64);
const table = 'demo_user.my_uploads:next.survey_responses';

async function writeFileOfSize(path: string, bytes: number): Promise<void> {
  const out = createWriteStream(path);
  const block = randomBytes(1024 * 1024);
  for (let written = 0; written < bytes; written += block.length) {
    const slice = block.subarray(0, Math.min(block.length, bytes - written));
    if (!out.write(slice)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

/** The baseline: one streamed PUT of the whole file, nothing else. */
function rawPut(url: string, path: string, size: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'PUT', headers: { 'Content-Length': String(size) } }, (res) => {
      res.resume();
      res.on('end', () =>
        res.statusCode && res.statusCode < 300 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
      );
    });
    req.on('error', reject);
    createReadStream(path, { highWaterMark: 256 * 1024 }).pipe(req);
  });
}

/**
 * Upload transfer throughput (resumable, 64 MiB chunks, size/mtime checks) against a raw
 * streamed PUT of the same file to the same local server, and the RSS growth while uploading.
 */
const benchmark: Benchmark = {
  name: 'upload transfer',
  async run() {
    const dir = await mkdtemp(join(tmpdir(), 'rd-upload-bench-'));
    const emulator = await startEmulator({ dataDir: join(dir, 'emulator'), largeRows: 1000 });
    try {
      const token = await emulator.createApiToken('demo_user', ['public', 'data.edit']);
      const api = new RedivisApiClient({
        baseUrl: () => emulator.apiBase,
        tokens: { accessToken: async () => token, refreshAfterUnauthorized: async () => false },
      });
      const records = new UploadRecords(api);
      const path = join(dir, 'bench.bin');
      const size = sizeMiB * 1024 * 1024;
      await writeFileOfSize(path, size);
      const info = await stat(path);
      const file = { path, name: 'bench.bin', size, mtimeMs: info.mtimeMs };
      const signal = new AbortController().signal;

      const ours = async () => {
        const temp = await records.createTempUpload(table, file, true, signal);
        return timeAsync(() =>
          transferFile(file, temp.url, {
            settings: { ...defaultTransferSettings, resumableThreshold: 0 },
            signal,
            headers: {},
            onProgress: () => undefined,
            checkFile: async () => undefined,
          }),
        );
      };
      const raw = async () => {
        const temp = await records.createTempUpload(table, file, false, signal);
        return timeAsync(() => rawPut(temp.url, path, size));
      };
      // Several rounds, medians (the upper one of two): local disk noise exceeds the difference.
      const runs = sizeMiB <= 256 ? 3 : 2;
      const rawTimes: number[] = [];
      const ourTimes: number[] = [];
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      const sampler = setInterval(() => {
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      }, 20);
      for (let i = 0; i < runs; i++) {
        // Swap the order every round: whichever runs second pays for the first one's disk flush.
        if (i % 2 === 0) {
          rawTimes.push((await raw()).ms);
          ourTimes.push((await ours()).ms);
        } else {
          ourTimes.push((await ours()).ms);
          rawTimes.push((await raw()).ms);
        }
      }
      clearInterval(sampler);
      const mb = size / 1e6;
      const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
      const rawMs = median(rawTimes);
      const ourMs = median(ourTimes);
      return [
        {
          name: `resumable upload of ${sizeMiB} MiB`,
          value: mb / (ourMs / 1000),
          unit: 'MB/s',
          baseline: { name: 'raw streamed PUT', value: mb / (rawMs / 1000) },
          ratio: rawMs / ourMs,
          note: `median of ${runs}`,
          target: '≥ 0.8 of raw PUT',
        },
        {
          name: 'RSS peak growth while uploading',
          value: (rssPeak - rssBefore) / 1e6,
          unit: 'MB',
          note: `file ${sizeMiB} MiB; emulator runs in the same process`,
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
