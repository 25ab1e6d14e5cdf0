/** The pages the browser tab shows when it comes back to the app (no scripts, no remote assets). */

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function page(title: string, message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;
color:#1d2330;background:#fff}@media(prefers-color-scheme:dark){body{color:#e6e8ec;background:#1b1d21}}</style>
</head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>
<p>You can close this tab and return to Redivis Desktop.</p></body></html>`;
}

export function successPage(): string {
  return page('Signed in to Redivis Desktop', 'The sign-in is complete.');
}

export function failurePage(message: string): string {
  return page('Sign-in did not complete', message);
}

export const callbackHeaders = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};
