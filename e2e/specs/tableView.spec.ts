import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../fixtures/appFixture';
import { JobsPage } from '../pages/jobsPage';
import { PreviewPage } from '../pages/previewPage';

const ROWS = 1_000_000;
const CATEGORIES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];
const DAY0_MS = Date.UTC(2020, 0, 1);

test.use({ emulatorSetup: { largeRows: ROWS, faults: false } });

/** The demo generator's rules (emulator/src/demo/largeTable.ts), recomputed here as plain values. */
function category(id: number): string {
  return CATEGORIES[id % CATEGORIES.length] ?? '';
}
function day(id: number): string {
  return new Date(DAY0_MS + (id % 1461) * 86_400_000).toISOString().slice(0, 10);
}
function idsWhere(keep: (id: number) => boolean): number[] {
  const ids: number[] = [];
  for (let id = 1; id <= ROWS; id++) if (keep(id)) ids.push(id);
  return ids;
}
const n = (value: number) => value.toLocaleString('en-US');

test('sorts and filters the whole table on Redivis and reaches its last row', async ({ appPage }) => {
  test.setTimeout(240_000);
  const preview = new PreviewPage(appPage);
  await preview.open('demo.large_sample.measurements');
  await expect(preview.count).toHaveText(
    `100,000 of 100,000 rows (preview limit; the table has ${n(ROWS)})`,
    {
      timeout: 60_000,
    },
  );

  // Two clicks in quick succession: ascending is superseded by descending before it is asked for.
  await preview.sortBy('id');
  await preview.sortBy('id');
  await expect(preview.header('id')).toHaveAttribute('aria-sort', 'descending');
  await preview.settled();
  await expect(preview.backend).toHaveText('Sorted on Redivis');
  await expect(preview.count).toHaveText(`${n(ROWS)} of ${n(ROWS)} rows in this view`);
  await expect(preview.cell(1, 0)).toHaveText(String(ROWS));

  // The view's real last row, fetched as a window deep in the sorted view.
  // Ctrl+End goes to the last row's last cell; Home then to its first (id).
  await preview.cell(1, 0).click();
  await appPage.keyboard.press('ControlOrMeta+End');
  await appPage.keyboard.press('Home');
  await expect(preview.grid.getByRole('rowheader').last()).toHaveText(n(ROWS));
  await expect(preview.grid.locator('.pv-active')).toHaveText('1', { timeout: 60_000 });

  // category = 'beta', counted independently from the generator.
  const beta = idsWhere((id) => category(id) === 'beta');
  await preview.filter('category', '=beta');
  await preview.settled();
  await expect(preview.backend).toHaveText('Sorted and filtered on Redivis');
  await expect(preview.count).toHaveText(`${n(beta.length)} of ${n(ROWS)} rows in this view`);
  await expect(preview.chips).toContainText('category = beta');
  await expect(preview.cell(1, 0)).toHaveText(String(beta[beta.length - 1]));

  // Plus a date range.
  const inRange = idsWhere(
    (id) => category(id) === 'beta' && day(id) >= '2021-02-01' && day(id) <= '2021-03-15',
  );
  await preview.filter('day', '2021-02-01..2021-03-15');
  await preview.settled();
  await expect(preview.count).toHaveText(`${n(inRange.length)} of ${n(ROWS)} rows in this view`);
  await expect(preview.cell(1, 0)).toHaveText(String(inRange[inRange.length - 1]));
  await preview.cell(1, 0).click();
  await appPage.keyboard.press('ControlOrMeta+End');
  await appPage.keyboard.press('Home');
  await expect(preview.grid.locator('.pv-active')).toHaveText(String(inRange[0]), { timeout: 60_000 });

  // Removing the category chip widens the view again.
  await preview.chips.getByRole('button', { name: 'Remove filter category = beta' }).click();
  await preview.settled();
  const days = idsWhere((id) => day(id) >= '2021-02-01' && day(id) <= '2021-03-15');
  await expect(preview.count).toHaveText(`${n(days.length)} of ${n(ROWS)} rows in this view`);
});

