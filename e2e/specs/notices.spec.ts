import { expect, test } from '../fixtures/appFixture';
import { CatalogPage } from '../pages/catalogPage';

test('errors and warnings belong to the page they are about', async ({ appPage }) => {
  const catalog = new CatalogPage(appPage);
  const status = appPage.getByRole('contentinfo', { name: 'Status' });

  // A reference-bar error goes away once the user is elsewhere.
  await catalog.goTo('demo.no_such_dataset');
  await expect(catalog.referenceError()).toBeVisible();
  await catalog.goTo('demo.iris_species');
  await expect(catalog.heading('Iris species')).toBeVisible();
  await expect(catalog.referenceError()).toHaveCount(0);

  // A missing version is named as such, not as a missing dataset.
  await catalog.goTo('demo.iris_species:v9_9');
  await expect(catalog.referenceError()).toHaveText('Iris species has no version v9.9 that you can see.');

  // The warning about an unreleased table is shown on that table, not on the next one.
  await catalog.goTo('demo_user.my_uploads:next.survey_responses');
  await expect(catalog.heading('survey_responses')).toBeVisible();
  await expect(status).toContainText('belongs to an unreleased version');
  await catalog.goTo('demo.types_showcase.all_types');
  await expect(catalog.heading('all_types')).toBeVisible();
  await expect(status).not.toContainText('unreleased');

  // The dataset's unreleased-version warning does not follow it to a released version.
  await catalog.goTo('demo_user.my_uploads:next');
  await expect(status).toContainText('addressed at its unreleased version');
  await catalog.goTo('demo_user.my_uploads:v1_0');
  await expect(catalog.heading('My uploads')).toBeVisible();
  await expect(catalog.main.getByLabel('Version', { exact: true })).toHaveValue('v1.0');
  await expect(status).not.toContainText('unreleased version');

  // Coming back to the unreleased table shows its warning again.
  await catalog.goTo('demo_user.my_uploads:next.survey_responses');
  await expect(status).toContainText('belongs to an unreleased version');
});
