import { AppFailure, appError } from '../../../shared/contract/errors';
import { mapApiError, parseErrorBody } from './apiErrors';
import { isRetryableStatus, retryDelayMs, sleep } from './retryPolicy';
import { streamRequest, type StreamResponse, type WireRequest, type WireResponse } from './streamTransport';

/** Supplies the bearer token; the session service implements it. */
export interface TokenSource {
  /** The current access token, refreshed first if it is about to expire; undefined when signed out. */
  accessToken(): Promise<string | undefined>;
  /** Called after a 401; returns true when a fresh token is now available and the call may be retried. */
  refreshAfterUnauthorized(): Promise<boolean>;
}

export interface ApiClientOptions {
  /** e.g. https://redivis.com/api/v1 */
  baseUrl: () => string;
  tokens: TokenSource;
  /** A response's `X-Redivis-Warning`, with the table or dataset reference the request was about. */
  onWarning?: (message: string, about: string | undefined) => void;
  maxAttempts?: number;
  userAgent?: string;
}

/** The plain settings of a client, to make a copy of it on another thread. */
export interface ThreadClientSettings {
  baseUrl: string;
  maxAttempts?: number;
  userAgent?: string;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Noun for error messages: "this table", "the dataset list". */
  what?: string;
  /** Non-2xx statuses answered as they are instead of as errors (304 to If-Modified-Since). */
  acceptStatuses?: number[];
  /**
   * A look-up the user did not ask for (e.g. the unreleased version behind the Release panel):
   * its `X-Redivis-Warning` is not shown, since it is not about what the page shows.
   */
  quiet?: boolean;
}

export interface Page<T> {
  results: T[];
  nextPageToken: string | null;
}

/**
 * The one way services talk to Redivis: bearer auth, JSON, retries with backoff on 429/5xx
 * (honouring Retry-After), one refresh-and-retry on 401, errors mapped to errors-as-data, and
 * every X-Redivis-Warning passed on (unless the request is `quiet`).
 */
export class RedivisApiClient {
  constructor(private readonly options: ApiClientOptions) {}

  /**
   * What a copy of this client on another thread is made from (exports/download/downloadThread.ts):
   * the settings as they are now, and the token source and warning sink it calls back into.
   */
  forThread(): {
    settings: ThreadClientSettings;
    tokens: TokenSource;
    onWarning: (message: string, about: string | undefined) => void;
  } {
    return {
      settings: {
        baseUrl: this.baseUrl(),
        maxAttempts: this.options.maxAttempts,
        userAgent: this.options.userAgent,
      },
      tokens: this.options.tokens,
      onWarning: (message, about) => this.options.onWarning?.(message, about),
    };
  }

  baseUrl(): string {
    return this.options.baseUrl().replace(/\/+$/, '');
  }

