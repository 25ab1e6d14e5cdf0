import type { RecordBatch } from 'apache-arrow';
import { AppFailure, appError } from '../../../shared/contract/errors';
import type { RedivisApiClient } from './apiClient';
import { ArrowMessageFramer } from './arrowMessages';
import { withinTurnBudget } from './loopTurnBudget';
import { retryDelayMs, sleep } from './retryPolicy';
import { decodeStreamBatch, StreamBatchAssembler, type StreamBatch } from './streamBatch';

export interface StreamReadOptions {
  signal?: AbortSignal;
  /** Attempts after a broken connection; HTTP 429/5xx retries happen inside the API client. */
  maxRetries?: number;
  /** Rows already received in an earlier run (to resume a job). */
  startOffset?: number;
  onRetry?: (info: { attempt: number; rowsReceived: number; error: unknown }) => void;
}

class TruncatedStream extends Error {
  constructor() {
    super('The read stream ended before its end-of-stream marker.');
  }
}

/** Decodes a response body into items that each carry a row count (0 for the sentinel). */
type BodyParser<T> = (body: AsyncIterable<Uint8Array>) => AsyncIterable<T>;

/**
 * Yields the Arrow record batches of one read stream (spec 4.2), decoded. Used where the values
 * are looked at on this side (pages deep in a view, column profiles).
 */
export function readStreamBatches(
  api: RedivisApiClient,
  streamId: string,
  options: StreamReadOptions = {},
): AsyncGenerator<RecordBatch> {
  return readResumably(api, streamId, options, decodedBatches);
}

/**
 * Yields the record batches of one read stream in wire form, undecoded: downloads pass them on
 * to disk or to a formatter, and the preview to the renderer, without paying to decode them on
 * the main thread. All such streams share the per-turn budget of `loopTurnBudget.ts`, so the
 * windows' IPC is served between their chunks.
 */
export function readStreamMessages(
  api: RedivisApiClient,
  streamId: string,
  options: StreamReadOptions = {},
): AsyncGenerator<StreamBatch> {
  return readResumably(api, streamId, options, (body) => framedBatches(withinTurnBudget(body)));
}

/**
 * Framed here, then decoded batch by batch, rather than by apache-arrow's reader over the body:
 * given an async iterable, that reader holds back a batch that ends exactly where a chunk ends
 * until the next chunk arrives (its byte queue only serves a request smaller than what it has),
 * so a stream that pauses between batches would keep its last complete batch from its reader.
 */
async function* decodedBatches(body: AsyncIterable<Uint8Array>): AsyncGenerator<RecordBatch> {
  for await (const batch of framedBatches(body)) yield decodeStreamBatch(batch);
}

async function* framedBatches(body: AsyncIterable<Uint8Array>): AsyncGenerator<StreamBatch> {
  const framer = new ArrowMessageFramer();
  const assembler = new StreamBatchAssembler();
  for await (const chunk of body) {
    for (const message of framer.push(chunk)) {
      const batch = assembler.add(message);
      if (batch) yield batch;
    }
    if (framer.ended) return;
  }
}

/**
 * Asks for the zero-row end-of-stream sentinel, so a stream cut at a message boundary is told
 * apart from a complete one; on any break it reconnects with `offset` = rows received so far,
 * with backoff. Only complete batches are ever yielded.
 */
async function* readResumably<T extends { numRows: number }>(
  api: RedivisApiClient,
  streamId: string,
  options: StreamReadOptions,
  parse: BodyParser<T>,
): AsyncGenerator<T> {
  const maxRetries = options.maxRetries ?? 10;
  let rowsReceived = options.startOffset ?? 0;
  let failures = 0;
  for (;;) {
    try {
      const response = await api.stream('GET', `/readStreams/${encodeURIComponent(streamId)}`, {
        query: { offset: rowsReceived, eosSentinel: true },
        signal: options.signal,
        what: 'this read stream',
      });
      let sawSentinel = false;
      for await (const batch of parse(response.body)) {
        if (batch.numRows === 0) {
          sawSentinel = true;
          continue;
        }
        sawSentinel = false;
        rowsReceived += batch.numRows;
        failures = 0;
        yield batch;
      }
      if (sawSentinel) return;
      throw new TruncatedStream();
    } catch (error) {
      if (options.signal?.aborted) throw new AppFailure(appError('cancelled', 'Cancelled.'));
      // Errors the server stated (403, 404, 400 …) will not heal by retrying.
      if (
        error instanceof AppFailure &&
        !['network', 'unavailable', 'server'].includes(error.appError.code)
      ) {
        throw error;
      }
      failures++;
      if (failures > maxRetries) {
        throw new AppFailure(
          appError('network', 'The connection kept breaking while reading the table.', {
            detail: error instanceof Error ? error.message : String(error),
            action: 'retry',
          }),
        );
      }
      options.onRetry?.({ attempt: failures, rowsReceived, error });
      await sleep(retryDelayMs(failures, null, 200, 5000), options.signal);
    }
  }
}
