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
    // Export opens the panel itself as its dialog closes (in the same update): wait for the
    // dialog to go, so a click here never toggles shut a panel that was just opening.
    await expect(this.dialog).toBeHidden();
    if (!(await this.panel.isVisible())) await this.statusButton.click();
    await expect(this.panel).toBeVisible();
  }

  /**
   * Exports the open table with the dialog's defaults (every column, all rows, the suggested
   * name in the chosen folder) and returns the job's title, as the jobs panel shows it.
   */
  async exportAs(formatLabel: string): Promise<string> {
    await this.openExportDialog();
    const heading = (await this.dialog.getByRole('heading', { level: 2 }).textContent()) ?? '';
    await this.chooseFormat(formatLabel);
    await this.chooseLocation();
    const fileName = await this.fileName().inputValue();
    await this.exportButton().click();
    await expect(this.dialog).toBeHidden();
    return `${heading.replace(/^Export /, '')} → ${fileName}`;
  }

  /** "Waiting", "Running", "Done", "Failed" or "Cancelled". */
  status(title: string | RegExp): Locator {
    return this.job(title).getByTestId('job-status');
  }

  progressBar(title: string | RegExp): Locator {
    return this.job(title).getByRole('progressbar');
  }

  /** The job's error message (with its details). */
  error(title: string | RegExp): Locator {
    return this.job(title).getByRole('alert');
  }

  cancelButton(title: string): Locator {
    return this.job(title).getByRole('button', { name: `Cancel ${title}` });
  }

  retryButton(title: string): Locator {
    return this.job(title).getByRole('button', { name: `Retry ${title}` });
  }
}
