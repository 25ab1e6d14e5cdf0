import type { Worker } from 'node:worker_threads';
import type { TokenSource } from '../../redivis/apiClient';
import type { LocalFormat } from '../exportFormats';
import { removeQuietly, temporaryPathFor } from '../placement/outputPlacement';
import { loadBundledWorkers } from '../threads/bundledWorkers';
import { prepareWorkers, spareCount, takeWorker, type ThreadKind } from '../threads/threadReserve';
import {
  fromThreadError,
  threadLost,
  toThreadError,
  type DownloadSetup,
  type DownloadThreadPlan,
  type FromDownload,
  type ToDownload,
} from './downloadMessages';
import type { TableDownloadOptions, TableDownloadResult } from './tableDownload';

/** The built app's worker files, read once. */
const bundled = loadBundledWorkers();

function threadKind(options: Pick<TableDownloadOptions, 'format' | 'formatters' | 'encoders'>): ThreadKind {
  const plan: DownloadThreadPlan = {
    format: options.format,
    formatters: options.formatters,
    encoders: options.encoders,
  };
  return { name: 'downloadWorker', variant: JSON.stringify(plan) };
}

/**
 * Starts a download thread for `format` ahead of the export that will take it, with its writer
 * threads (see threadReserve.ts). Resolves once they are loaded.
 */
export async function prepareDownload(
  format: LocalFormat,
  threads: Pick<TableDownloadOptions, 'formatters' | 'encoders'> = {},
): Promise<void> {
  await bundled;
  return prepareWorkers(threadKind({ format, ...threads }), 1);
}

/** Download threads prepared for `format` and waiting (for tests and diagnostics). */
export function preparedDownloads(format: LocalFormat): number {
  return spareCount(threadKind({ format }));
}

/**
 * Runs `downloadTable` on a thread of its own (downloadWorker.ts), so the main thread, which in
 * the desktop app also serves the windows, only relays progress, tokens and warnings. The thread
 * asks this one for every access token; cancelling the signal cancels the download there. If
 * the thread dies without an answer, the job fails with a plain error and its temporary file is
 * removed: nothing ever appears at the target but a complete file.
 */
export async function downloadOnThread(options: TableDownloadOptions): Promise<TableDownloadResult> {
  const { api, signal, progress, ...request } = options;
  signal.throwIfAborted();
  const client = api.forThread();
  const temporary = request.temporary ?? temporaryPathFor(request.target);
  const setup: DownloadSetup = { client: client.settings, request: { ...request, temporary } };
  await bundled;
  const worker = await takeWorker(threadKind(options), setup);
  try {
    return await relay(worker, client.tokens, client.onWarning, signal, progress);
  } finally {
    await worker.terminate();
    // The thread removes its temporary file however its download ends, unless it died first.
    await removeQuietly(temporary);
  }
}

function relay(
  worker: Worker,
  tokens: TokenSource,
  onWarning: (message: string, about: string | undefined) => void,
  signal: AbortSignal,
  progress: TableDownloadOptions['progress'],
): Promise<TableDownloadResult> {
  const send = (message: ToDownload) => worker.postMessage(message);
  return new Promise<TableDownloadResult>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', cancel);
      outcome();
    };
    const cancel = () => send({ type: 'cancel' });
    signal.addEventListener('abort', cancel, { once: true });
    if (signal.aborted) cancel();
    worker.on('message', (message: FromDownload) => {
      switch (message.type) {
        case 'progress':
          progress?.(message.update);
          return;
        case 'token': {
          const asked = message.refresh ? tokens.refreshAfterUnauthorized() : tokens.accessToken();
          asked.then(
            (value) => send({ type: 'token', id: message.id, value }),
            (error: unknown) => send({ type: 'token', id: message.id, error: toThreadError(error) }),
          );
          return;
        }
        case 'warning':
          onWarning(message.message, message.about);
          return;
        case 'done':
          settle(() => resolve(message.result));
          return;
        case 'failed':
          settle(() => reject(fromThreadError(message.error)));
          return;
      }
    });
    worker.on('error', (error) => settle(() => reject(threadLost(error.message))));
    worker.on('exit', (code) =>
      settle(() => reject(threadLost(`The download thread exited with code ${code}.`))),
    );
  });
}
