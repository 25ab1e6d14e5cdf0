import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm';
import { CATEGORIES, measurementValue } from '../../emulator/src/demo/largeTable';
import { expect, test } from '../fixtures/appFixture';
import { CatalogPage } from '../pages/catalogPage';
import { JobsPage } from '../pages/jobsPage';
import { PreviewPage } from '../pages/previewPage';
import { QueryPage } from '../pages/queryPage';
import { UploadPage } from '../pages/uploadPage';

const ROWS = 20_000;

/** Per category of demo.large_sample.measurements: rows and the sum of values, from the generator. */
function byCategory(): Map<string, { n: number; total: number }> {
  const out = new Map<string, { n: number; total: number }>();
  for (let i = 1; i <= ROWS; i++) {
    const key = CATEGORIES[i % CATEGORIES.length] as string;
    const entry = out.get(key) ?? { n: 0, total: 0 };
    entry.n += 1;
    entry.total += measurementValue(i) ?? 0;
    out.set(key, entry);
  }
  return out;
}

test('a newcomer queries a table: completion, a GROUP BY and a JOIN, an error at its line, history after a reload', async ({
  appPage,
}) => {
  test.setTimeout(120_000);
  const catalog = new CatalogPage(appPage);
  const query = new QueryPage(appPage);
  const preview = new PreviewPage(appPage);

  // From a table page: the query is ready to run.
  await catalog.goTo('demo.iris_species.iris');
  await expect(catalog.heading('iris')).toBeVisible();
  await appPage.getByRole('button', { name: 'Query this table' }).click();
  await expect(query.workbench).toBeVisible();
  // The table as the page shows it, version pinned.
  await expect
    .poll(() => query.text())
    .toMatch(/^SELECT \*\nFROM `demo\.iris_species:[^`]*v2_0\.iris[^`]*`\nLIMIT 1000$/);

  // Completion of a reference, segment by segment, as a user types it.
  await query.write('SELECT species, COUNT(*) AS n\nFROM ');
  await appPage.keyboard.type('`demo.iris_');
  // (Clicked: the editor ignores Enter for a moment after the list appears, against accidents.)
  await query.completions.getByRole('option', { name: /iris_species/ }).click();
  await expect.poll(() => query.text()).toContain('FROM `demo.iris_species`');
  await appPage.keyboard.type('.ir');
  await query.completions.getByRole('option', { name: /^iris/ }).click();
  // The closing backtick came with the opening one.
  await appPage.keyboard.press('End');
  await appPage.keyboard.insertText('\nGROUP BY species\nORDER BY species');
  await expect
    .poll(() => query.text())
    .toBe('SELECT species, COUNT(*) AS n\nFROM `demo.iris_species.iris`\nGROUP BY species\nORDER BY species');
  // What the query reads, before it runs.
  await expect(appPage.getByRole('list', { name: 'Tables this query reads' })).toContainText('150 rows');
  await query.run();
  await expect(query.status).toHaveText(/^3 rows/);
  await expect(preview.count).toHaveText('3 of 3 rows');
  expect(await preview.rowTexts(1)).toEqual(['setosa', '50']);
  expect(await preview.rowTexts(3)).toEqual(['virginica', '50']);

  // A JOIN in another tab, with bare table names under a default dataset.
  await query.newQuery();
  await query.defaultDataset.fill('demo.large_sample');
  await query.write('SELECT COUNT(*) AS pairs\nFROM measurements a\nJOIN measurements b ON b.id = a.id + 1');
  await query.run();
  await expect(query.status).toHaveText(/^1 row/);
  await expect(preview.count).toHaveText('1 of 1 rows');
  await expect(preview.cell(1, 0)).toHaveText(String(ROWS - 1));

  // A syntax error is shown with its place, and the line is marked in the editor.
  await query.write('SELECT category,\n  COUNT(*) FROM FROM `demo.large_sample.measurements`');
  await query.run();
  await expect(query.status).toContainText('line 2, column 17');
  await expect(query.status).toHaveAttribute('role', 'alert');
  await expect(query.workbench.locator('.qe-error-line')).toHaveCount(1);

  // Tabs and unsaved text come back after a restart; every run is in the history.
  await appPage.reload();
  await query.newQuery();
  await expect(query.tab('iris')).toBeVisible();
  await expect.poll(() => query.text()).toBe('');
  await appPage.getByRole('searchbox', { name: 'Search history' }).fill('GROUP BY species');
  await expect(query.historyItem(/GROUP BY|SELECT species/)).toHaveCount(1);
  await query.tab('iris').click();
  await expect.poll(() => query.text()).toContain('GROUP BY species');
});

