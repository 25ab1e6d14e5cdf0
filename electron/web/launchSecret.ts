import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The cookie's name carries the port: cookies are scoped by host, not port, so every other
 * server on localhost sees them, and a fixed name would let a launch on one port overwrite or
 * shadow the cookie of a launch on another.
 */
export function secretCookieName(port: string | number): string {
  return `redivis_desktop_key_${port}`;
}
export const SECRET_QUERY = 'key';

export function newLaunchSecret(): string {
  return randomBytes(32).toString('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export type Admission = 'ok' | 'ok_from_query' | 'no_secret' | 'wrong_secret' | 'foreign_origin' | 'bad_host';

/**
 * Every request and WebSocket upgrade must prove it comes from the page this launch served:
 * the secret (first in the URL, then in an HttpOnly SameSite cookie), a Host naming this
 * loopback server (against DNS rebinding), and, when the browser sends one, our own Origin.
 */
export function admit(request: IncomingMessage, secret: string, ownOrigin: string): Admission {
  const own = new URL(ownOrigin);
  let fromQuery: string | null;
  try {
    fromQuery = new URL(request.url ?? '/', ownOrigin).searchParams.get(SECRET_QUERY);
  } catch {
    return 'no_secret';
  }
  const host = request.headers.host ?? '';
  if (host !== own.host && host !== `localhost:${own.port}`) return 'bad_host';
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== ownOrigin && origin !== `http://localhost:${own.port}`) {
    return 'foreign_origin';
  }
  if (fromQuery !== null) return safeEqual(fromQuery, secret) ? 'ok_from_query' : 'wrong_secret';
  const fromCookie = cookieValue(request.headers.cookie, secretCookieName(own.port));
  if (fromCookie === undefined) return 'no_secret';
  return safeEqual(fromCookie, secret) ? 'ok' : 'wrong_secret';
}
