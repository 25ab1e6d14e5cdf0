import { RecordBatchReader, Table, tableToIPC } from 'apache-arrow';
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { RedivisApiClient } from '../../redivis/apiClient';
import { createReadSession, tablePath } from '../../redivis/readSession';
import { ArrowMessageFramer, messagesOf } from '../../redivis/arrowMessages';
import { StreamBatchAssembler } from '../../redivis/streamBatch';
import type { LocalFormat } from '../exportFormats';
import { OutputFile } from '../sinks/outputFile';
import { downloadOnThread, prepareDownload } from '../download/downloadThread';
import { openTableWriter, prepareTableWriter } from '../writers/openTableWriter';
import { watchLoopStalls } from './loopStalls';

/** Bytes written between two progress lines. */
const PRINT_EVERY_BYTES = 16 * 1024 * 1024;
/** Event-loop stalls longer than this are broken down into work and waiting for a core. */
const STALL_MS = 50;

/**
 * Runs one download in a process of its own: to prove that a process killed mid-write leaves
 * nothing at the target, and to measure time, peak memory and event-loop delay apart from the
 * emulator. Format `raw` reads the same read streams straight from the socket with node:http and
 * counts the bytes (the baseline: the cheapest way to receive them); `raw-fetch` does the same
 * through fetch; `raw-curl` through curl processes (when curl is installed); `raw-file` also appends the bytes to the target as they arrive, a couple of
 * megabytes of a stream at a time, through the same file writer and final flush as a download
 * (what receiving the bytes onto disk costs). Format `file-parquet` is no download: the app's
 * Parquet writer is fed the batches of the Arrow IPC file named by BENCH_INPUT_FILE, the
 * conversion the benchmark's peers make from a file on disk.
 * An export runs as the app runs it, on a download thread (downloadThread.ts). The process makes
 * one API request and loads the download thread and its writer threads before the clock starts,
 * as the app has by the time anyone exports (the export dialog prepares them once a format is
 * picked), so loading the HTTP stack and the encoders is not counted.
 * Usage: node --import tsx downloadProcess.ts <apiBase> <tableRef> <format|raw|raw-fetch|raw-curl|raw-file> <target> [streams] [parallel]
 * with the access token in REDIVIS_API_TOKEN. Prints one JSON line per progress step, then a summary.
 */
