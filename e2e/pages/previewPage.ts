import { expect, type Locator, type Page } from '@playwright/test';

/** The row preview on a table page, as a user sees and drives it. */
export class PreviewPage {
  readonly grid: Locator;
  readonly count: Locator;
  readonly rowLimit: Locator;
  /** Where the view was sorted and filtered: "… on Redivis" or "… in the loaded rows". */
  readonly backend: Locator;
  readonly chips: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'Table rows' });
    this.count = page.getByTestId('preview-count');
    this.rowLimit = page.getByRole('textbox', { name: 'Row limit' });
    this.backend = page.getByTestId('view-backend');
    this.chips = page.getByRole('list', { name: 'Active filters' });
  }

  /** Waits until the view asked for is on screen (no change pending, nothing loading). */
  async settled(): Promise<void> {
    await expect(this.count).toHaveAttribute('data-view-state', 'ready', { timeout: 60_000 });
  }

  /** Clicks a column's sort button: ascending, then descending, then none. */
  async sortBy(column: string): Promise<void> {
    await this.header(column).getByRole('button').click();
  }

  filterField(column: string): Locator {
    return this.grid.getByRole('textbox', { name: `Filter ${column}` });
  }

  /** Types into a column's field in the filter row and applies it. */
  async filter(column: string, text: string): Promise<void> {
    await this.filterField(column).fill(text);
    await this.filterField(column).press('Enter');
  }

  profile(column: string): Locator {
    return this.grid.getByRole('button', { name: `Profile of ${column}` });
  }

  profilePanel(column: string): Locator {
    return this.page.getByRole('region', { name: `Profile of ${column}` });
  }

  /** Opens a table through the reference bar. */
  async open(reference: string): Promise<void> {
    const input = this.page.getByRole('textbox', { name: 'Reference or link' });
    await input.fill(reference);
    await input.press('Enter');
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  header(column: string): Locator {
    // The sort button is named for its column, with ", sorted …" once sorted; `id` is not `is_valid`.
    const name = new RegExp(`^${column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(,|$)`);
    return this.grid.getByRole('columnheader').filter({ has: this.page.getByRole('button', { name }) });
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
