import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { ZodType } from 'zod';
import { resolveTableReference, type ResolvedTable } from '../refs/resolveTable.js';
import type { ResolveOptions } from '../refs/resolveContainer.js';
import type { TableRecord, UploadRecord, UserRecord } from '../store/model.js';
import { ApiError, insufficientScope, invalidToken } from './apiError.js';
import type { Caller, EmulatorDeps, HttpMethod, RequestContext, ResolveTableOptions } from './routeModule.js';

const DEFAULT_MAX_BODY = 10 * 1024 * 1024;

export function readBodyText(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new ApiError(413, 'payload_too_large', `Request body exceeds ${maxBytes} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Upload names in URIs have `.` replaced by `_` (spec §2.6); compare in that form. */
function uploadKey(name: string): string {
  return name.replace(/\./g, '_').toLowerCase();
}

export class HttpRequestContext implements RequestContext {
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  private readonly warnings: string[] = [];

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly method: HttpMethod,
    readonly path: string,
    readonly params: Readonly<Record<string, string>>,
    query: URLSearchParams,
    readonly deps: EmulatorDeps,
    readonly caller: Caller,
  ) {
    this.query = query;
    this.headers = req.headers;
  }

  get body(): IncomingMessage {
    return this.req;
  }

  async readText(maxBytes = DEFAULT_MAX_BODY): Promise<string> {
    return readBodyText(this.req, maxBytes);
  }

  async readJson<T>(schema: ZodType<T>, maxBytes = DEFAULT_MAX_BODY): Promise<T> {
    const text = await this.readText(maxBytes);
    let value: unknown = {};
    if (text.trim()) {
      try {
        value = JSON.parse(text);
      } catch {
        throw new ApiError(400, 'invalid_request', 'The request body is not valid JSON');
      }
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
        .join('; ');
      throw new ApiError(400, 'invalid_request', `Invalid request body: ${issues}`);
    }
    return parsed.data;
  }

  warn(message: string): void {
    this.warnings.push(message);
    this.res.setHeader('X-Redivis-Warning', this.warnings);
  }

  sendJson(status: number, body: unknown, headers: Record<string, string> = {}): void {
    const sent = status < 300 ? this.deps.faults.malform(this.method, this.path, body) : body;
    const text = JSON.stringify(sent);
    this.res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      ...headers,
    });
    this.res.end(text);
  }

  sendError(status: number, error: string, description: string, extra: object = {}): void {
    sendApiError(this.res, this.method, new ApiError(status, error, description, { ...extra }));
  }

  requireUser(): UserRecord {
    if (!this.caller.user) throw invalidToken('Authentication is required for this request');
    return this.caller.user;
  }

  requireScope(...anyOf: string[]): void {
    this.requireUser();
    if (anyOf.some((scope) => this.caller.scopes.includes(scope))) return;
    const scope = anyOf[0] ?? 'public';
    throw insufficientScope(scope, `One of the scopes ${anyOf.join(', ')} is required`);
  }

  resolveOptions(): ResolveOptions {
    return {
      state: this.deps.store.state,
      caller: this.caller,
      exactReferences: isTrue(this.query.get('exactReferences')),
      strictReferences: isTrue(this.query.get('strictReferences')),
    };
  }

  resolveTable(ref: string, opts: ResolveTableOptions = {}): ResolvedTable {
    const resolved = resolveTableReference(
      ref,
      this.resolveOptions(),
      opts.need ?? 'overview',
      opts.forWrite ?? false,
    );
    if (resolved.version && !resolved.version.isReleased) {
      this.warn(`Table ${resolved.table.name} belongs to an unreleased version; its contents may change`);
    }
    return resolved;
  }

  findUpload(table: TableRecord, uploadName: string): UploadRecord | undefined {
    const key = uploadKey(uploadName);
    return this.deps.store.uploadsOf(table.id).find((u) => uploadKey(u.name) === key);
  }
}

export function isTrue(value: string | null): boolean {
  return value === 'true' || value === '1' || value === '';
}

/** Writes an ApiError; HEAD responses carry it URL-encoded in `X-Redivis-Error-Payload`. */
export function sendApiError(res: ServerResponse, method: string, error: ApiError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(error.body());
  const headers: Record<string, string | number> = { ...error.headers };
  if (method === 'HEAD') {
    headers['X-Redivis-Error-Payload'] = encodeURIComponent(text);
    res.writeHead(error.status, headers);
    res.end();
    return;
  }
  headers['Content-Type'] = 'application/json; charset=utf-8';
  headers['Content-Length'] = Buffer.byteLength(text);
  res.writeHead(error.status, headers);
  res.end(text);
}
