/**
 * Puts text on the clipboard from a keyboard or click handler. A `copy` event with our data
 * works in every Chromium context (Electron, browser mode over plain http on loopback) without
 * a permission prompt; the async Clipboard API is the fallback.
 */
export function copyText(text: string): void {
  let handled = false;
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
    handled = true;
  };
  document.addEventListener('copy', onCopy, { capture: true });
  try {
    // Deprecated but still the only synchronous way to raise a trusted copy event.
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy, { capture: true });
  }
  if (!handled) void navigator.clipboard?.writeText(text).catch(() => undefined);
}
