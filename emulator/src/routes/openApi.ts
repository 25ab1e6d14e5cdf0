/**
 * OpenAPI discovery as the seeds describe it: `/api/v1/openAPI.json`, `/api/v1/openAPI.yaml`,
 * and the older form, the API base itself (YAML, or JSON with `?format=json`).
 */
import type { RequestContext } from '../http/routeModule.js';
import type { RouteEntry } from '../http/router.js';
import type { Router } from '../http/routeModule.js';
import type { EmulatorDeps } from '../http/routeModule.js';
import { openApiDocument } from '../openapi/openApiDocument.js';
import { toYaml } from '../openapi/yaml.js';

function send(ctx: RequestContext, routes: () => RouteEntry[], format: 'json' | 'yaml'): void {
  const document = openApiDocument(routes(), ctx.deps.apiBase());
  if (format === 'json') {
    ctx.sendJson(200, document);
    return;
  }
  const body = toYaml(document);
  ctx.res.writeHead(200, {
    'Content-Type': 'application/yaml; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  ctx.res.end(ctx.method === 'HEAD' ? undefined : body);
}

/** Registered last, with the router's live route list. */
export function registerOpenApi(router: Router, _deps: EmulatorDeps, routes: () => RouteEntry[]): void {
  router.add('GET', '/api/v1/openAPI.json', (ctx) => send(ctx, routes, 'json'));
  router.add('GET', '/api/v1/openAPI.yaml', (ctx) => send(ctx, routes, 'yaml'));
  router.add('GET', '/api/v1', (ctx) =>
    send(ctx, routes, ctx.query.get('format')?.toLowerCase() === 'json' ? 'json' : 'yaml'),
  );
}
