/**
 * Plays the user's browser against the emulator's consent pages in service tests: loads the
 * page, submits its form with Approve or Deny, and follows the redirect to the app's listener.
 */

function hiddenFields(html: string): URLSearchParams {
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(decode(match[1] ?? ''), decode(match[2] ?? ''));
  }
  return form;
}

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export async function answerConsent(
  authorizeUrl: string,
  decision: 'approve' | 'deny',
  user = 'demo_user',
): Promise<{ status: number; page: string }> {
  const consent = await fetch(authorizeUrl);
  if (!consent.ok) throw new Error(`consent page answered ${consent.status}`);
  const form = hiddenFields(await consent.text());
  form.set('decision', decision);
  form.set('user', user);
  const posted = await fetch(new URL('/oauth/authorize', authorizeUrl), {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  const location = posted.headers.get('location');
  if (!location) throw new Error(`consent form answered ${posted.status} without a redirect`);
  const callback = await fetch(location);
  return { status: callback.status, page: await callback.text() };
}

export async function approveDevice(verificationUriComplete: string, user = 'demo_user'): Promise<void> {
  const page = await fetch(verificationUriComplete);
  const form = hiddenFields(await page.text());
  form.set('decision', 'approve');
  form.set('user', user);
  const posted = await fetch(new URL('/oauth/device', verificationUriComplete), {
    method: 'POST',
    body: form,
  });
  if (!posted.ok) throw new Error(`device approval answered ${posted.status}`);
}
