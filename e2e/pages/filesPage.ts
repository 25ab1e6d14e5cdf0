import { expect, type Locator, type Page } from '@playwright/test';

/** The Files view of a file-index table as a user sees it. */
export class FilesPage {
  readonly section: Locator;
  readonly folders: Locator;
  readonly table: Locator;
  readonly preview: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Files', exact: true });
    this.folders = this.section.getByRole('navigation', { name: 'Folders' });
    this.table = this.section.getByRole('table', { name: 'Files' });
    this.preview = this.section.getByRole('complementary');
    this.search = this.section.getByRole('searchbox', { name: 'Find files by name' });
  }

  async expectVisible(): Promise<void> {
    await expect(this.section.getByRole('heading', { name: 'Files' })).toBeVisible();
  }

  async openFolder(name: string): Promise<void> {
    await this.folders.getByRole('button', { name: new RegExp(`^${name} \\(\\d+\\)$`) }).click();
  }

  /** The names shown in the table, folders (with a trailing /) first. */
  entries(): Locator {
    return this.table.locator('tbody tr td:nth-child(2)');
  }

  async openFile(shownName: string): Promise<void> {
    await this.table.getByRole('button', { name: shownName, exact: true }).click();
    await expect(this.preview).toBeVisible();
  }

  async downloadFolder(name: string): Promise<void> {
    await this.section.getByRole('button', { name: `Download folder “${name}”` }).click();
  }

  async downloadFile(fullName: string): Promise<void> {
    await this.table.getByRole('button', { name: `Download ${fullName}`, exact: true }).click();
  }
}
