import type { IncomingMessage, ServerResponse } from 'node:http';
import { FILE_ROUTE } from '../services/files/fileContent';
import type { Services } from '../services/createServices';
import type { LocalRoute } from './browserServer';

/**
 * Browser mode's way to the bytes of files of file-index tables: `GET /local/files/<handle>/<name>`
 * (same origin, launch-secret cookie already checked by the server), with Range passed on, so
 * images, PDFs, audio and video load like any page resource. The page never holds the token.
 */
export function fileContentRoutes(services: Services): Record<string, LocalRoute> {
  const content = services.context.files.content;
  return {
    [FILE_ROUTE]: async (request: IncomingMessage, response: ServerResponse) => {
      const path = new URL(request.url ?? '/', 'http://local').pathname.slice(`/local/${FILE_ROUTE}`.length);
      const range = request.headers.range;
      const answer = await content.answer(request.method ?? 'GET', path, range);
      response.on('close', () => answer.abort());
      response.writeHead(answer.status, answer.headers);
      if (!answer.body || request.method === 'HEAD') {
        response.end();
        return;
      }
      try {
        for await (const chunk of answer.body) {
          if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
          if (response.destroyed) break;
        }
        response.end();
      } catch {
        response.destroy();
      }
    },
  };
}
