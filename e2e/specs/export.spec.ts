import { parse } from 'csv-parse/sync';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../fixtures/appFixture';
import { CatalogPage } from '../pages/catalogPage';
import { JobsPage } from '../pages/jobsPage';

test('exports a table to CSV through the dialog and the jobs panel shows it, also after a reload', async ({
  appPage,
  app,
}) => {
  const catalog = new CatalogPage(appPage);
  const jobs = new JobsPage(appPage);
  await catalog.goTo('demo.iris_species.iris');
  await expect(catalog.heading('iris')).toBeVisible();

  await jobs.openExportDialog();
  await jobs.chooseFormat('CSV');
  await expect(jobs.exportButton()).toBeDisabled();
  await jobs.chooseLocation();
  await expect(jobs.fileName()).toHaveValue('iris.csv');
  await jobs.fileName().fill('iris export.csv');
  await jobs.exportButton().click();

  await expect(jobs.dialog).toBeHidden();
  const job = jobs.job(/iris → iris export\.csv/);
  await expect(job.getByTestId('job-status')).toHaveText('Done');
  await expect(job).toContainText('150 of 150 rows');

  const file = join(app.downloadDir, 'iris export.csv');
  const rows = parse(await readFile(file, 'utf8'), { columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(150);
  expect(Object.keys(rows[0] ?? {})).toEqual([
    'sepal_length',
    'sepal_width',
    'petal_length',
    'petal_width',
    'species',
  ]);
  expect(await readdir(app.downloadDir)).toEqual(['iris export.csv']);

  // Jobs live in the Node side: a reloaded window lists them again.
  await appPage.reload();
  await jobs.openPanel();
  await expect(jobs.job(/iris → iris export\.csv/).getByTestId('job-status')).toHaveText('Done');

  // Exporting to the same name again needs consent to replace the file.
  await catalog.goTo('demo.iris_species.iris');
  await jobs.openExportDialog();
  await jobs.chooseLocation();
  await jobs.fileName().fill('iris export.csv');
  const replace = jobs.dialog.getByRole('checkbox', { name: /Replace it/ });
  await expect(replace).toBeVisible();
  await expect(jobs.exportButton()).toBeDisabled();
  await jobs.dialog.getByRole('checkbox', { name: 'Limit rows' }).check();
  await jobs.dialog.getByRole('spinbutton', { name: 'Maximum rows' }).fill('10');
  await replace.check();
  await jobs.exportButton().click();
  await expect(
    jobs
      .job(/iris → iris export\.csv/)
      .first()
      .getByTestId('job-status'),
  ).toHaveText('Done');
  await expect
    .poll(async () => (parse(await readFile(file, 'utf8'), { columns: true }) as unknown[]).length)
    .toBe(10);
});
