import { expect, type Locator, type Page } from '@playwright/test';

/** The sign-in screen, the emulator's consent tab and the account menu, as a user sees them. */
export class SignInPage {
  readonly heading: Locator;
  readonly browserButton: Locator;
  readonly deviceButton: Locator;
  readonly tokenButton: Locator;
  readonly cancelButton: Locator;
  readonly editingCheckbox: Locator;
  readonly accountButton: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Sign in to Redivis' });
    this.browserButton = page.getByRole('button', { name: 'Sign in with browser' });
    this.deviceButton = page.getByRole('button', { name: 'Use a device code' });
    this.tokenButton = page.getByRole('button', { name: 'Paste an API token' });
    this.cancelButton = page.getByRole('button', { name: 'Cancel' });
    this.editingCheckbox = page.getByRole('checkbox', { name: 'Allow editing and uploads' });
    this.accountButton = page.getByRole('button', { name: /^Account: / });
    this.alert = page.getByRole('alert');
  }

  /** Clicks "Sign in with browser" and returns the consent tab the app opened. */
  async startBrowserSignIn(): Promise<Page> {
    const opened = this.page.context().waitForEvent('page');
    await this.browserButton.click();
    const consent = await opened;
    await consent.waitForLoadState();
    return consent;
  }

  /** Answers the emulator's consent page; the tab then shows the app's own result page. */
  async answer(consent: Page, decision: 'Approve' | 'Deny'): Promise<void> {
    await expect(consent.getByRole('heading', { name: /Sign in to the Redivis emulator as/ })).toBeVisible();
    await consent.getByRole('button', { name: decision }).click();
  }

  async signInWithBrowser(): Promise<void> {
    const consent = await this.startBrowserSignIn();
    await this.answer(consent, 'Approve');
    await expect(consent.getByRole('heading', { name: 'Signed in to Redivis Desktop' })).toBeVisible();
    await consent.close();
    await this.expectSignedInAs('Demo User');
  }

  async signInWithToken(token: string): Promise<void> {
    await this.tokenButton.click();
    await this.page.getByLabel('API token').fill(token);
    await this.page.getByRole('button', { name: 'Sign in with token' }).click();
  }

  async expectSignedInAs(fullName: string): Promise<void> {
    await expect(this.page.getByRole('button', { name: `Account: ${fullName}` })).toBeVisible();
  }

  async openAccountMenu(): Promise<Locator> {
    await this.accountButton.click();
    const panel = this.page.getByRole('region', { name: 'Account' });
    await expect(panel).toBeVisible();
    return panel;
  }

  async signOut(): Promise<void> {
    const panel = await this.openAccountMenu();
    await panel.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.heading).toBeVisible();
  }
}