test('filters to and excludes a cell value from its context menu, by keyboard', async ({ appPage }) => {
  test.setTimeout(180_000);
  const preview = new PreviewPage(appPage);
  await preview.open('demo.large_sample.measurements');
  await preview.settled();
  // Row 1 is id 1: category 'beta'. Shift+F10 opens the focused cell's menu.
  await preview.cell(1, 2).click();
  await expect(preview.cell(1, 2)).toHaveText('beta');
  await appPage.keyboard.press('Shift+F10');
  await appPage.getByRole('menuitem', { name: 'Exclude beta' }).press('Enter');
  await preview.settled();
  const notBeta = idsWhere((id) => category(id) !== 'beta');
  await expect(preview.backend).toHaveText('Filtered on Redivis');
  await expect(preview.count).toHaveText(`${n(notBeta.length)} of ${n(ROWS)} rows in this view`);

  await preview.cell(1, 2).click({ button: 'right' });
  await appPage.getByRole('menuitem', { name: /^Filter to / }).click();
  await preview.settled();
  const first = category(notBeta[0] ?? 0);
  const only = idsWhere((id) => category(id) === first);
  await expect(preview.count).toHaveText(`${n(only.length)} of ${n(ROWS)} rows in this view`);

  // Ctrl/Cmd+Shift+F jumps from a cell to its column's field in the filter row.
  await preview.cell(1, 0).click();
  await appPage.keyboard.press('ControlOrMeta+Shift+F');
  await expect(preview.filterField('id')).toBeFocused();
  await appPage.keyboard.type('>999000');
  await appPage.keyboard.press('Enter');
  await preview.settled();
  const high = only.filter((id) => id > 999_000);
  await expect(preview.count).toHaveText(`${n(high.length)} of ${n(ROWS)} rows in this view`);
  await expect(preview.cell(1, 0)).toHaveText(String(high[0]));

  // The view is remembered for the table: after a reload it is computed again as it was.
  await appPage.reload();
  await preview.open('demo.large_sample.measurements');
  await preview.settled();
  await expect(preview.chips.getByRole('listitem')).toHaveText([
    `category = ${first}×`,
    'id > 999000×',
    'Clear filters',
  ]);
  await expect(preview.count).toHaveText(`${n(high.length)} of ${n(ROWS)} rows in this view`);
});

test('profiles each column over the whole table', async ({ appPage }) => {
  test.setTimeout(120_000);
  const preview = new PreviewPage(appPage);
  await preview.open('demo.large_sample.measurements');
  // Every 97th value is missing: 10,309 of a million, about 1%.
  await expect(preview.grid.getByTestId('profile-nulls-value')).toHaveText('1% null', { timeout: 60_000 });
  await expect(preview.grid.getByTestId('profile-nulls-id')).toHaveText('0% null');
  await preview.profile('value').click();
  const panel = preview.profilePanel('value');
  await expect(panel.getByTestId('profile-panel-nulls')).toHaveText(n(Math.floor(ROWS / 97)));
  await expect(panel.getByRole('listitem')).toHaveCount(20);
  await panel.getByRole('button', { name: 'Close profile' }).click();

  // Categories list their values; checking two filters the view to "is one of" them.
  await preview.profile('category').click();
  const categories = preview.profilePanel('category');
  await categories.getByRole('checkbox', { name: 'alpha' }).check();
  await categories.getByRole('checkbox', { name: 'gamma' }).check();
  await categories.getByRole('button', { name: /one of these/ }).click();
  await preview.settled();
  const alphaGamma = idsWhere((id) => ['alpha', 'gamma'].includes(category(id)));
  await expect(preview.count).toHaveText(`${n(alphaGamma.length)} of ${n(ROWS)} rows in this view`);
});

test('exports exactly the view it shows, rows in order', async ({ appPage, app }) => {
  test.setTimeout(240_000);
  const preview = new PreviewPage(appPage);
  const jobs = new JobsPage(appPage);
  await preview.open('demo.large_sample.measurements');
  await preview.settled();
  await preview.sortBy('value');
  await preview.sortBy('value');
  await preview.filter('category', '=beta');
  await preview.filter('day', '2021-02-01..2021-03-15');
  const columns = await preview.openColumns();
  await columns.getByRole('checkbox', { name: /recorded_at/ }).uncheck();
  await columns.getByRole('button', { name: 'Done', exact: true }).click();
  await preview.settled();

  await jobs.openExportDialog();
  await expect(jobs.dialog.getByRole('checkbox', { name: /Export this view/ })).toBeChecked();
  const expected = idsWhere(
    (id) => category(id) === 'beta' && day(id) >= '2021-02-01' && day(id) <= '2021-03-15',
  );
  await expect(jobs.dialog.getByTestId('export-view-summary')).toContainText(
    `${n(expected.length)} rows · 5 columns`,
    { timeout: 60_000 },
  );
  await jobs.chooseFormat('CSV');
  await jobs.chooseLocation();
  await jobs.fileName().fill('beta view.csv');
  await jobs.exportButton().click();
  await expect(jobs.job(/beta view\.csv/).getByTestId('job-status')).toHaveText('Done', { timeout: 60_000 });

  const rows = parse(await readFile(join(app.downloadDir, 'beta view.csv'), 'utf8'), {
    columns: true,
  }) as Record<string, string>[];
  expect(Object.keys(rows[0] ?? {})).toEqual(['id', 'value', 'category', 'day', 'is_valid']);
  // Value descending with nulls last, ties by id (the view's tie-breaker), from the generator.
  const value = (id: number) =>
    id % 97 === 0 ? null : Math.round(((id * 2654435761) % 1_000_003) / 10) / 100;
  const order = [...expected].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? a - b : va === null ? 1 : -1;
    return vb - va || a - b;
  });
  expect(rows.map((row) => Number(row.id))).toEqual(order);
  expect(new Set(rows.map((row) => row.category))).toEqual(new Set(['beta']));
});
