import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { contentSecurityPolicy } from '../../shared/contentSecurityPolicy';
import { rendererContentType, rendererFileFor } from '../services/host/rendererFiles';

/** Serves the built renderer; paths that escape the folder or cannot be decoded are refused. */
export async function serveStatic(root: string, urlPath: string, response: ServerResponse): Promise<void> {
  const file = rendererFileFor(root, urlPath);
  if (!file) {
    response.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad path');
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
    'Content-Type': rendererContentType(target),
    'Content-Length': targetInfo.size,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  createReadStream(target).pipe(response);
}
