import { expect, test } from '../fixtures/appFixture';
import { PreviewPage } from '../pages/previewPage';

const IRIS = 'demo.iris_species.iris';

async function firstRows(apiBase: string, token: string, n: number): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${apiBase}/tables/${IRIS}/rows?format=jsonl&maxResults=${n}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return (await response.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test('shows the first rows of iris and the row count', async ({ appPage, emulator }) => {
  const preview = new PreviewPage(appPage);
  await preview.open(IRIS);
  await expect(preview.count).toHaveText('150 of 150 rows');
  await expect
    .poll(() => preview.headerNames())
    .toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species']);
  const token = await emulator.createApiToken('demo_user', ['public', 'data.data']);
  const expected = await firstRows(emulator.apiBase, token, 3);
  for (const [i, row] of expected.entries()) {
    await expect.poll(() => preview.rowTexts(i + 1)).toEqual(Object.values(row).map(String));
  }
  // Numbers align right; value labels show on hover.
  await expect(preview.cell(1, 0)).toHaveClass(/pv-number/);
  await expect(preview.cell(1, 4)).toHaveAttribute('title', /Iris /);
});

test('sort, hide and resize are remembered; copy gives TSV with headers', async ({
  appPage,
  app,
  emulator,
}) => {
  const token = await emulator.createApiToken('demo_user', ['public', 'data.data']);
  const all = await firstRows(emulator.apiBase, token, 150);
  // Stable ascending order by sepal_length, as the grid sorts.
  const sorted = all
    .map((row, index) => ({ row, index }))
    .sort((a, b) => Number(a.row.sepal_length) - Number(b.row.sepal_length) || a.index - b.index);
  const smallest = String(sorted[0]?.row.sepal_length);
  const block = sorted
    .slice(0, 2)
    .map(({ row }) => `${String(row.sepal_length)}\t${String(row.sepal_width)}`)
    .join('\n');
  const preview = new PreviewPage(appPage);
  await preview.open(IRIS);
  await expect(preview.count).toHaveText('150 of 150 rows');

  // Sort ascending by sepal_length: the first row holds the smallest value.
  await preview.header('sepal_length').getByRole('button').click();
  await expect(preview.header('sepal_length')).toHaveAttribute('aria-sort', 'ascending');
  await expect(preview.cell(1, 0)).toHaveText(smallest);

  // Hide petal_width.
  const columns = await preview.openColumns();
  await columns.getByRole('checkbox', { name: /petal_width/ }).uncheck();
  await columns.getByRole('button', { name: 'Done', exact: true }).click();
  await expect
    .poll(() => preview.headerNames())
    .toEqual(['sepal_length', 'sepal_width', 'petal_length', 'species']);

  // Widen species with the keyboard: its fitted width + 3 × 16.
  const fitted = Number(await preview.resizer('species').getAttribute('aria-valuenow'));
  const widened = String(fitted + 48);
  await preview.resizer('species').focus();
  for (let i = 0; i < 3; i++) await preview.resizer('species').press('ArrowRight');
  await expect(preview.resizer('species')).toHaveAttribute('aria-valuenow', widened);

  // Copy a 2 × 2 block.
  await preview.recordCopies();
  await preview.cell(1, 0).click();
  await preview.cell(2, 1).click({ modifiers: ['Shift'] });
  await appPage.keyboard.press('ControlOrMeta+c');
  await expect.poll(() => preview.copies()).toEqual([`sepal_length\tsepal_width\n${block}\n`]);

  // The layout is saved in settings, so a reload brings it back.
  await expect
    .poll(() => JSON.stringify(app.services.context.settings.get('preview.views') ?? {}))
    .toContain(`"species":${widened}`);
  await appPage.reload();
  await expect(appPage.locator('[data-app-state="ready"]')).toBeVisible();
  await preview.open(IRIS);
  await expect(preview.count).toHaveText('150 of 150 rows');
  await expect(preview.header('sepal_length')).toHaveAttribute('aria-sort', 'ascending');
  await expect(preview.cell(1, 0)).toHaveText(smallest);
  await expect
    .poll(() => preview.headerNames())
    .toEqual(['sepal_length', 'sepal_width', 'petal_length', 'species']);
  await expect(preview.resizer('species')).toHaveAttribute('aria-valuenow', widened);
});

test('keyboard navigation moves the active cell and Enter shows the full value', async ({ appPage }) => {
  const preview = new PreviewPage(appPage);
  await preview.open(IRIS);
  await expect(preview.count).toHaveText('150 of 150 rows');
  await preview.cell(1, 0).click();
  await appPage.keyboard.press('End');
  await appPage.keyboard.press('ArrowDown');
  await appPage.keyboard.press('Enter');
  const detail = appPage.getByRole('region', { name: 'Full value' });
  await expect(detail).toContainText('species, row 2');
  await appPage.keyboard.press('ControlOrMeta+End');
  await expect(preview.grid.getByRole('rowheader').last()).toHaveText('150');
  // Alt+Right on a header moves its column; dragging a header onto another does the same.
  await preview.header('sepal_length').getByRole('button').press('Alt+ArrowRight');
  await expect
    .poll(() => preview.headerNames())
    .toEqual(['sepal_width', 'sepal_length', 'petal_length', 'petal_width', 'species']);
  await preview.header('species').dragTo(preview.header('sepal_width'));
  await expect
    .poll(() => preview.headerNames())
    .toEqual(['species', 'sepal_width', 'sepal_length', 'petal_length', 'petal_width']);
});

test('loading can be stopped and started again', async ({ appPage, emulator }) => {
  const preview = new PreviewPage(appPage);
  await preview.open(IRIS);
  await expect(preview.count).toHaveText('150 of 150 rows');
  await emulator.faults.set({ latencyMs: 3_000 });
  await appPage.getByRole('button', { name: 'Reload preview' }).click();
  await expect(appPage.getByRole('status').filter({ hasText: 'Loading preview…' })).toBeVisible();
  await appPage.getByRole('button', { name: 'Stop loading' }).click();
  await expect(preview.count).toHaveText('0 rows — stopped');
  emulator.faults.clear();
  await appPage.getByRole('button', { name: 'Reload preview' }).click();
  await expect(preview.count).toHaveText('150 of 150 rows');
});

test('a 600-column table renders only the columns in view', async ({ appPage }) => {
  const preview = new PreviewPage(appPage);
  await preview.open('demo.wide_table.wide');
  await expect(preview.count).toHaveText('1,000 of 1,000 rows');
  expect((await preview.headerNames()).length).toBeLessThan(40);
  await preview.cell(1, 0).click();
  await appPage.keyboard.press('End');
  await expect(preview.grid.locator('.pv-active')).toHaveAttribute('aria-colindex', '601');
  await expect(preview.grid.locator('.pv-active')).toHaveText('599');

  // Its 600 variables are laid out a hundred at a time as the list is read, and the filter
  // searches them all.
  const variables = appPage.getByRole('region', { name: 'Variables' });
  const names = variables.getByRole('rowheader');
  await expect(names).toHaveCount(100);
  await variables.getByRole('button', { name: 'Load more variables' }).scrollIntoViewIfNeeded();
  await expect(names.nth(199)).toHaveText('col_199');
  await variables.getByRole('searchbox', { name: 'Filter variables' }).fill('col_599');
  await expect(names).toHaveText(['col_599']);
});
