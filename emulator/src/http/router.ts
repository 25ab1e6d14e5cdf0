import { ApiError } from './apiError.js';
import type { Handler, HttpMethod, Router } from './routeModule.js';

interface Route {
  method: HttpMethod;
  segments: string[];
  handler: Handler;
}

/** A registered route, as the OpenAPI document lists it. */
export interface RouteEntry {
  method: HttpMethod;
  pattern: string;
}

export interface RouteMatch {
  handler: Handler;
  params: Record<string, string>;
}

/**
 * A small segment router. Raw (still percent-encoded) path segments are matched so that an
 * encoded `/` inside a reference cannot split it; captures are decoded afterwards.
 */
export class SegmentRouter implements Router {
  private readonly routes: Route[] = [];

  add(method: HttpMethod, pattern: string, handler: Handler): void {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), handler });
  }

  /** Every registered route, in registration order (the live list: later routes appear too). */
  list(): RouteEntry[] {
    return this.routes.map((r) => ({ method: r.method, pattern: `/${r.segments.join('/')}` }));
  }

  /** Returns the match, or null (404), or throws 405 when only the method differs. */
  match(method: HttpMethod, rawPath: string): RouteMatch | null {
    const parts = rawPath.split('/').filter(Boolean);
    let methodMismatch = false;
    for (const lookup of method === 'HEAD' ? (['HEAD', 'GET'] as const) : [method]) {
      for (const route of this.routes) {
        const params = matchSegments(route.segments, parts);
        if (!params) continue;
        if (route.method === lookup) return { handler: route.handler, params };
        methodMismatch = true;
      }
    }
    if (methodMismatch) {
      throw new ApiError(405, 'method_not_allowed', `${method} is not supported on this path`);
    }
    return null;
  }
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ApiError(400, 'invalid_request', `Malformed percent-encoding in "${segment}"`);
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] ?? '';
    if (expected.startsWith('*')) {
      params[expected.slice(1)] = parts.slice(i).map(decode).join('/');
      return params;
    }
    const actual = parts[i];
    if (actual === undefined) return null;
    if (expected.startsWith(':')) params[expected.slice(1)] = decode(actual);
    else if (expected !== actual) return null;
  }
  return parts.length === pattern.length ? params : null;
}
