/**
 * Only frames showing the app's own renderer may call the contract. A page that somehow
 * loaded in a webContents (a redirect, an injected iframe) is refused.
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
  if (renderer.protocol === 'file:') {
    return sender.protocol === 'file:' && sender.pathname === renderer.pathname;
  }
  return sender.origin === renderer.origin;
}
