/**
 * Browser mode opens the links the Node side checked (the same allow-list as the desktop app)
 * in a new tab. The page still builds the address itself from its parsed parts and opens only
 * http(s), so an event carrying `javascript:` or `data:` could never run in the page.
 */
export function safeLinkHref(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password) return undefined;
  const built = new URL(`${url.protocol}//${url.host}`);
  built.pathname = url.pathname;
  built.search = url.search;
  built.hash = url.hash;
  return built.href;
}

export function openExternalLink(raw: string, open: (href: string) => void): void {
  const href = safeLinkHref(raw);
  if (href) open(href);
}
