import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../fixtures/appFixture';
import { CatalogPage } from '../pages/catalogPage';
import { JobsPage } from '../pages/jobsPage';
import { PreviewPage } from '../pages/previewPage';

test('the export dialog starts from the columns the grid shows, in its order, and says whether a sort is kept', async ({
  appPage,
  app,
}) => {
  const catalog = new CatalogPage(appPage);
  const preview = new PreviewPage(appPage);
  const jobs = new JobsPage(appPage);
  await catalog.goTo('demo.iris_species.iris');
  await expect(preview.count).toHaveText('150 of 150 rows');

  // Hide petal_width, then move sepal_length one place right.
  const columns = await preview.openColumns();
  await columns.getByRole('checkbox', { name: /petal_width/ }).uncheck();
  await columns.getByRole('button', { name: 'Done', exact: true }).click();
  await preview.header('sepal_length').getByRole('button').press('Alt+ArrowRight');
  const shown = ['sepal_width', 'sepal_length', 'petal_length', 'species'];
  await expect.poll(() => preview.headerNames()).toEqual(shown);

  await jobs.openExportDialog();
  const picker = jobs.dialog.getByRole('group', { name: /^Columns/ });
  await expect(picker).toHaveAccessibleName('Columns (4 of 5)');
  const listed = (await picker.getByRole('listitem').allTextContents()).map((text) => text.split(' ')[0]);
  expect(listed).toEqual([...shown, 'petal_width']);
  await expect(picker.getByRole('checkbox', { name: /^petal_width/ })).not.toBeChecked();
  // Not sorted: nothing to say about the order of rows.
  await expect(jobs.dialog.getByTestId('export-order-note')).toHaveCount(0);

  await jobs.chooseFormat('CSV');
  await jobs.chooseLocation();
  await jobs.fileName().fill('iris shown.csv');
  await jobs.exportButton().click();
  await expect(jobs.dialog).toBeHidden();
  await expect(jobs.job(/iris shown\.csv/).getByTestId('job-status')).toHaveText('Done');
  const written = parse(await readFile(join(app.downloadDir, 'iris shown.csv'), 'utf8'), {
    columns: true,
  }) as Record<string, string>[];
  expect(Object.keys(written[0] ?? {})).toEqual(shown);
  expect(written).toHaveLength(150);

  // Sorted: the dialog says the file keeps the grid's order, or that it does not.
  await appPage.keyboard.press('Escape');
  await preview.sortBy('sepal_length');
  await expect(preview.header('sepal_length')).toHaveAttribute('aria-sort', 'ascending');
  await jobs.openExportDialog();
  const note = jobs.dialog.getByTestId('export-order-note');
  await expect(note).toHaveText("The file keeps the grid's order (sorted by sepal_length).");
  await jobs.dialog.getByRole('checkbox', { name: /^Export this view/ }).uncheck();
  await expect(note).toContainText("the file keeps the table's order instead");
});
