import { test, expect } from '../fixtures/appFixture';
import { CatalogPage } from '../pages/catalogPage';

test.describe('catalog browsing', () => {
  test('demo organization → dataset → version → table in a few clicks', async ({ appPage }) => {
    const catalog = new CatalogPage(appPage);
    await catalog.openFromSidebar('Demo Organization');
    await expect(catalog.heading('Demo Organization')).toBeVisible();

    // Filter as you type narrows the list.
    await catalog.main.getByRole('searchbox', { name: 'Filter datasets and workflows' }).fill('iris');
    const datasets = catalog.main.getByRole('list', { name: 'Datasets' });
    await expect(datasets.getByRole('listitem')).toHaveCount(1);
    await catalog.open('Iris species');

    await expect(catalog.heading('Iris species')).toBeVisible();
    await expect(catalog.main.getByLabel('Version', { exact: true })).toHaveValue('v2.0');
    await catalog.chooseVersion('v1.0');
    await expect(catalog.main.getByLabel('Version', { exact: true })).toHaveValue('v1.0');
    const irisRow = catalog.tableRow('iris');
    await expect(irisRow).toContainText('150');
    await catalog.open('iris');

    await expect(catalog.heading('iris')).toBeVisible();
    await catalog.expectCrumbs('Demo Organization', 'Iris species', 'v1.0', 'iris');
    await expect(catalog.main.getByRole('button', { name: /^species: show details/ })).toBeVisible();
    // The recent list remembers what was opened.
    await expect(catalog.sidebar.getByRole('list', { name: 'Recent' })).toContainText('iris');
    await catalog.back();
    await catalog.expectCrumbs('Demo Organization', 'Iris species', 'v1.0');
  });

  test('the reference bar jumps to a table and explains bad input', async ({ appPage }) => {
    const catalog = new CatalogPage(appPage);
    await catalog.goTo('demo.iris_species:v1_0:v2_0');
    await expect(catalog.referenceError()).toContainText('two versions');

    await catalog.goTo('demo.no_such_dataset');
    await expect(catalog.referenceError()).toContainText(/not found/i);

    await catalog.goTo('demo.iris_species:v1_0.iris');
    await expect(catalog.heading('iris')).toBeVisible();
    await catalog.expectCrumbs('Demo Organization', 'Iris species', 'v1.0', 'iris');

    // Variable details: description, value labels and statistics on demand (labels came in v2.0).
    await catalog.goTo('demo.iris_species.iris');
    await expect(catalog.main.getByText(/:v2_0\.iris/)).toBeVisible();
    await catalog.main.getByRole('button', { name: /^species: show details/ }).click();
    await expect(catalog.main.getByRole('table', { name: 'Value labels of species' })).toContainText(
      'Iris setosa',
    );
    await catalog.main.getByRole('button', { name: 'Show statistics for species' }).click();
    const stats = catalog.main.getByRole('table', { name: 'Statistics of species' });
    await expect(stats.getByRole('row', { name: /Distinct values/ })).toContainText('3');

    await catalog.goTo('https://redivis.com/demo/datasets/types_showcase?v=next');
    await expect(catalog.heading('Types showcase')).toBeVisible();
    await expect(catalog.main.getByLabel('Version', { exact: true })).toHaveValue('next');
    // The server's X-Redivis-Warning reaches the status bar.
    await expect(appPage.getByRole('contentinfo', { name: 'Status' })).toContainText('unreleased version');
  });

  test('restricted datasets explain what access the user has', async ({ appPage }) => {
    const catalog = new CatalogPage(appPage);
    await catalog.goTo('demo.restricted_overview');
    await expect(catalog.heading('Restricted overview')).toBeVisible();
    await expect(catalog.accessNotice()).toContainText('overview access');
    await catalog.open('records');
    await expect(catalog.heading('records')).toBeVisible();
    await expect(catalog.accessNotice()).toContainText('not its variables or rows');
    await expect(catalog.main.getByRole('heading', { name: 'Variables' })).toHaveCount(0);

    await catalog.goTo('demo.restricted_metadata.records');
    await expect(catalog.heading('records')).toBeVisible();
    await expect(catalog.accessNotice()).toContainText('metadata access');
    await expect(catalog.main.getByRole('heading', { name: 'Variables' })).toBeVisible();
    await expect(catalog.main.getByRole('button', { name: /show details/ }).first()).toBeVisible();

    await catalog.goTo('demo.private_hidden');
    await expect(catalog.referenceError()).toContainText(/not found|can't see/i);
  });

  test('back and forward, with buttons and Alt+Left/Right', async ({ appPage }) => {
    const catalog = new CatalogPage(appPage);
    // On the demo server the app starts in the demo organization, with no history yet.
    await expect(catalog.heading('Demo Organization')).toBeVisible();
    await expect(catalog.page.getByRole('button', { name: 'Back' })).toBeDisabled();
    await catalog.goTo('demo.iris_species');
    await expect(catalog.heading('Iris species')).toBeVisible();
    await catalog.open('iris');
    await expect(catalog.heading('iris')).toBeVisible();

    await catalog.back();
    await expect(catalog.heading('Iris species')).toBeVisible();
    await catalog.forward();
    await expect(catalog.heading('iris')).toBeVisible();

    await catalog.page.keyboard.press('Alt+ArrowLeft');
    await expect(catalog.heading('Iris species')).toBeVisible();
    await catalog.page.keyboard.press('Alt+ArrowLeft');
    await expect(catalog.heading('Demo Organization')).toBeVisible();
    await catalog.page.keyboard.press('Alt+ArrowRight');
    await expect(catalog.heading('Iris species')).toBeVisible();
    await expect(catalog.page.getByRole('button', { name: 'Forward' })).toBeEnabled();

    // A new visit drops the forward history; workflows browse like datasets.
    await catalog.openFromSidebar('Example workflow');
    await expect(catalog.heading('Example workflow')).toBeVisible();
    await expect(catalog.page.getByRole('button', { name: 'Forward' })).toBeDisabled();
    await expect(catalog.tableRow('summary')).toBeVisible();
    await catalog.back();
    await expect(catalog.heading('Iris species')).toBeVisible();
  });

  test('organizations can be added by name, and unknown ones are refused', async ({ appPage }) => {
    const catalog = new CatalogPage(appPage);
    const input = catalog.sidebar.getByRole('textbox', { name: 'Organization name' });
    await input.fill('no_such_org');
    await catalog.sidebar.getByRole('button', { name: 'Add' }).click();
    await expect(catalog.sidebar.getByRole('alert')).toContainText('no_such_org');
    await input.fill('demo');
    await catalog.sidebar.getByRole('button', { name: 'Add' }).click();
    await expect(catalog.heading('Demo Organization')).toBeVisible();
    await expect(
      catalog.sidebar.getByRole('list', { name: 'Organizations' }).getByRole('listitem'),
    ).toHaveCount(1);
  });
});
