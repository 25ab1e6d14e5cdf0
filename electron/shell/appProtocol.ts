import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../../shared/contentSecurityPolicy';
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

/** Must run before the app is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
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
