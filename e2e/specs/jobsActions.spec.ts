import { join } from 'node:path';
import { expect, test } from '../fixtures/appFixture';
import { CatalogPage } from '../pages/catalogPage';
import { JobsPage } from '../pages/jobsPage';

test('a finished export opens and shows in its folder through the system; a failure retrying cannot fix offers no Retry', async ({
  appPage,
  app,
}) => {
  const catalog = new CatalogPage(appPage);
  const jobs = new JobsPage(appPage);
  await catalog.goTo('demo.iris_species.iris');
  await expect(catalog.heading('iris')).toBeVisible();

  const title = await jobs.exportAs('CSV');
  await jobs.openPanel();
  const job = jobs.job(title);
  await expect(job.getByTestId('job-status')).toHaveText('Done');
  await job.getByRole('button', { name: `Open ${title}` }).click();
  await job.getByRole('button', { name: `Show ${title} in folder` }).click();
  const file = join(app.downloadDir, title.split(' → ')[1] as string);
  await expect
    .poll(() => app.opened)
    .toEqual([
      { path: file, reveal: false },
      { path: file, reveal: true },
    ]);

  // The demo server cannot make Stata files: trying again would fail the same way.
  const stata = await jobs.exportAs('Stata (.dta), made by Redivis');
  const failed = jobs.job(stata);
  await expect(failed.getByTestId('job-status')).toHaveText('Failed');
  await expect(failed.getByRole('button', { name: `Retry ${stata}` })).toHaveCount(0);
});

test.describe('signed out', () => {
  test.use({ appSetup: { signedInScopes: false } });
  test('the token form says how the token is kept, as the warning below it does', async ({ appPage }) => {
    await appPage.getByRole('button', { name: 'Paste an API token' }).click();
    await expect(
      appPage.getByText('It is saved on this computer (see below) and never shown again.'),
    ).toBeVisible();
    await expect(appPage.getByText(/kept encrypted/)).toHaveCount(0);
    await expect(appPage.getByRole('note', { name: 'Sign-in storage warning' })).toContainText(
      'without encryption',
    );
  });
});
