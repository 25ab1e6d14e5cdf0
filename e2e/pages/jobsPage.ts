import { expect, type Locator, type Page } from '@playwright/test';

/** The export dialog and the jobs panel as a user sees them. */
export class JobsPage {
  readonly dialog: Locator;
  readonly panel: Locator;
  readonly statusButton: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /^Export / });
    this.panel = page.getByRole('dialog', { name: 'Jobs' });
    this.statusButton = page.getByRole('button', { name: /^Jobs/ });
  }

  async openExportDialog(): Promise<void> {
    await this.page.getByRole('button', { name: 'Export…' }).click();
    await expect(this.dialog).toBeVisible();
  }

  async chooseFormat(label: string): Promise<void> {
    await this.dialog.getByLabel('Format').selectOption({ label });
  }

  async chooseLocation(): Promise<void> {
    await this.dialog.getByRole('button', { name: /location/ }).click();
    await expect(this.fileName()).toBeVisible();
  }

  fileName(): Locator {
    return this.dialog.getByRole('textbox', { name: 'File name' });
  }

  exportButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Export', exact: true });
  }

  job(title: string | RegExp): Locator {
    return this.panel.getByRole('listitem', { name: title });
  }

  async openPanel(): Promise<void> {
    if (!(await this.panel.isVisible())) await this.statusButton.click();
    await expect(this.panel).toBeVisible();
  }
}
