import { net, protocol } from 'electron';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../../shared/contentSecurityPolicy';
import { FILE_SCHEME, type FileContent } from '../services/files/fileContent';
import { rendererContentType, rendererFileFor } from '../services/host/rendererFiles';

/**
 * The renderer is served from `app://renderer/…` rather than `file://`: a file: page shares
 * its origin with every local file, while a standard, secure custom scheme gives the app an
 * origin of its own, lets the sender check name that origin, and lets every response carry
 * the Content-Security-Policy header.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const appRendererUrl = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Must run before the app is ready (Electron's rule for privileged schemes), and only once:
 * every privileged scheme goes in this one call. `redivis-file:` carries the bytes of files of
 * file-index tables to previews, streamed (`stream: true`, so media can seek with Range).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: FILE_SCHEME, privileges: { standard: true, secure: true, stream: true } },
  ]);
}

/** Answers `app://renderer/<path>` from the built renderer's folder, and nothing else. */
export async function answerAppRequest(rendererDir: string, url: string): Promise<Response> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refusal(400);
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return refusal(404);
  const file = rendererFileFor(rendererDir, parsed.pathname);
  if (!file) return refusal(400);
  const answer = await net.fetch(pathToFileURL(file).toString()).catch(() => undefined);
  if (!answer?.ok) return refusal(404);
  return new Response(answer.body, {
    status: 200,
    headers: {
      'Content-Type': rendererContentType(file),
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(rendererDir, request.url));
}

function refusal(status: number): Response {
  return new Response(null, { status, headers: { 'Content-Security-Policy': contentSecurityPolicy } });
}

/**
 * Answers `redivis-file://file/<handle>/<name>`: the services stream the file from Redivis
 * (adding the token on their side) for a handle they gave the page; the shell only adapts the
 * answer to a Response.
 */
export async function answerFileRequest(files: FileContent, request: Request): Promise<Response> {
  let parsed: URL;
  try {
    parsed = new URL(request.url);
  } catch {
    return new Response(null, { status: 400 });
  }
  if (parsed.protocol !== `${FILE_SCHEME}:` || parsed.host !== 'file')
    return new Response(null, { status: 404 });
  const answer = await files.answer(
    request.method,
    parsed.pathname,
    request.headers.get('range') ?? undefined,
  );
  request.signal?.addEventListener('abort', () => answer.abort(), { once: true });
  const body = answer.body
    ? (Readable.toWeb(Readable.from(answer.body)) as ReadableStream<Uint8Array>)
    : null;
  return new Response(body, { status: answer.status, headers: answer.headers });
}

export function serveFileScheme(files: FileContent): void {
  protocol.handle(FILE_SCHEME, (request) => answerFileRequest(files, request));
}
