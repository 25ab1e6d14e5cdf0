/**
 * Only frames showing the app's own renderer may call the contract. A page that somehow
 * loaded in a webContents (a redirect, an injected iframe) is refused. The packaged renderer
 * lives at `app://renderer/…`; during development it is an http dev server.
 */
export function isTrustedSenderUrl(senderUrl: string | undefined, rendererUrl: string): boolean {
  if (!senderUrl) return false;
  let sender: URL;
  let renderer: URL;
  try {
    sender = new URL(senderUrl);
    renderer = new URL(rendererUrl);
  } catch {
    return false;
  }
  if (renderer.protocol === 'file:') return false;
  // URL.origin is "null" for custom schemes, so compare scheme, host and port themselves.
  return sender.protocol === renderer.protocol && sender.host === renderer.host;
}
