import { expect, type Locator, type Page } from '@playwright/test';

/** The query workbench as a user sees and drives it. */
export class QueryPage {
  readonly workbench: Locator;
  readonly editor: Locator;
  readonly status: Locator;
  readonly completions: Locator;

  constructor(readonly page: Page) {
    this.workbench = page.getByTestId('query-workbench');
    this.editor = this.workbench.locator('.cm-content');
    this.status = page.getByTestId('query-status');
    this.completions = page.locator('.cm-tooltip-autocomplete');
  }

  async newQuery(): Promise<void> {
    await this.page.getByRole('button', { name: 'New query', exact: true }).first().click();
    await expect(this.workbench).toBeVisible();
  }

  /** The editor's text as the user wrote it (without the placeholder shown in an empty editor). */
  async text(): Promise<string> {
    const lines = await this.editor
      .locator('.cm-line')
      .evaluateAll((elements) =>
        elements.map((line) => (line.querySelector('.cm-placeholder') ? '' : (line.textContent ?? ''))),
      );
    return lines.join('\n').replace(/\u00a0/g, ' ');
  }

  /** Replaces the editor's text (select all, then type, as a user would paste). */
  async write(sql: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(sql);
  }

  async run(): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+Enter');
  }

  tab(name: string | RegExp): Locator {
    return this.workbench.getByRole('tab', { name });
  }

  get defaultDataset(): Locator {
    return this.workbench.getByRole('textbox', { name: 'Default dataset' });
  }

  historyItem(text: string | RegExp): Locator {
    return this.page.getByRole('list', { name: 'Query history' }).getByRole('button', { name: text });
  }
}
