/**
 * The OpenAPI document of what this server serves, built from the router's registered routes
 * (so it cannot drift from them): every `/api/v1` path with its methods and path parameters.
 */
import type { RouteEntry } from '../http/router.js';
import type { Json } from './yaml.js';

const API_PREFIX = '/api/v1';

function openApiPath(pattern: string): string {
  const path = pattern.slice(API_PREFIX.length) || '/';
  return path.replace(/:(\w+)/g, '{$1}').replace(/\*(\w+)/g, '{$1}');
}

function parameters(pattern: string): Json[] {
  return [...pattern.matchAll(/[:*](\w+)/g)].map((m) => ({
    name: m[1] ?? '',
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
}

function operationId(method: string, pattern: string): string {
  const words = openApiPath(pattern)
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/[{}]/g, ''))
    .map((s) => s.charAt(0).toUpperCase() + s.slice(1));
  return `${method.toLowerCase()}${words.join('')}`;
}

export function openApiDocument(routes: readonly RouteEntry[], serverUrl: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    if (route.pattern !== API_PREFIX && !route.pattern.startsWith(`${API_PREFIX}/`)) continue;
    const path = openApiPath(route.pattern);
    const item = (paths[path] ??= {});
    const tag = path.split('/')[1] || 'api';
    item[route.method.toLowerCase()] = {
      operationId: operationId(route.method, route.pattern),
      summary: `${route.method} ${path}`,
      tags: [tag],
      parameters: parameters(route.pattern),
      responses: {
        '200': { description: 'Success' },
        default: {
          description: 'Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Redivis API (local emulator)',
      version: 'v1',
      description: 'The Redivis REST API v1 as served by the Redivis Desktop demo server.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }, {}],
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: { type: 'string' },
            error_description: { type: 'string' },
            status: { type: 'integer' },
          },
        },
      },
    },
    paths,
  };
}