  url(path: string, query?: RequestOptions['query']): string {
    const url = new URL(this.baseUrl() + (path.startsWith('/') ? path : `/${path}`));
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  async json<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    const text = await response.text();
    if (!text || text === 'OK') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new AppFailure(
        appError('server', 'The server sent a response the app could not read.', {
          detail: `${method} ${path}: not JSON`,
        }),
      );
    }
  }

  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.json<T>('GET', path, options);
  }

  /** One page of a list endpoint. */
  async page<T>(
    path: string,
    options: RequestOptions & { pageToken?: string | null; maxResults?: number } = {},
  ): Promise<Page<T>> {
    const body = await this.get<{ results?: T[]; nextPageToken?: string | null }>(path, {
      ...options,
      query: {
        ...options.query,
        maxResults: options.maxResults ?? 100,
        pageToken: options.pageToken ?? undefined,
      },
    });
    if (!body || !Array.isArray(body.results)) {
      throw new AppFailure(
        appError('server', 'The server sent a list in an unexpected shape.', { detail: path }),
      );
    }
    return { results: body.results, nextPageToken: body.nextPageToken ?? null };
  }

  /** Every item of a list endpoint, following nextPageToken. */
  async *all<T>(path: string, options: RequestOptions & { pageSize?: number } = {}): AsyncGenerator<T> {
    let pageToken: string | null = null;
    do {
      const page: Page<T> = await this.page<T>(path, { ...options, pageToken, maxResults: options.pageSize });
      yield* page.results;
      pageToken = page.nextPageToken;
    } while (pageToken);
  }

  /**
   * Sends a request and returns the successful Response (body unread), for streams and
   * downloads. Non-2xx answers become AppFailures after retries are exhausted.
   */
  send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    return this.request(method, path, options, (url, init) => fetch(url, init));
  }

  /**
   * Like `send`, with the body as a plain byte stream read straight from the socket: for bulk
   * data (read streams), where fetch's web streams would cost noticeably more CPU.
   */
  stream(method: string, path: string, options: RequestOptions = {}): Promise<StreamResponse> {
    return this.request(method, path, options, streamRequest);
  }

  private async request<R extends WireResponse>(
    method: string,
    path: string,
    options: RequestOptions,
    transport: (url: string, init: WireRequest) => Promise<R>,
  ): Promise<R> {
    const maxAttempts = this.options.maxAttempts ?? 6;
    const what = options.what ?? 'this item';
    let refreshed = false;
    const target = /^https?:\/\//i.test(path) ? path : this.url(path, options.query);
    // The token belongs to the API server alone: an absolute URL elsewhere (a signed storage
    // URL, an address taken from a response) is fetched without it.
    const ownOrigin = sameOrigin(target, this.baseUrl());
    for (let attempt = 1; ; attempt++) {
      const token = ownOrigin ? await this.options.tokens.accessToken() : undefined;
      const headers: Record<string, string> = Object.fromEntries(
        Object.entries(options.headers ?? {}).filter(
          ([name]) => ownOrigin || name.toLowerCase() !== 'authorization',
        ),
      );
      if (token) headers.Authorization = `Bearer ${token}`;
      if (this.options.userAgent) headers['User-Agent'] = this.options.userAgent;
      let body: string | undefined;
      if (options.body !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(options.body);
      }
      let response: R;
      try {
        response = await transport(target, {
          method,
          headers,
          body,
          signal: options.signal,
        });
      } catch (error) {
        if (options.signal?.aborted) throw new AppFailure(appError('cancelled', 'Cancelled.'));
        if (attempt < maxAttempts) {
          await sleep(retryDelayMs(attempt, null), options.signal);
          continue;
        }
        throw new AppFailure(
          appError('network', 'Could not reach the Redivis server.', {
            detail:
              error instanceof Error
                ? error.cause instanceof Error
                  ? error.cause.message
                  : error.message
                : undefined,
            action: 'retry',
          }),
        );
      }
      if (!options.quiet) this.noteWarning(response.headers.get('x-redivis-warning'), target);
      if (response.ok || options.acceptStatuses?.includes(response.status)) return response;
      const errorText = method === 'HEAD' ? decodeHeadError(response) : await response.text();
      if (response.status === 401 && token && !refreshed) {
        refreshed = true;
        if (await this.options.tokens.refreshAfterUnauthorized()) continue;
      }
      if (isRetryableStatus(response.status) && attempt < maxAttempts) {
        await sleep(retryDelayMs(attempt, response.headers.get('retry-after')), options.signal);
        continue;
      }
      throw new AppFailure(mapApiError(response.status, parseErrorBody(errorText), what));
    }
  }

  private noteWarning(warning: string | null, url: string): void {
    // Every response's warning is passed on with what it is about; the window shows it on the
    // page of that table or dataset only, however late it arrives.
    if (!warning) return;
    this.options.onWarning?.(warning, referenceInUrl(url));
  }
}

/** The table or dataset reference of an API URL (`…/tables/{ref}/…`), if it names one. */
function referenceInUrl(url: string): string | undefined {
  const match = /\/(tables|datasets)\/([^/?#]+)/.exec(url);
  if (!match?.[2]) return undefined;
  try {
    return decodeURIComponent(match[2]);
  } catch {
    return undefined;
  }
}

function sameOrigin(url: string, base: string): boolean {
  try {
    return new URL(url).origin === new URL(base).origin;
  } catch {
    return false;
  }
}

function decodeHeadError(response: WireResponse): string {
  const payload = response.headers.get('x-redivis-error-payload');
  if (!payload) return '';
  try {
    return decodeURIComponent(payload);
  } catch {
    return '';
  }
}
