import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { contentSecurityPolicy } from '../shell/contentSecurityPolicy';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

/** Serves the built renderer; paths that escape the folder are refused. */
export async function serveStatic(root: string, urlPath: string, response: ServerResponse): Promise<void> {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const relative = normalize(decoded === '/' ? '/index.html' : decoded);
  const file = join(root, relative);
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) {
    response.writeHead(400).end('Bad path');
    return;
  }
  const info = await stat(file).catch(() => undefined);
  const target = info?.isFile() ? file : join(root, 'index.html');
  const targetInfo = info?.isFile() ? info : await stat(target).catch(() => undefined);
  if (!targetInfo) {
    response
      .writeHead(404, { 'Content-Type': 'text/plain' })
      .end('The app has not been built. Run: npm run build');
    return;
  }
  response.writeHead(200, {
    'Content-Type': types[extname(target)] ?? 'application/octet-stream',
    'Content-Length': targetInfo.size,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  createReadStream(target).pipe(response);
}
