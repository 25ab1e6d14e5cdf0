import { extname, join, normalize, sep } from 'node:path';

/** Content types of the files a built renderer holds. */
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

export function rendererContentType(file: string): string {
  return types[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file inside the built renderer's folder that a URL path names, or null for a path that
 * cannot be decoded, holds a NUL or escapes the folder. Used by both ways the page is served
 * (the desktop app's `app://` protocol and browser mode's loopback server), so neither can be
 * talked into reading outside the renderer, and a malformed path is an answer, not a crash.
 */
export function rendererFileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0') || !decoded.startsWith('/')) return null;
  const relative = normalize(decoded === '/' ? '/index.html' : decoded);
  const base = root.endsWith(sep) ? root : root + sep;
  const file = join(base, relative);
  return file.startsWith(base) ? file : null;
}
