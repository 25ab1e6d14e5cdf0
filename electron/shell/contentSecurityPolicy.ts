/**
 * The renderer's Content-Security-Policy. Scripts only from the app itself, no eval, no
 * plugins, no framing; connections only to the app (and, in browser mode, its loopback
 * WebSocket). Inline styles are allowed because React sets style attributes for layout.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws://127.0.0.1:*",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
