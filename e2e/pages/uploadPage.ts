import { expect, type Locator, type Page } from '@playwright/test';

/** Dropping files on the window, the upload dialog and the uploads panel, as a user sees them. */
export class UploadPage {
  readonly dialog: Locator;
  readonly uploadButton: Locator;
  readonly panel: Locator;
  readonly overlay: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog');
    this.uploadButton = this.dialog.getByRole('button', { name: /^Upload/ });
    this.panel = page.getByRole('region', { name: 'Uploads' });
    this.overlay = page.getByTestId('drop-overlay');
  }

  /** Goes to a table or dataset through the reference bar. */
  async open(reference: string, heading: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Reference or link' }).fill(reference);
    await this.page.getByRole('button', { name: 'Go', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
  }

  /**
   * Drags files over the main pane and drops them, with a DataTransfer built in the page
   * (Playwright cannot hand the browser real OS files for a native drag).
   */
  async dropFiles(files: { name: string; content: string; type?: string }[]): Promise<void> {
    const target = this.page.getByRole('main');
    // Built from a string: the e2e sources compile without the DOM library.
    const dataTransfer = await this.page.evaluateHandle(`(() => {
      const transfer = new DataTransfer();
      for (const file of ${JSON.stringify(files)}) {
        transfer.items.add(new File([file.content], file.name, { type: file.type || 'text/csv' }));
      }
      return transfer;
    })()`);
    await target.dispatchEvent('dragenter', { dataTransfer });
    await target.dispatchEvent('dragover', { dataTransfer });
    await expect(this.overlay).toBeVisible();
    await target.dispatchEvent('drop', { dataTransfer });
    await expect(this.overlay).toBeHidden();
  }

  upload(title: string): Locator {
    return this.panel.getByRole('listitem', { name: title });
  }
}