test('cancel stops waiting for a slowed query and says Redivis may still finish it', async ({
  appPage,
  emulator,
}) => {
  const query = new QueryPage(appPage);
  await query.newQuery();
  await emulator.faults.set({ slowQueries: { count: 1, delayMs: 60_000 } });
  await query.write('SELECT 1 AS one');
  await query.run();
  await expect(query.status).toHaveText(/^(Queued|Running) on Redivis/);
  await appPage.getByRole('button', { name: 'Stop waiting' }).click();
  await expect(query.status).toHaveText(/Redivis may still finish this query/);
  await expect(appPage.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
});

test('exports a whole query result to CSV and Parquet, and saves and reopens the query as a .sql file', async ({
  appPage,
  app,
}) => {
  test.setTimeout(120_000);
  const query = new QueryPage(appPage);
  const jobs = new JobsPage(appPage);
  await query.newQuery();
  const sql =
    'SELECT category, COUNT(*) AS n, ROUND(SUM(value), 2) AS total\nFROM `demo.large_sample.measurements`\nGROUP BY category\nORDER BY category';
  await query.write(sql);
  await query.run();
  await expect(query.status).toHaveText(/^8 rows/);

  const expected = byCategory();
  const csvTitle = await jobs.exportAs('CSV');
  await jobs.openPanel();
  await expect(jobs.job(csvTitle).getByTestId('job-status')).toHaveText('Done');
  const csvName = csvTitle.split(' → ')[1] as string;
  const rows = parse(await readFile(join(app.downloadDir, csvName), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];
  expect(rows.map((r) => r.category)).toEqual([...CATEGORIES].sort());
  for (const row of rows) {
    expect(Number(row.n)).toBe(expected.get(row.category as string)?.n);
    expect(Number(row.total)).toBeCloseTo(expected.get(row.category as string)?.total ?? NaN, 2);
  }

  const parquetTitle = await jobs.exportAs('Parquet');
  await expect(jobs.job(parquetTitle).getByTestId('job-status')).toHaveText('Done');
  const table = tableFromIPC(
    readParquet(
      await readFile(join(app.downloadDir, parquetTitle.split(' → ')[1] as string)),
    ).intoIPCStream(),
  );
  const categories = table.getChild('category')?.toArray() as string[];
  const counts = Array.from(table.getChild('n')?.toArray() as BigInt64Array, Number);
  expect(categories).toEqual([...CATEGORIES].sort());
  expect(counts).toEqual(categories.map((c) => expected.get(c)?.n));

  // Save as a .sql file, close the tab, reopen it from the saved list.
  await appPage.getByRole('button', { name: 'Save as…' }).click();
  await appPage.getByRole('textbox', { name: 'File name' }).fill('by category');
  await appPage.getByRole('form', { name: 'Save query' }).getByRole('button', { name: 'Save' }).click();
  await expect(appPage.getByText('Saved as by category.sql')).toBeVisible();
  expect(await readFile(join(app.dataDir, 'queries', 'by category.sql'), 'utf8')).toBe(sql);
  await appPage.getByRole('button', { name: 'Close by category' }).click();
  await appPage.getByRole('button', { name: 'Saved', exact: true }).click();
  await appPage
    .getByRole('list', { name: 'Saved queries' })
    .getByRole('button', { name: /by category\.sql/ })
    .click();
  await expect(query.tab('by category')).toBeVisible();
  await expect.poll(() => query.text()).toBe(sql);

  // A .sql file dropped on the window opens in a new tab (and not in the upload dialog).
  await new UploadPage(appPage).dropFiles([{ name: 'dropped.sql', content: 'SELECT 42 AS answer' }]);
  await expect(query.tab('dropped')).toBeVisible();
  await expect.poll(() => query.text()).toBe('SELECT 42 AS answer');
  await expect(appPage.getByRole('dialog').filter({ hasText: 'dropped.sql' })).toHaveCount(0);
});
