/**
 * The renderer's Content-Security-Policy, generated in one place for every way the page is
 * served: the desktop app's `app://` responses, browser mode's loopback server (both as a
 * header) and the `<meta>` tag written into the built page. Scripts only from the app itself,
 * no eval, no plugins, no framing. Connections only to the page's own origin: in browser mode
 * that covers its loopback WebSocket (CSP 3 lets 'self' match ws: on the same host and port),
 * and the desktop page, which has no WebSocket, gets no ws: source at all. Inline styles are
 * allowed because React sets style attributes for layout. Files of file-index tables are shown
 * from the page's own origin in browser mode (`/local/files/…`) and from the desktop app's
 * `redivis-file:` scheme (images, audio and video, PDFs in a frame); nothing else is framed.
 */
const directives: [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob: redivis-file:"],
  ['media-src', "'self' redivis-file:"],
  ['frame-src', "'self' redivis-file:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Directives a `<meta>` policy may not carry (browsers ignore them there, with a warning). */
const headerOnly = new Set(['frame-ancestors']);

/** The policy sent as a response header. */
export const contentSecurityPolicy = directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** The same policy for the page's `<meta http-equiv>` tag. */
export const metaContentSecurityPolicy = directives
  .filter(([name]) => !headerOnly.has(name))
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');
