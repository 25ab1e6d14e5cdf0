import { AppFailure } from '../../../../shared/contract/errors';
import type { RedivisApiClient } from '../../redivis/apiClient';
import type { ReadSessionStream } from '../../redivis/readSession';
import { readStreamMessages } from '../../redivis/readStream';
import { retryDelayMs, sleep } from '../../redivis/retryPolicy';
import type { StreamBatch } from '../../redivis/streamBatch';

/** Rounds of rate limiting a stream may sit out (each after the client's own retries). */
const RATE_LIMIT_ROUNDS = 8;

export interface FanInOptions {
  signal: AbortSignal;
  /** How many streams are read at the same time. */
  parallel: number;
  /** A stream is being picked up again: after a broken connection, or a rate limit outlasted. */
  onRetry?: (info: { streamId: string; attempt: number; reason: 'connection' | 'rate_limited' }) => void;
}

/**
 * Reads several read streams at once and hands their batches to `consume` one at a time.
 * Each reader waits for `consume` before pulling its next batch, so a slow disk slows the
 * network down instead of filling memory. `consume` returns false to stop everything early
 * (row limit reached). Row order is kept within a stream; streams interleave.
 */
export async function fanInStreams(
  api: RedivisApiClient,
  streams: ReadSessionStream[],
  consume: (batch: StreamBatch) => Promise<boolean>,
  options: FanInOptions,
): Promise<void> {
  const stop = new AbortController();
  const onAbort = () => stop.abort(options.signal.reason);
  options.signal.addEventListener('abort', onAbort, { once: true });
  let turn: Promise<unknown> = Promise.resolve();
  let next = 0;

  // One consumer at a time: batches from different streams must not interleave mid-write.
  const serially = (batch: StreamBatch): Promise<boolean> => {
    const result = turn.then(() => (stop.signal.aborted ? false : consume(batch)));
    turn = result.catch(() => undefined);
    return result;
  };

  let firstError: unknown;
  const reader = async (): Promise<void> => {
    try {
      while (!stop.signal.aborted) {
        const stream = streams[next++];
        if (!stream) return;
        if (!(await readOneStream(api, stream.id, serially, stop.signal, options))) {
          stop.abort();
          return;
        }
      }
    } catch (error) {
      // The first real failure stops the other readers; their resulting cancels are noise.
      if (!stop.signal.aborted) firstError = error;
      stop.abort();
    }
  };

  try {
    const count = Math.max(1, Math.min(options.parallel, streams.length));
    await Promise.all(Array.from({ length: count }, reader));
    if (options.signal.aborted) throw options.signal.reason;
    if (firstError !== undefined) throw firstError;
    await turn;
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    stop.abort();
  }
}

/**
 * One stream to its end. The stream reader resumes broken connections itself; a long 429
 * storm outlasts the API client's retries, so the stream is picked up again from its row
 * offset after a pause. Returns false when `consume` asked to stop.
 */
async function readOneStream(
  api: RedivisApiClient,
  streamId: string,
  consume: (batch: StreamBatch) => Promise<boolean>,
  signal: AbortSignal,
  options: FanInOptions,
): Promise<boolean> {
  let rows = 0;
  for (let round = 1; ; round++) {
    try {
      const batches = readStreamMessages(api, streamId, {
        signal,
        startOffset: rows,
        onRetry: ({ attempt }) => options.onRetry?.({ streamId, attempt, reason: 'connection' }),
      });
      for await (const batch of batches) {
        rows += batch.numRows;
        if (!(await consume(batch))) return false;
      }
      return true;
    } catch (error) {
      const limited = error instanceof AppFailure && error.appError.code === 'rate_limited';
      if (!limited || round > RATE_LIMIT_ROUNDS || signal.aborted) throw error;
      options.onRetry?.({ streamId, attempt: round, reason: 'rate_limited' });
      await sleep(retryDelayMs(round, null, 1000, 15_000), signal);
    }
  }
}
