/**
 * The contract between the HTTP core and every route module.
 *
 * A route module registers handlers on the router:
 *
 *   export const uploadsRoutes: RouteModule = {
 *     register(router, deps) {
 *       router.add('POST', '/api/v1/tables/:table/uploads', async (ctx) => { ... });
 *     },
 *   };
 *
 * Patterns are matched segment by segment against the raw path (so an encoded `/` cannot split
 * a reference); `:name` captures one segment (percent-decoded), a trailing `*name` the rest.
 * Only paths under `/api/v1` are authenticated and rate limited; elsewhere `ctx.caller` is
 * anonymous. Handlers may throw
 * `ApiError` (see ./apiError.ts); the server turns it into the flat error body
 * `{error, error_description, status}` (or the `X-Redivis-Error-Payload` header for HEAD).
 * A HEAD request is routed to the GET handler when no HEAD handler exists; the body is dropped.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { ZodType } from 'zod';
import type { Store } from '../store/store.js';
import type { FaultState } from '../faults/faultState.js';
import type { AccessLevel, TableRecord, UserRecord, UploadRecord } from '../store/model.js';
import type { ResolvedTable } from '../refs/resolveTable.js';
import type { Caller } from './caller.js';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type Handler = (ctx: RequestContext) => Promise<void> | void;

export interface Router {
  add(method: HttpMethod, pattern: string, handler: Handler): void;
}

export type { Caller } from './caller.js';

export interface ResolveTableOptions {
  /** Requires `data.edit` scope, edit access and (for dataset tables) an unreleased version. */
  forWrite?: boolean;
  /** Minimum access level for reading (default `overview`). Ignored when `forWrite`. */
  need?: AccessLevel;
}

export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: HttpMethod;
  /** Decoded path, e.g. `/api/v1/tables/demo.iris_species.iris`. */
  readonly path: string;
  /** Percent-decoded captures of the route pattern. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly deps: EmulatorDeps;
  /** The raw request body; not buffered, read it as a stream for large uploads. */
  readonly body: IncomingMessage;
  /** Reads and parses a JSON body (also accepts an empty body as `{}`); 400 on bad JSON/schema. */
  readJson<T>(schema: ZodType<T>, maxBytes?: number): Promise<T>;
  /** Reads a small body as text (400 if longer than maxBytes, default 10 MB). */
  readText(maxBytes?: number): Promise<string>;
  sendJson(status: number, body: unknown, headers?: Record<string, string>): void;
  /** Sends the flat error body (or, for HEAD, the `X-Redivis-Error-Payload` header). */
  sendError(status: number, error: string, description: string, extra?: object): void;
  /** Adds an `X-Redivis-Warning` header to the response. */
  warn(message: string): void;
  readonly caller: Caller;
  /** The authenticated user, or throws 401 `invalid_token`. */
  requireUser(): UserRecord;
  /** Throws 403 `insufficient_scope` (with `scope`) unless the caller holds one of `anyOf`. */
  requireScope(...anyOf: string[]): void;
  /**
   * Resolves a table reference (§2 grammar) visible to the caller, or throws ApiError:
   * 400 malformed, 404 not found/invisible, 403 insufficient access or scope.
   */
  resolveTable(ref: string, opts?: ResolveTableOptions): ResolvedTable;
  /** Resolves `/tables/{T}/uploads/{name}` style upload names within a resolved table. */
  findUpload(table: TableRecord, uploadName: string): UploadRecord | undefined;
}

export interface EmulatorDeps {
  store: Store;
  /** `faults.takeUploadCut()` returns `{afterBytes}` when an upload should be cut (else null). */
  faults: FaultState;
  /** `http://127.0.0.1:PORT` once listening. */
  origin(): string;
  /** `origin() + '/api/v1'`. */
  apiBase(): string;
  /** Milliseconds since epoch; injectable for tests. */
  now(): number;
  config: EmulatorConfig;
}

export interface EmulatorConfig {
  dataDir: string;
  faultsEnabled: boolean;
  accessTokenTtlSeconds: number;
  readSessionTtlSeconds: number;
  log: boolean;
  /** Rows per export part file before an export is split (default 1,000,000). */
  exportPartMaxRows?: number;
}

export interface RouteModule {
  register(router: Router, deps: EmulatorDeps): void;
}
