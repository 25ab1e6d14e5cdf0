import { fail } from '../../shared/contract/errors';

/** Hosts the app may send the user to. The configured API server is added at start-up. */
const knownHosts = ['redivis.com', 'docs.redivis.com', 'apidocs.redivis.com'];

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/**
 * Decides whether a URL may be opened outside the app: https to Redivis' hosts or the
 * configured server, or http(s) to this machine (the local demo server's pages).
 */
export function checkExternalUrl(raw: string, extraOrigins: string[] = []): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('bad_input', 'That link is not a valid address.');
  }
  if (extraOrigins.includes(url.origin)) return url;
  if (
    url.protocol === 'https:' &&
    knownHosts.some((h) => url.hostname === h || url.hostname.endsWith(`.${h}`))
  ) {
    return url;
  }
  if ((url.protocol === 'http:' || url.protocol === 'https:') && isLoopback(url.hostname)) return url;
  return fail('forbidden', `The app does not open links to ${url.host || raw}.`);
}
