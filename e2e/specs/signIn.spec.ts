import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from '../fixtures/appFixture';
import { SignInPage } from '../pages/signInPage';

test.use({ appSetup: { signedInScopes: false } });

/** Every token the app has saved (browser mode keeps them in a 0600 file). */
async function savedTokens(dataDir: string): Promise<string[]> {
  const file = JSON.parse(await readFile(join(dataDir, 'secrets.json'), 'utf8').catch(() => '{}')) as Record<
    string,
    string
  >;
  return Object.values(file).flatMap((value) => {
    const tokens = JSON.parse(value) as { accessToken: string; refreshToken?: string };
    return [tokens.accessToken, tokens.refreshToken].filter((t): t is string => Boolean(t));
  });
}

test.describe('sign-in', () => {
  test('signs in through the browser, never sends a token to the page, and signs out', async ({
    appPage,
    app,
  }) => {
    const received: string[] = [];
    appPage.on('websocket', (socket) => {
      socket.on('framereceived', ({ payload }) => received.push(payload.toString()));
      socket.on('framesent', ({ payload }) => received.push(payload.toString()));
    });
    // The websocket opened before the listener was attached: reload so every frame is seen.
    await appPage.reload();
    const signIn = new SignInPage(appPage);
    await expect(signIn.heading).toBeVisible();
    await expect(appPage.getByRole('radio', { name: /Local demo server/ })).toBeChecked();
    await expect(signIn.editingCheckbox).not.toBeChecked();
    await expect(appPage.getByRole('note', { name: 'Sign-in storage warning' })).toBeVisible();

    await signIn.signInWithBrowser();
    const panel = await signIn.openAccountMenu();
    await expect(panel).toContainText('Signed in as Demo User (demo_user)');
    await expect(panel).toContainText('Read-only access');

    const tokens = await savedTokens(app.dataDir);
    expect(tokens).toHaveLength(2);
    expect(received.length).toBeGreaterThan(3);
    for (const token of tokens) expect(received.join('\n')).not.toContain(token);

    await panel.getByRole('button', { name: 'Sign out' }).click();
    await expect(signIn.heading).toBeVisible();
    expect(await savedTokens(app.dataDir)).toEqual([]);
  });

  test('Deny on the consent page leaves the user signed out with a clear message', async ({ appPage }) => {
    const signIn = new SignInPage(appPage);
    const consent = await signIn.startBrowserSignIn();
    await signIn.answer(consent, 'Deny');
    await expect(consent.getByRole('heading', { name: 'Sign-in did not complete' })).toBeVisible();
    await expect(signIn.alert).toContainText('Access was denied in the browser');
    await expect(signIn.browserButton).toBeEnabled();
    await expect(signIn.accountButton).toHaveCount(0);
  });

  test('Cancel stops a waiting sign-in; a late approval no longer signs in', async ({ appPage }) => {
    const signIn = new SignInPage(appPage);
    const consent = await signIn.startBrowserSignIn();
    await expect(appPage.getByText('Approve the sign-in in your browser')).toBeVisible();
    await signIn.cancelButton.click();
    await expect(signIn.browserButton).toBeVisible();
    await expect(signIn.alert).toHaveCount(0);
    await consent
      .getByRole('button', { name: 'Approve' })
      .click()
      .catch(() => undefined);
    await expect(signIn.heading).toBeVisible();
    await expect(signIn.accountButton).toHaveCount(0);
  });

  test('refreshes the token when the server expires it mid-session', async ({ appPage, app, emulator }) => {
    const signIn = new SignInPage(appPage);
    await signIn.signInWithBrowser();
    const [before] = await savedTokens(app.dataDir);
    await emulator.faults.expireTokens();
    // Opening the menu reloads the profile from the server with the expired token.
    const panel = await signIn.openAccountMenu();
    await expect(panel).toContainText('Signed in as Demo User');
    await expect.poll(async () => (await savedTokens(app.dataDir))[0]).not.toBe(before);
    await expect(panel.getByRole('alert')).toHaveCount(0);
  });

  test('signs in with a device code', async ({ appPage }) => {
    const signIn = new SignInPage(appPage);
    await signIn.editingCheckbox.check();
    await signIn.deviceButton.click();
    const code = appPage.getByLabel('Device code');
    await expect(code).toHaveText(/^[A-Z]{4}-[A-Z]{4}$/);
    const opened = appPage.context().waitForEvent('page');
    await appPage.getByRole('button', { name: 'Open verification page' }).click();
    const verification = await opened;
    await verification.getByRole('button', { name: 'Approve' }).click();
    await expect(verification.getByRole('heading', { name: 'Device connected' })).toBeVisible();
    await signIn.expectSignedInAs('Demo User');
    await expect(await signIn.openAccountMenu()).toContainText('Editing and uploads allowed');
  });

  test('signs in with a pasted API token and refuses a wrong one', async ({ appPage, emulator }) => {
    const signIn = new SignInPage(appPage);
    await signIn.signInWithToken('rdvs_api_not_a_real_token');
    await expect(signIn.alert).toContainText('The server did not accept that API token.');
    await appPage
      .getByLabel('API token')
      .fill(await emulator.createApiToken('alice', ['public', 'data.data']));
    await appPage.getByRole('button', { name: 'Sign in with token' }).click();
    await signIn.expectSignedInAs('Alice Analyst');
  });

  test('remembers two accounts and switches between them from the account menu', async ({
    appPage,
    emulator,
  }) => {
    const signIn = new SignInPage(appPage);
    await signIn.signInWithBrowser();
    const panel = await signIn.openAccountMenu();
    await panel.getByRole('button', { name: 'Add account or server' }).click();
    await signIn.signInWithToken(await emulator.createApiToken('alice', ['public', 'data.data']));
    await signIn.expectSignedInAs('Alice Analyst');
    const menu = await signIn.openAccountMenu();
    await menu.getByRole('button', { name: 'Switch to Demo User (Local demo server)' }).click();
    await signIn.expectSignedInAs('Demo User');
  });
});
