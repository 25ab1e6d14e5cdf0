import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppFailure, appError } from '../../../shared/contract/errors';
import { callbackHeaders, failurePage, successPage } from './callbackPages';

export const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

export interface LoopbackListenerOptions<T> {
  /**
   * Checks the callback's query and finishes the sign-in (code exchange). Its outcome decides
   * the page the browser shows, so a failed exchange never shows "signed in".
   */
  handle(params: URLSearchParams): Promise<T>;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface LoopbackListener<T> {
  /** http://127.0.0.1:<port>/callback/<random> */
  redirectUri: string;
  /** Settles once: the handled callback, a timeout, or cancellation. The listener is closed by then. */
  result: Promise<T>;
}

function send(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { ...callbackHeaders, 'Content-Length': Buffer.byteLength(html) });
  response.end(html);
}

/**
 * The redirect target of the browser sign-in: an HTTP listener on 127.0.0.1 and a random port,
 * with one callback path. It accepts one callback and then closes; other paths (a favicon)
 * get 404 without ending the attempt; a timeout or the abort signal ends it too.
 */
export async function startLoopbackListener<T>(
  options: LoopbackListenerOptions<T>,
): Promise<LoopbackListener<T>> {
  // The random path means a stray local request cannot even find the callback.
  const path = `/callback/${randomBytes(12).toString('base64url')}`;
  let settle: { resolve(value: T): void; reject(error: AppFailure): void } | undefined;
  const result = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // The attempt may end (timeout, cancel) before the caller awaits it; that is not unhandled.
  result.catch(() => undefined);
  let accepted = false;
  let finished = false;

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== path) {
      send(response, 404, failurePage('This address is not part of the sign-in.'));
      return;
    }
    if (request.method !== 'GET') {
      send(response, 405, failurePage('The sign-in answer must come from your browser.'));
      return;
    }
    if (accepted) {
      send(response, 409, failurePage('This sign-in answer was already received; it is used only once.'));
      return;
    }
    accepted = true;
    options.handle(url.searchParams).then(
      (value) => {
        send(response, 200, successPage());
        finish(() => settle?.resolve(value));
      },
      (error: unknown) => {
        const failure =
          error instanceof AppFailure
            ? error
            : new AppFailure(appError('internal', 'The sign-in could not be completed.'));
        send(response, 400, failurePage(failure.appError.message));
        finish(() => settle?.reject(failure));
      },
    );
  });

  const timer = setTimeout(
    () =>
      finish(() =>
        settle?.reject(
          new AppFailure(
            appError('timeout', 'The sign-in took too long and was stopped. Start it again.', {
              action: 'retry',
            }),
          ),
        ),
      ),
    options.timeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS,
  );
  const onAbort = () =>
    finish(() => settle?.reject(new AppFailure(appError('cancelled', 'Sign-in was cancelled.'))));

  function finish(outcome: () => void): void {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    // Stop listening at once; the page already written still reaches the browser.
    server.close();
    server.closeIdleConnections();
    setImmediate(() => server.closeAllConnections());
    outcome();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    server.listen(0, '127.0.0.1', () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  return { redirectUri: `http://127.0.0.1:${port}${path}`, result };
}
