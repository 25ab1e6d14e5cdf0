import { RecordBatchReader, type RecordBatch } from 'apache-arrow';
import { AppFailure, appError } from '../../../shared/contract/errors';
import type { RedivisApiClient } from './apiClient';
import { retryDelayMs, sleep } from './retryPolicy';

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

/**
 * Yields the Arrow record batches of one read stream (spec 4.2). Asks for the zero-row
 * end-of-stream sentinel, so a stream cut at a message boundary is told apart from a complete
 * one; on any break it reconnects with `offset` = rows received so far, with backoff.
 */
export async function* readStreamBatches(
  api: RedivisApiClient,
  streamId: string,
  options: StreamReadOptions = {},
): AsyncGenerator<RecordBatch> {
  const maxRetries = options.maxRetries ?? 10;
  let rowsReceived = options.startOffset ?? 0;
  let failures = 0;
  for (;;) {
    try {
      const response = await api.send('GET', `/readStreams/${encodeURIComponent(streamId)}`, {
        query: { offset: rowsReceived, eosSentinel: true },
        signal: options.signal,
        what: 'this read stream',
      });
      if (!response.body) throw new TruncatedStream();
      const reader = await RecordBatchReader.from(response.body as AsyncIterable<Uint8Array>);
      let sawSentinel = false;
      for await (const batch of reader) {
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