async function main(): Promise<void> {
  const [apiBase, tableRef, format, target, streams, parallel] = process.argv.slice(2);
  const token = process.env.REDIVIS_API_TOKEN;
  if (!apiBase || !tableRef || !format || !target || !token) throw new Error('missing arguments');
  const api = new RedivisApiClient({
    baseUrl: () => apiBase,
    tokens: { accessToken: async () => token, refreshAfterUnauthorized: async () => false },
  });
  // Loads the HTTP stack before the clock (a conversion from a file has no server to ask).
  if (format !== 'file-parquet') await api.get(tablePath(tableRef));
  // The benchmark can try a number of Parquet encoders other than the machine's default.
  const encoders = process.env.BENCH_PARQUET_ENCODERS
    ? Number(process.env.BENCH_PARQUET_ENCODERS)
    : undefined;
  // The export dialog has the writer's threads loaded by the time anyone clicks Export.
  const exporting = !format.startsWith('raw');
  if (format === 'file-parquet') await prepareTableWriter('parquet', { encoders });
  else if (exporting) await prepareDownload(format as LocalFormat, { encoders });
  let peakRss = 0;
  // rss() alone: memoryUsage() also walks the heap, which took ~30 ms of a 700 ms run.
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const stallWatch = watchLoopStalls(STALL_MS);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let rows = 0;
  let bytes = 0;
  // When each phase began, in ms from the start: shows where the time of a run went.
  const phases: Record<string, number> = {};
  let printedBytes = 0;
  if (format === 'raw-curl') {
    ({ rows, bytes } = await rawRead(api, tableRef, Number(streams ?? 8), (id) =>
      curlRead(apiBase, token, id),
    ));
  } else if (format === 'raw' || format === 'raw-fetch') {
    const read = format === 'raw' ? socketRead : fetchRead;
    ({ rows, bytes } = await rawRead(api, tableRef, Number(streams ?? 8), (id) => read(apiBase, token, id)));
  } else if (format === 'file-parquet') {
    ({ rows, bytes } = await parquetFromArrowFile(process.env.BENCH_INPUT_FILE ?? '', target, encoders));
  } else if (format === 'raw-file') {
    const file = await OutputFile.create(target);
    ({ rows, bytes } = await rawRead(api, tableRef, Number(streams ?? 8), (id) =>
      socketRead(apiBase, token, id, file),
    ));
    await file.close(true);
  } else {
    const result = await downloadOnThread({
      api,
      tableRef,
      format: format as LocalFormat,
      target,
      overwrite: true,
      signal: new AbortController().signal,
      streamCount: streams ? Number(streams) : undefined,
      parallelStreams: parallel ? Number(parallel) : undefined,
      encoders,
      progress: (p) => {
        if (p.phase && !(p.phase in phases)) phases[p.phase] = Math.round(performance.now() - started);
        // A line when the first bytes are on disk and then every 16 MB: the progress shows,
        // and printing a line per batch does not weigh on the run it measures.
        const bytesDone = p.bytesDone ?? 0;
        if (!p.rowsDone || bytesDone === 0) return;
        if (printedBytes > 0 && bytesDone < printedBytes + PRINT_EVERY_BYTES) return;
        printedBytes = bytesDone;
        process.stdout.write(`${JSON.stringify({ rows: p.rowsDone, bytes: bytesDone })}\n`);
      },
    });
    ({ rows, bytes } = result);
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  delay.disable();
  const stalls = stallWatch.stop();
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const summary = {
    done: rows,
    bytes,
    ms,
    peakRss,
    loopP99Ms: delay.percentile(99) / 1e6,
    loopMaxMs: delay.max / 1e6,
    /** Stalls over STALL_MS, with the time the main thread ran and waited for a core in each. */
    stalls,
    phases,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    /** Of that, time in the kernel (socket reads, page-cache writes, flushes). */
    systemMs: Math.round(cpu.system / 1000),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

/**
 * The app's Parquet writer converting an Arrow IPC file already on disk, fed its batches in their
 * wire form as a download feeds them: what polars does in the benchmark, so the two writers
 * compare on the same footing. An IPC file holds its schema in its footer and its batches as
 * stream messages between its magic and its footer; they are read a few MB at a time, as a
 * download receives them, while the encoder works.
 */
async function parquetFromArrowFile(input: string, target: string, encoders: number | undefined) {
  const handle = await open(input);
  const { size } = await handle.stat();
  const tail = Buffer.alloc(10);
  await handle.read(tail, 0, 10, size - 10);
  const bodyEnd = size - 10 - tail.readInt32LE(0);
  const reader = await (await RecordBatchReader.from(handle)).open();
  const schema = reader.schema;
  await handle.close();
  const assembler = new StreamBatchAssembler();
  for (const message of messagesOf(tableToIPC(new Table(schema), 'stream'))) assembler.add(message);
  const framer = new ArrowMessageFramer();
  const writer = await openTableWriter('parquet', target, schema, { encoders });
  const body = createReadStream(input, { start: 8, end: bodyEnd - 1, highWaterMark: 2 * 1024 * 1024 });
  for await (const chunk of body as AsyncIterable<Buffer>) {
    for (const message of framer.push(chunk)) {
      const batch = assembler.add(message);
      if (batch) await writer.write(batch);
    }
  }
  await writer.finish();
  return { rows: writer.rows, bytes: writer.bytes };
}

/** A baseline: the same session's streams read in parallel, bytes counted, nothing decoded. */
async function rawRead(
  api: RedivisApiClient,
  tableRef: string,
  streams: number,
  read: (streamId: string) => Promise<number>,
) {
  const session = await createReadSession(api, tablePath(tableRef), { requestedStreamCount: streams });
  const sizes = await Promise.all(session.streams.map((stream) => read(stream.id)));
  return { rows: session.numRows, bytes: sizes.reduce((a, b) => a + b, 0) };
}

/** Bytes of one stream gathered into each write of `raw-file`, about a batch's worth. */
const RAW_WRITE_BYTES = 2 * 1024 * 1024;

/** Reads one stream off the socket; with `file`, its bytes are also appended to it as they come. */
function socketRead(apiBase: string, token: string, streamId: string, file?: OutputFile): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = `${apiBase}/readStreams/${streamId}?eosSentinel=true`;
    const request = httpRequest(url, { headers: { Authorization: `Bearer ${token}` } }, (response) => {
      let size = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = () => {
        const chunks = pending;
        pending = [];
        pendingBytes = 0;
        return file ? file.write(chunks) : Promise.resolve();
      };
      response.on('data', (chunk: Buffer) => {
        size += chunk.byteLength;
        if (!file) return;
        pending.push(chunk);
        pendingBytes += chunk.byteLength;
        if (pendingBytes < RAW_WRITE_BYTES) return;
        response.pause();
        flush().then(() => response.resume(), reject);
      });
      response.on('end', () => {
        flush().then(() => resolve(size), reject);
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

/**
 * Reads one stream with curl, another process that only counts what it receives: the physical
 * limit of reading these streams on this machine, with no JavaScript in the way.
 */
function curlRead(apiBase: string, token: string, streamId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = `${apiBase}/readStreams/${streamId}?eosSentinel=true`;
    const curl = spawn(
      'curl',
      [
        '-sS',
        '--fail',
        '-o',
        '/dev/null',
        '-w',
        '%{size_download}',
        '-H',
        `Authorization: Bearer ${token}`,
        url,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    curl.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    curl.on('error', reject);
    curl.on('exit', (code) =>
      code === 0 ? resolve(Number(out)) : reject(new Error(`curl exited with ${code}`)),
    );
  });
}

async function fetchRead(apiBase: string, token: string, streamId: string): Promise<number> {
  const response = await fetch(`${apiBase}/readStreams/${streamId}?eosSentinel=true`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) size += chunk.byteLength;
  return size;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
