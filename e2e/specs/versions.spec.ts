import { expect, test } from '../fixtures/appFixture';
import { CatalogPage } from '../pages/catalogPage';

/** The labels of the version picker's options, as the user reads them. */
async function versionOptions(catalog: CatalogPage): Promise<string[]> {
  const labels = await catalog.main
    .getByLabel('Version', { exact: true })
    .locator('option')
    .allTextContents();
  return labels.map((label) => label.split(' · ')[0] as string);
}

test('releasing and unreleasing on a dataset page keeps the page, its versions and its tables current', async ({
  appPage,
}) => {
  const catalog = new CatalogPage(appPage);
  const release = appPage.getByRole('region', { name: 'Release' });
  await catalog.goTo('demo_user.my_uploads:next');
  await expect(catalog.heading('My uploads')).toBeVisible();
  await expect.poll(() => versionOptions(catalog)).toEqual(['Next (unreleased)', 'v1.0 (current)']);

  // Release the version the page shows: the page moves to the dataset, now at the new release.
  await release.getByRole('button', { name: 'Release version…' }).click();
  const confirm = appPage.getByRole('group', { name: 'Confirm release' });
  await confirm.getByRole('textbox', { name: 'Release notes' }).fill('Second wave');
  await confirm.getByRole('button', { name: 'Release', exact: true }).click();
  await expect(catalog.heading('My uploads')).toBeVisible();
  await expect(appPage.getByText("This dataset was not found, or you can't see it.")).toHaveCount(0);
  await expect.poll(() => versionOptions(catalog)).toEqual(['v2.0 (current)', 'v1.0']);
  await expect(catalog.main.getByLabel('Version', { exact: true })).toHaveValue('v2.0');

  // Unrelease it again: the picker no longer offers v2.0 as current, and Next is back.
  await release.getByRole('button', { name: /^Unrelease v2\.0/ }).click();
  await appPage
    .getByRole('group', { name: 'Confirm unrelease' })
    .getByRole('button', { name: 'Unrelease', exact: true })
    .click();
  await expect.poll(() => versionOptions(catalog)).toEqual(['Next (unreleased)', 'v1.0 (current)']);
  // The facts and the list agree on the number of tables.
  const tables = catalog.main.getByRole('region', { name: 'Tables' }).locator('tbody').getByRole('row');
  await expect(tables).toHaveCount(2);
  await expect(catalog.main.locator('.facts')).toContainText('Tables2');
});

test('creating the next version on a dataset page offers it in the version picker at once', async ({
  appPage,
}) => {
  const catalog = new CatalogPage(appPage);
  await catalog.goTo('demo_user.scratch');
  await expect(catalog.heading('Scratch')).toBeVisible();
  await expect.poll(() => versionOptions(catalog)).toEqual(['v1.0 (current)']);
  await appPage
    .getByRole('region', { name: 'Release' })
    .getByRole('button', { name: 'Create next version' })
    .click();
  await expect.poll(() => versionOptions(catalog)).toEqual(['Next (unreleased)', 'v1.0 (current)']);
});
