import { expect, test } from '../fixtures/appFixture';
import { CatalogPage } from '../pages/catalogPage';
import { JobsPage } from '../pages/jobsPage';

/** The Node side's refusal of a name (its details follow it in the same alert). */
const refusal = (name: string) =>
  new RegExp(`^"${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" cannot be used as a file name\\.`);

test('the export file-name check is about the name in the field, blocks Export and is said once', async ({
  appPage,
}) => {
  await appPage.clock.install();
  const catalog = new CatalogPage(appPage);
  const jobs = new JobsPage(appPage);
  await catalog.goTo('demo.iris_species.iris');
  await expect(catalog.heading('iris')).toBeVisible();
  await jobs.openExportDialog();
  await jobs.chooseLocation();
  await expect(jobs.fileName()).toHaveValue('iris.csv');
  const alerts = jobs.dialog.getByRole('alert');

  // An invalid name is refused by name, and Export is off for it.
  await jobs.fileName().fill('con?.csv');
  await expect(alerts).toHaveText([refusal('con?.csv')]);
  await expect(jobs.exportButton()).toBeDisabled();

  // While the edited name waits for its check (the page's clock held), nothing on screen is
  // about the previous name and Export stays off.
  await appPage.clock.pauseAt(Date.now() + 60_000);
  await jobs.fileName().fill('con*.csv');
  await expect(jobs.fileName()).toHaveValue('con*.csv');
  for (const text of await alerts.allTextContents()) expect(text).not.toContain('"con?.csv"');
  await expect(jobs.exportButton()).toBeDisabled();
  await appPage.clock.resume();
  await expect(alerts).toHaveText([refusal('con*.csv')]);
  await expect(jobs.exportButton()).toBeDisabled();

  // Enter in the field does not start an export with it: the refusal stays said once.
  await jobs.fileName().press('Enter');
  await expect(jobs.dialog).toBeVisible();
  await expect(alerts).toHaveText([refusal('con*.csv')]);

  // A cleared field has no refusal left over, and nothing to export.
  await jobs.fileName().fill('');
  await expect(alerts).toHaveCount(0);
  await expect(jobs.exportButton()).toBeDisabled();

  // A good name again: no refusal, and Export is on once it is checked.
  await jobs.fileName().fill('iris copy.csv');
  await expect(alerts).toHaveCount(0);
  await expect(jobs.exportButton()).toBeEnabled();
});
