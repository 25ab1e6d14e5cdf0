import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { verifyBearer } from '../auth/tokens.js';
import { ApiError, invalidToken } from './apiError.js';
import { RateLimiter } from './rateLimit.js';
import { HttpRequestContext, sendApiError } from './requestContext.js';
import type { Caller, EmulatorDeps, HttpMethod } from './routeModule.js';
import { SegmentRouter } from './router.js';

const METHODS: readonly HttpMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const API_PREFIX = '/api/v1';
const ANONYMOUS: Caller = { user: null, scopes: ['public'], tokenKind: 'anonymous' };

function authenticate(deps: EmulatorDeps, req: IncomingMessage): Caller {
  const header = req.headers.authorization;
  if (!header) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw invalidToken('The Authorization header must be "Bearer <token>"');
  const verified = verifyBearer(deps.store, match[1], deps.now());
  if (typeof verified === 'string') {
    const reason = verified === 'expired' ? 'The access token has expired' : 'The access token is invalid';
    throw invalidToken(reason);
  }
  return { user: verified.user, scopes: verified.scopes, tokenKind: verified.kind };
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

export interface HttpServerOptions {
  deps: EmulatorDeps;
  router: SegmentRouter;
  rateLimitPerMinute: number;
}

/** The HTTP entry point: auth, rate limit, faults, routing and error mapping. */
export function createHttpServer({ deps, router, rateLimitPerMinute }: HttpServerOptions): Server {
  const limiter = new RateLimiter(rateLimitPerMinute);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase() as HttpMethod;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawPath = url.pathname;
    if (deps.config.log) console.log(`${method} ${rawPath}`);
    if (!isLoopback(req.socket.remoteAddress)) {
      throw new ApiError(403, 'forbidden', 'The emulator only serves loopback clients');
    }
    if (!METHODS.includes(method)) {
      throw new ApiError(405, 'method_not_allowed', `${method} is not supported`);
    }
    const isAdmin = rawPath.startsWith('/__emulator');
    if (!isAdmin && deps.faults.latencyMs > 0) await delay(deps.faults.latencyMs);

    const isApi = rawPath === API_PREFIX || rawPath.startsWith(`${API_PREFIX}/`);
    let caller = ANONYMOUS;
    if (isApi) {
      // The rate-limit headers go on every API response, a 401 for a bad token included.
      let rejected: unknown = null;
      try {
        caller = authenticate(deps, req);
      } catch (error) {
        rejected = error;
      }
      const decision = limiter.hit(caller.user?.name ?? `ip:${req.socket.remoteAddress}`, deps.now());
      res.setHeader('X-RateLimit-Limit', String(decision.limit));
      res.setHeader('X-RateLimit-Remaining', String(decision.remaining));
      res.setHeader('X-RateLimit-Reset', String(decision.resetAt));
      if (rejected) throw rejected;
      if (!decision.allowed) {
        // The seeds document Retry-After as a point in time in ms since the epoch.
        throw new ApiError(
          429,
          'rate_limit_exceeded',
          'Too many requests; retry later',
          {},
          { 'Retry-After': String(decision.resetAt) },
        );
      }
    }
    if (!isAdmin) {
      const failure = deps.faults.takeFailure(rawPath);
      if (failure) {
        const headers: Record<string, string> = {};
        if (failure.retryAfterSeconds !== undefined) {
          // A 429 says when (ms since the epoch), as Redivis does; 500/503 use HTTP's seconds.
          headers['Retry-After'] =
            failure.status === 429
              ? String(deps.now() + failure.retryAfterSeconds * 1000)
              : String(failure.retryAfterSeconds);
        }
        const code = failure.status === 429 ? 'rate_limit_exceeded' : 'injected_fault';
        throw new ApiError(failure.status, code, `Injected ${failure.status} response`, {}, headers);
      }
    }

    const match = router.match(method, rawPath);
    if (!match) throw new ApiError(404, 'not_found', `No endpoint at ${method} ${rawPath}`);
    let decodedPath = rawPath;
    try {
      decodedPath = decodeURIComponent(rawPath);
    } catch {
      throw new ApiError(400, 'invalid_request', 'Malformed percent-encoding in the path');
    }
    const ctx = new HttpRequestContext(
      req,
      res,
      method,
      decodedPath,
      match.params,
      url.searchParams,
      deps,
      caller,
    );
    await match.handler(ctx);
  }

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const apiError =
        error instanceof ApiError
          ? error
          : new ApiError(500, 'internal_error', 'The emulator hit an internal error');
      if (!(error instanceof ApiError)) console.error('[emulator]', error);
      sendApiError(res, req.method ?? 'GET', apiError);
    });
  });
}
