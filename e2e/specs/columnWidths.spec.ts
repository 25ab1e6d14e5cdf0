import { expect, test } from '../fixtures/appFixture';
import { PreviewPage } from '../pages/previewPage';

test.use({ emulatorSetup: { largeRows: 1_000_000, faults: true } });

test('columns start wide enough for their content, and row numbers for the table size', async ({
  appPage,
}) => {
  test.setTimeout(120_000);
  const preview = new PreviewPage(appPage);
  await preview.open('demo.large_sample.measurements');
  await expect(preview.count).toHaveText('100,000 of 100,000 rows (preview limit; the table has 1,000,000)', {
    timeout: 60_000,
  });
  await expect
    .poll(() => preview.headerNames())
    .toEqual(['id', 'value', 'category', 'day', 'recorded_at', 'is_valid']);

  // A date-time shows whole, not cut off with an ellipsis.
  const recordedAt = preview.cell(1, 4);
  await expect(recordedAt).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
  const fits = (cell: { scrollWidth: number; clientWidth: number }) => cell.scrollWidth <= cell.clientWidth;
  expect(await recordedAt.evaluate(fits)).toBe(true);
  expect(await preview.header('recorded_at').locator('.pv-th-name').evaluate(fits)).toBe(true);

  // The row-number column has room for the table's last row number, "1,000,000".
  const rowHeader = preview.grid.getByRole('rowheader').first();
  await expect(rowHeader).toHaveText('1');
  const lastFits = await rowHeader.evaluate((cell) => {
    const probe = cell.cloneNode() as typeof cell;
    probe.textContent = (1_000_000).toLocaleString();
    cell.after(probe);
    const result = probe.scrollWidth <= probe.clientWidth;
    probe.remove();
    return result;
  });
  expect(lastFits).toBe(true);
});
