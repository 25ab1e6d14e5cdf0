import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** What the API client's retry loop needs of an answer, whichever transport brought it. */
export interface WireResponse {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** An answer whose body is read as a plain byte stream. */
export interface StreamResponse extends WireResponse {
  body: AsyncIterable<Uint8Array>;
}

export interface WireRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** A connection silent this long is dropped (default one minute). */
  idleTimeoutMs?: number;
}

const MAX_REDIRECTS = 5;
/**
 * fetch gives up on a silent connection after five minutes; a read stream that stalls should be
 * resumed sooner than that, and node:http on its own would wait forever.
 */
const IDLE_TIMEOUT_MS = 60_000;

/**
 * Requests through node:http(s) with the body left as a Node stream. Big downloads go this way:
 * reading a response through fetch's web streams costs about 1.6 times the CPU of reading the
 * same bytes from the socket (measured on the read-stream benchmark), and on a busy machine
 * that CPU is the limit. Redirects are followed, and the Authorization header is dropped
 * whenever one leads to another origin (signed storage URLs).
 */
export async function streamRequest(url: string, init: WireRequest): Promise<StreamResponse> {
  let target = new URL(url);
  let headers = init.headers;
  for (let hops = 0; ; hops++) {
    const response = await once(target, { ...init, headers });
    const location = response.headers.location;
    if (response.statusCode && response.statusCode >= 300 && response.statusCode < 400 && location) {
      response.resume();
      if (hops >= MAX_REDIRECTS) throw new Error('Too many redirects.');
      const next = new URL(location, target);
      if (next.origin !== target.origin) {
        headers = Object.fromEntries(
          Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'),
        );
      }
      target = next;
      continue;
    }
    return wrap(response);
  }
}

function once(url: URL, init: WireRequest): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : null;
    if (!send) {
      reject(new Error(`Unsupported address: ${url.protocol}`));
      return;
    }
    const { signal } = init;
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let response: IncomingMessage | undefined;
    // Cancelling destroys the response being read (or the request still waiting for one); the
    // reader then sees the error.
    const onAbort = () => {
      const error = new Error('The request was cancelled.');
      if (response) response.destroy(error);
      else request.destroy(error);
    };
    const request = send(url, { method: init.method, headers: init.headers }, (answer) => {
      response = answer;
      // A cancel can destroy the response before anyone iterates it; the reader still sees the
      // error (the stream is left errored), but an 'error' event with no listener would crash.
      answer.on('error', () => undefined);
      answer.on('close', () => signal?.removeEventListener('abort', onAbort));
      resolve(answer);
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    request.setTimeout(init.idleTimeoutMs ?? IDLE_TIMEOUT_MS, () => {
      const error = new Error('The server stopped sending data.');
      if (response) response.destroy(error);
      else request.destroy(error);
    });
    request.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
    request.end(init.body);
  });
}

function wrap(response: IncomingMessage): StreamResponse {
  const status = response.statusCode ?? 0;
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: {
      get(name) {
        const value = response.headers[name.toLowerCase()];
        return Array.isArray(value) ? value.join(', ') : (value ?? null);
      },
    },
    async text() {
      const chunks: Buffer[] = [];
      for await (const chunk of response) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    body: response,
  };
}
