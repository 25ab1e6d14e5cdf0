import { expect, type Locator, type Page } from '@playwright/test';

/** The catalog as a user sees it: sidebar, reference bar, back/forward and the pages. */
export class CatalogPage {
  readonly sidebar: Locator;
  readonly main: Locator;
  readonly referenceInput: Locator;
  readonly breadcrumbs: Locator;

  constructor(readonly page: Page) {
    this.sidebar = page.getByRole('navigation', { name: 'Catalog navigation' });
    this.main = page.getByRole('main');
    this.referenceInput = page.getByRole('textbox', { name: 'Reference or link' });
    this.breadcrumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
  }

  heading(name: string | RegExp): Locator {
    return this.main.getByRole('heading', { level: 1, name });
  }

  async goTo(reference: string): Promise<void> {
    await this.referenceInput.fill(reference);
    await this.referenceInput.press('Enter');
  }

  referenceError(): Locator {
    return this.page.getByRole('search', { name: 'Go to a reference' }).getByRole('alert');
  }

  async openFromSidebar(name: string): Promise<void> {
    await this.sidebar.getByRole('link', { name, exact: true }).first().click();
  }

  /** Opens an entry of the page's lists (a link) or a breadcrumb (a button) by its name. */
  async open(name: string): Promise<void> {
    await this.main
      .getByRole('link', { name, exact: true })
      .or(this.main.getByRole('button', { name, exact: true }))
      .first()
      .click();
  }

  async chooseVersion(tag: string): Promise<void> {
    await this.main.getByLabel('Version', { exact: true }).selectOption(tag);
  }

  tableRow(name: string): Locator {
    return this.main.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async back(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back' }).click();
  }

  async forward(): Promise<void> {
    await this.page.getByRole('button', { name: 'Forward' }).click();
  }

  accessNotice(): Locator {
    return this.main.getByRole('note');
  }

  async expectCrumbs(...labels: string[]): Promise<void> {
    await expect(this.breadcrumbs.getByRole('listitem')).toHaveText(labels);
  }
}
