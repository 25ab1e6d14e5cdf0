import { test, expect } from '../fixtures/appFixture';

test.describe('app shell in browser mode', () => {
  test('loads, reaches the ready marker and shows the app version', async ({ appPage }) => {
    await expect(appPage.getByRole('contentinfo', { name: 'Status' })).toBeVisible();
    await expect(appPage).toHaveTitle(/Redivis Desktop$/);
  });

  test('refuses requests without the launch secret, with a wrong one, or from another origin', async ({
    app,
    request,
  }) => {
    const origin = app.server.origin;
    expect((await request.get(`${origin}/`)).status()).toBe(403);
    expect((await request.get(`${origin}/?key=wrong`)).status()).toBe(403);
    expect(
      (
        await request.get(`${origin}/index.html`, {
          headers: { Cookie: app.server.cookie.replace(app.server.secret, 'wrong') },
        })
      ).status(),
    ).toBe(403);
    const foreign = await request.get(`${origin}/index.html`, {
      headers: { Cookie: app.server.cookie, Origin: 'http://evil.example' },
    });
    expect(foreign.status()).toBe(403);
    const own = await request.get(`${origin}/index.html`, {
      headers: { Cookie: app.server.cookie },
    });
    expect(own.status()).toBe(200);
    expect(own.headers()['content-security-policy']).toContain("script-src 'self'");
    // The page talks to its own origin only: its WebSocket needs no ws: source.
    expect(own.headers()['content-security-policy']).not.toMatch(/ws:/);
    expect(await own.text()).toContain(`content="default-src 'self'; script-src 'self'`);
  });

  test('a page from another origin cannot open the contract WebSocket', async ({ app, page }) => {
    await page.goto('about:blank');
    const outcome = await page.evaluate(async (origin) => {
      const wsUrl = origin.replace('http', 'ws') + '/contract';
      return new Promise<string>((resolve) => {
        const socket = new WebSocket(wsUrl);
        socket.onopen = () => resolve('open');
        socket.onerror = () => resolve('refused');
      });
    }, app.server.origin);
    expect(outcome).toBe('refused');
  });
});
