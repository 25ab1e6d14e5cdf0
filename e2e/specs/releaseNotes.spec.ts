import { expect, test } from '../fixtures/appFixture';
import { CatalogPage } from '../pages/catalogPage';

test('release notes are shown on the version they belong to', async ({ appPage }) => {
  const catalog = new CatalogPage(appPage);
  await catalog.goTo('demo.iris_species');
  await expect(catalog.heading(/iris/i)).toBeVisible();
  // The current release is v2.0, released with its own notes.
  await expect(catalog.main.getByLabel('Release notes of v2.0')).toHaveText(
    'Release notes: Added value labels',
  );
  await catalog.chooseVersion('v1.0');
  await expect(catalog.main.getByLabel('Release notes of v1.0')).toHaveText('Release notes: Initial release');
  await expect(catalog.main.getByText('Added value labels')).toHaveCount(0);
});
