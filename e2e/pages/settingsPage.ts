import { expect, type Locator, type Page } from '@playwright/test';

/** The settings page as a user sees and drives it. */
export class SettingsPage {
  readonly heading: Locator;
  readonly rowCap: Locator;
  readonly theme: Locator;
  readonly exportFolder: Locator;
  readonly concurrentJobs: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: 'Settings' });
    this.rowCap = main.getByRole('textbox', { name: 'Preview row cap' });
    this.theme = main.getByRole('combobox', { name: 'Theme' });
    this.exportFolder = main.getByRole('textbox', { name: 'Default export folder' });
    this.concurrentJobs = main.getByRole('textbox', { name: 'Concurrent jobs' });
  }

  /** Opens the page with its keyboard shortcut. */
  async open(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+Comma');
    await expect(this.heading).toBeVisible();
  }

  /** Types a value into a number field and commits it with Enter. */
  async setNumber(field: Locator, value: string): Promise<void> {
    await field.fill(value);
    await field.press('Enter');
  }

  async setExportFolder(path: string): Promise<void> {
    await this.exportFolder.fill(path);
    await this.page.getByRole('main').getByRole('button', { name: 'Save folder' }).click();
  }

  /** The error shown under a field. */
  error(field: Locator): Locator {
    return field.locator('xpath=ancestor::div[contains(@class,"settings-field")][1]').getByRole('alert');
  }
}
