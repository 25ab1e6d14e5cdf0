import { ApiError } from './apiError.js';
import type { RequestContext } from './routeModule.js';

/**
 * Offset pagination for list endpoints: `{kind, results, nextPageToken}` where the token is an
 * opaque string (null on the last page; the key is always present).
 */
export function sendPage<T>(
  ctx: RequestContext,
  kind: string,
  items: readonly T[],
  toJson: (item: T) => unknown,
  defaultMax = 100,
  maxAllowed = 10_000,
): void {
  const maxText = ctx.query.get('maxResults');
  let max = defaultMax;
  if (maxText !== null && maxText !== '') {
    max = Number(maxText);
    if (!Number.isInteger(max) || max < 1 || max > maxAllowed) {
      throw new ApiError(400, 'invalid_request', `maxResults must be an integer between 1 and ${maxAllowed}`);
    }
  }
  const token = ctx.query.get('pageToken');
  let start = 0;
  if (token) {
    const decoded = /^o(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    if (!decoded?.[1]) throw new ApiError(400, 'invalid_request', 'Invalid pageToken');
    start = Number(decoded[1]);
  }
  const page = items.slice(start, start + max);
  const end = start + page.length;
  const nextPageToken = end < items.length ? Buffer.from(`o${end}`).toString('base64url') : null;
  ctx.sendJson(200, { kind, results: page.map(toJson), nextPageToken });
}
