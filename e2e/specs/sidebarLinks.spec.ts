import { expect, test } from '../fixtures/appFixture';
import { CatalogPage } from '../pages/catalogPage';

test('sidebar entries are links to their pages, and Recent tells versions apart', async ({
  appPage,
  app,
}) => {
  const catalog = new CatalogPage(appPage);
  await catalog.goTo('demo.iris_species:v1_0.iris');
  await expect(catalog.heading('iris')).toBeVisible();
  await catalog.goTo('demo.iris_species:v2_0.iris');
  await expect(catalog.heading('iris')).toBeVisible();

  const recent = catalog.sidebar.getByRole('list', { name: 'Recent' });
  const older = recent.getByRole('link', { name: 'iris v1_0', exact: true });
  const newer = recent.getByRole('link', { name: 'iris v2_0', exact: true });
  await expect(older).toHaveAttribute('href', /^#\/table\/demo\.iris_species(%3A[a-z0-9]+)?%3Av1_0\.iris/);
  await expect(newer).toHaveAttribute('href', /^#\/table\/demo\.iris_species(%3A[a-z0-9]+)?%3Av2_0\.iris/);

  // A plain click stays in the window and goes to that version.
  await older.click();
  await expect(appPage).toHaveURL(/#\/table\/demo\.iris_species.*v1_0\.iris/);
  await expect(older).toHaveAttribute('aria-current', 'page');

  // The address is the page's own: opened in another tab it shows the same version.
  const href = (await older.getAttribute('href')) ?? '';
  const tab = await appPage.context().newPage();
  await tab.goto(new URL(href, app.url).toString());
  await expect(tab.getByRole('main').getByRole('heading', { level: 1, name: 'iris' })).toBeVisible();
  await expect(tab.getByRole('main').getByRole('code').first()).toContainText('v1_0');
  await tab.close();

  // Its context menu copies the reference, which the reference bar reads back as the same page.
  await appPage.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await older.click({ button: 'right' });
  const menu = appPage.getByRole('menu', { name: 'Actions for iris' });
  await expect(menu.getByRole('menuitem', { name: 'Copy link' })).toBeFocused();
  // Browser mode opens links in a new tab from the browser's own menu; only the desktop app opens windows.
  await expect(menu.getByRole('menuitem')).toHaveText(['Copy link']);
  await menu.getByRole('menuitem', { name: 'Copy link' }).click();
  await expect(menu).toBeHidden();
  const copied = (await appPage.evaluate('navigator.clipboard.readText()')) as string;
  expect(copied).toMatch(/^demo\.iris_species(:[a-z0-9]+)?:v1_0\.iris/);
  expect(decodeURIComponent(href.replace('#/table/', ''))).toBe(copied);

  // The settings entry is a link too.
  await expect(catalog.sidebar.getByRole('link', { name: 'Settings' })).toHaveAttribute('href', '#/settings');
});

test("a page's lists of datasets, workflows and tables are links with the same menu", async ({ appPage }) => {
  const catalog = new CatalogPage(appPage);
  await catalog.goTo('demo');
  const dataset = catalog.main.getByRole('link', { name: 'Iris species', exact: true });
  await expect(dataset).toHaveAttribute('href', /^#\/dataset\/demo\.iris_species/);
  await dataset.click({ button: 'right' });
  const menu = appPage.getByRole('menu', { name: 'Actions for Iris species' });
  await expect(menu.getByRole('menuitem', { name: 'Copy link' })).toBeFocused();
  await appPage.keyboard.press('Escape');
  await expect(menu).toBeHidden();

  await dataset.click();
  const table = catalog.main.getByRole('link', { name: 'iris', exact: true });
  await expect(table).toHaveAttribute('href', /^#\/table\/demo\.iris_species.*\.iris/);
  await table.click();
  await expect(catalog.heading('iris')).toBeVisible();

  await catalog.goTo('demo_user');
  await expect(catalog.main.getByRole('link', { name: 'Example workflow', exact: true })).toHaveAttribute(
    'href',
    /^#\/workflow\/demo_user\.example_workflow/,
  );
});
