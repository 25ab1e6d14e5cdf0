import { expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, retryAfterMs, retryDelayMs } from './retryPolicy';

const now = Date.UTC(2026, 11, 2, 12, 0, 0);

it('reads Retry-After as Redivis documents it: a point in time in ms since the epoch', () => {
  expect(retryAfterMs(String(now + 2_500), now)).toBe(2_500);
  expect(retryAfterMs(String(now - 10_000), now)).toBe(0);
});

it('reads delta-seconds, whole or fractional', () => {
  expect(retryAfterMs('3', now)).toBe(3_000);
  expect(retryAfterMs('0', now)).toBe(0);
  expect(retryAfterMs('1.5', now)).toBe(1_500);
});

it('reads an HTTP date', () => {
  expect(retryAfterMs('Wed, 02 Dec 2026 12:00:04 GMT', now)).toBe(4_000);
  expect(retryAfterMs('Wed, 02 Dec 2026 11:00:00 GMT', now)).toBe(0);
});

it('caps absurd waits and ignores what it cannot read', () => {
  expect(retryAfterMs('86400', now)).toBe(MAX_RETRY_AFTER_MS);
  expect(retryAfterMs(String(now + 7 * 86_400_000), now)).toBe(MAX_RETRY_AFTER_MS);
  expect(retryAfterMs('Fri, 31 Dec 9999 23:59:59 GMT', now)).toBe(MAX_RETRY_AFTER_MS);
  for (const junk of [null, '', '  ', 'soon', '-5', '1e3', 'NaN', 'Infinity']) {
    expect(retryAfterMs(junk, now), String(junk)).toBeUndefined();
  }
});

it('falls back to capped exponential backoff without a usable header', () => {
  for (let attempt = 1; attempt <= 10; attempt++) {
    const delay = retryDelayMs(attempt, 'soon', 250, 8000);
    const exp = Math.min(8000, 250 * 2 ** (attempt - 1));
    expect(delay).toBeGreaterThanOrEqual(exp / 2);
    expect(delay).toBeLessThanOrEqual(exp);
  }
});
