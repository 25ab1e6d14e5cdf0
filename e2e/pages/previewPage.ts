import { expect, type Locator, type Page } from '@playwright/test';

/** The row preview on a table page, as a user sees and drives it. */
export class PreviewPage {
  readonly grid: Locator;
  readonly count: Locator;
  readonly rowLimit: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'Table rows' });
    this.count = page.getByTestId('preview-count');
    this.rowLimit = page.getByRole('textbox', { name: 'Row limit' });
  }

  /** Opens a table through the reference bar. */
  async open(reference: string): Promise<void> {
    const input = this.page.getByRole('textbox', { name: 'Reference or link' });
    await input.fill(reference);
    await input.press('Enter');
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  header(column: string): Locator {
    return this.grid
      .getByRole('columnheader')
      .filter({ has: this.page.getByRole('button', { name: column }) });
  }

  headerNames(): Promise<string[]> {
    return this.grid.locator('.pv-th-name').allTextContents();
  }

  /** The text of the data cells of a grid row (1 = first data row on screen), without the row number. */
  async rowTexts(index: number): Promise<string[]> {
    return this.grid.getByRole('row').nth(index).getByRole('gridcell').allTextContents();
  }

  cell(row: number, column: number): Locator {
    return this.grid.getByRole('row').nth(row).getByRole('gridcell').nth(column);
  }

  resizer(column: string): Locator {
    return this.grid.getByRole('separator', { name: `Resize column ${column}` });
  }

  async setRowLimit(limit: number): Promise<void> {
    await this.rowLimit.fill(String(limit));
    await this.rowLimit.press('Enter');
  }

  async openColumns(): Promise<Locator> {
    await this.page.getByRole('button', { name: /^Columns/ }).click();
    return this.page.getByRole('region', { name: 'Columns' });
  }

  /** Starts recording what the page puts on the clipboard through copy events. */
  async recordCopies(): Promise<void> {
    await this.page.evaluate(() => {
      // Runs in the page; typed minimally because e2e code compiles without DOM types.
      const scope = globalThis as unknown as CopyRecorder;
      scope.copied = [];
      scope.addEventListener('copy', (event) => {
        scope.copied.push(event.clipboardData?.getData('text/plain') ?? '');
      });
    });
  }

  copies(): Promise<string[]> {
    return this.page.evaluate(() => (globalThis as unknown as CopyRecorder).copied);
  }
}

interface CopyRecorder {
  copied: string[];
  addEventListener(
    type: 'copy',
    listener: (event: { clipboardData: { getData(format: string): string } | null }) => void,
  ): void;
}
