import { AppFailure, fail } from '../../../shared/contract/errors';
import { isRetryableStatus, sleep } from '../redivis/retryPolicy';
import { mapApiError, parseErrorBody } from '../redivis/apiErrors';
import type { LocalFile } from './fileSource';
import { sendRaw, type RawResponse } from './httpBody';
import type { TransferSettings } from './transferSettings';

export interface TransferOptions {
  settings: TransferSettings;
  signal: AbortSignal;
  /** Headers for the upload URL (Authorization only when it is the API's own origin). */
  headers: Record<string, string>;
  /** Bytes the server has confirmed or is receiving now. */
  onProgress(bytesDone: number): void;
  /** Runs before each request that sends bytes; fails when the file changed meanwhile. */
  checkFile(): Promise<void>;
}

/** Sends a file to a temp upload URL (spec §6.4): one PUT when small, else resumable chunks. */
export async function transferFile(file: LocalFile, url: string, options: TransferOptions): Promise<void> {
  if (file.size < options.settings.resumableThreshold) await plainPut(file, url, options);
  else await resumable(file, url, options);
}

async function plainPut(file: LocalFile, url: string, options: TransferOptions): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await options.checkFile();
    const outcome = await attemptRequest(() =>
      sendRaw({
        method: 'PUT',
        url,
        headers: options.headers,
        body: { path: file.path, start: 0, end: file.size - 1 },
        signal: options.signal,
        onBytes: options.onProgress,
      }),
    );
    if (outcome.response && outcome.response.status < 300) {
      options.onProgress(file.size);
      return;
    }
    options.onProgress(0);
    await backOff(attempt, outcome, options);
  }
}

async function resumable(file: LocalFile, url: string, options: TransferOptions): Promise<void> {
  let session = await startSession(file, url, options);
  let offset = 0;
  let failures = 0;
  // After any failure the server may have kept part of a chunk: ask before sending more.
  let mustProbe = false;
  for (;;) {
    let response: RawResponse | undefined;
    if (mustProbe) {
      const outcome = await attemptRequest(() => probe(file, session, options));
      response = outcome.response;
      if (!response || isRetryableStatus(response.status)) {
        failures = await failedAttempt(failures, outcome, options);
        continue;
      }
      mustProbe = false;
    } else {
      await options.checkFile();
      const from = offset;
      const end = Math.min(from + options.settings.chunkSize, file.size) - 1;
      const outcome = await attemptRequest(() =>
        sendRaw({
          method: 'PUT',
          url: session,
          headers: { ...options.headers, 'Content-Range': `bytes ${from}-${end}/${file.size}` },
          body: { path: file.path, start: from, end },
          signal: options.signal,
          onBytes: (sent) => options.onProgress(from + sent),
        }),
      );
      response = outcome.response;
      if (!response || isRetryableStatus(response.status) || isGone(response)) {
        failures = await failedAttempt(failures, outcome, options);
        mustProbe = true;
        continue;
      }
    }
    if (response.status === 200 || response.status === 201) {
      options.onProgress(file.size);
      return;
    }
    if (isGone(response)) {
      // The session expired: a new one starts from byte 0 (spec §6.4 "404 (restart)").
      session = await startSession(file, url, options);
      offset = 0;
      options.onProgress(0);
      continue;
    }
    if (response.status !== 308) throw uploadError(response);
    const confirmed = confirmedBytes(response);
    if (confirmed > offset) failures = 0;
    offset = confirmed;
    options.onProgress(offset);
  }
}

function isGone(response: RawResponse): boolean {
  return response.status === 404 || response.status === 410;
}

/** Counts a failed attempt and waits, or gives up when the answer is final or tries ran out. */
async function failedAttempt(failures: number, outcome: Outcome, options: TransferOptions): Promise<number> {
  const count = failures + 1;
  await backOff(count, outcome, options);
  return count;
}

async function startSession(file: LocalFile, url: string, options: TransferOptions): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptRequest(() =>
      sendRaw({
        method: 'POST',
        url,
        headers: {
          ...options.headers,
          'x-goog-resumable': 'start',
          'x-upload-content-length': String(file.size),
        },
        signal: options.signal,
      }),
    );
    const location = outcome.response?.headers.location;
    if (outcome.response && outcome.response.status < 300 && location) {
      return new URL(location, url).toString();
    }
    if (outcome.response && outcome.response.status < 300) {
      fail('server', 'The server did not start a resumable upload.', { detail: 'no Location header' });
    }
    await backOff(attempt, outcome, options);
  }
}

function probe(file: LocalFile, session: string, options: TransferOptions): Promise<RawResponse> {
  return sendRaw({
    method: 'PUT',
    url: session,
    headers: { ...options.headers, 'Content-Range': `bytes */${file.size}` },
    signal: options.signal,
  });
}

/** `Range: bytes=0-N` → N+1 bytes stored; no Range → nothing stored yet. */
function confirmedBytes(response: RawResponse): number {
  const match = /bytes=0-(\d+)/.exec(String(response.headers.range ?? ''));
  return match ? Number(match[1]) + 1 : 0;
}

interface Outcome {
  response?: RawResponse;
  error?: Error;
}

/** A request whose network failure is data (to retry), while cancel still throws. */
async function attemptRequest(run: () => Promise<RawResponse>): Promise<Outcome> {
  try {
    return { response: await run() };
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/** Waits before the next attempt, or fails when the answer is final or attempts ran out. */
async function backOff(attempt: number, outcome: Outcome, options: TransferOptions): Promise<void> {
  const { response, error } = outcome;
  if (response && !isRetryableStatus(response.status) && !isGone(response)) {
    throw uploadError(response);
  }
  if (attempt >= options.settings.maxRetries) {
    if (response) throw uploadError(response);
    fail('network', 'The connection to the server kept dropping during the upload.', {
      detail: error?.message,
      action: 'retry',
    });
  }
  await sleep(options.settings.retryDelayMs * attempt, options.signal);
}

function uploadError(response: RawResponse): AppFailure {
  return new AppFailure(mapApiError(response.status, parseErrorBody(response.text), 'the upload'));
}
