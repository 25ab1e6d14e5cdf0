import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '../services/createServices';
import type { LocalRoute } from './browserServer';

/** The path prefix under /local/ where the page streams dropped files. */
export const STAGING_ROUTE = 'stage';

/**
 * Browser mode's stand-in for a dropped file's path: the page POSTs the File body to
 * /local/stage (same origin, launch-secret cookie already checked by the server) with its
 * name in `X-File-Name`; the body is streamed to the staging folder under the app's data dir
 * and the answer is `{ stagingId }`, which the upload job then reads like a local file.
 */
export function fileStagingRoutes(services: Services): Record<string, LocalRoute> {
  const staging = services.context.localFiles.staging;
  return {
    [STAGING_ROUTE]: async (request: IncomingMessage, response: ServerResponse) => {
      if (request.method !== 'POST') {
        request.resume();
        response.writeHead(405, { Allow: 'POST' }).end();
        return;
      }
      let name: string;
      try {
        name = decodeURIComponent(String(request.headers['x-file-name'] ?? 'upload'));
      } catch {
        name = 'upload';
      }
      const stagingId = await staging.stage(name, request);
      response
        .writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
        .end(JSON.stringify({ stagingId }));
    },
  };
}
