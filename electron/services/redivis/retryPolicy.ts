/** Statuses worth retrying: rate limiting and passing server trouble. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503 || status === 502 || status === 504 || status === 500;
}

/** The longest wait any server answer can impose before the next attempt. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Epoch milliseconds start with 13 digits; no server asks for a wait of 10^11 seconds, so a
 * number this large is a point in time, not a delay.
 */
const EPOCH_MS_THRESHOLD = 1e11;

/**
 * How long a `Retry-After` answer asks to wait, in ms, or undefined when it says nothing usable.
 * Redivis documents it as a point in time in milliseconds since the epoch; HTTP also allows
 * delta-seconds and an HTTP date. A time in the past means now; an absurd wait is capped.
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  let wait: number;
  if (/^\d+(\.\d+)?$/.test(value)) {
    const number = Number(value);
    wait = number >= EPOCH_MS_THRESHOLD ? number - now : number * 1000;
  } else {
    // An HTTP date names its day and month; Date.parse alone would read "-5" as a year.
    const date = /[a-z]{3}/i.test(value) ? Date.parse(value) : NaN;
    if (!Number.isFinite(date)) return undefined;
    wait = date - now;
  }
  return Math.max(0, Math.min(wait, MAX_RETRY_AFTER_MS));
}

/**
 * Delay before attempt `attempt` (1-based). Retry-After wins when the server gives one;
 * otherwise exponential backoff with jitter, capped.
 */
export function retryDelayMs(attempt: number, retryAfter: string | null, baseMs = 250, capMs = 8000): number {
  const asked = retryAfterMs(retryAfter);
  if (asked !== undefined) return asked;
  const exp = Math.min(capMs, baseMs * 2 ** (attempt - 1));
  return exp / 2 + Math.random() * (exp / 2);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
