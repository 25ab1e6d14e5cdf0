import { expect, test } from '../fixtures/appFixture';
import { PreviewPage } from '../pages/previewPage';

test.use({ emulatorSetup: { largeRows: 1_000_000, faults: true } });

test('stays responsive while a million-row preview streams', async ({ appPage, emulator }) => {
  test.setTimeout(120_000);
  const preview = new PreviewPage(appPage);
  await preview.open('demo.large_sample.measurements');
  await expect(preview.count).toHaveText('100,000 of 100,000 rows (preview limit; the table has 1,000,000)');

  // The stream breaks after two batches and its resume is held by the server until the test lets
  // go, so the preview is certainly still streaming while the other control is used.
  await emulator.faults.set({ cutStreams: { count: 1, afterBatches: 2 }, holdResumedStreams: true });
  await preview.setRowLimit(1_000_000);
  // The server's own account that the preview is mid-stream: it holds the resume, and the count
  // settles at the rows taken before the break (read earlier, the stream could still be running
  // free or be one batch short).
  await expect.poll(() => emulator.faults.heldResumeOffsets().length, { timeout: 30_000 }).toBe(1);
  const taken = emulator.faults.heldResumeOffsets()[0] ?? 0;
  await expect(preview.count).toHaveText(`${taken.toLocaleString('en-US')} of 1,000,000 rows`);
  const columns = await preview.openColumns();
  await expect(columns).toBeVisible();
  await expect(appPage.getByRole('button', { name: 'Stop loading' })).toBeVisible();
  await columns.getByRole('button', { name: 'Done', exact: true }).click();
  await emulator.faults.set({ holdResumedStreams: false });

  await expect(preview.count).toHaveText('1,000,000 of 1,000,000 rows', { timeout: 60_000 });
  // The grid holds the rows read before and after the break, once each and in order.
  await preview.cell(1, 0).click();
  await appPage.keyboard.press('ControlOrMeta+End');
  await expect(preview.grid.getByRole('rowheader').last()).toHaveText('1,000,000');
  await expect(preview.cell(-1, 0)).toHaveText('1000000');
  // Scaled scrolling: the spacer stays far below a million 28-px rows, yet reaches the end.
  const spacer = await preview.grid.locator('.pv-spacer').evaluate((el) => el.getBoundingClientRect().height);
  expect(spacer).toBeLessThan(10_000_000);
});

test('Stop loading ends a million-row preview mid-stream and its rows stop growing', async ({
  appPage,
  emulator,
}) => {
  test.setTimeout(120_000);
  const preview = new PreviewPage(appPage);
  await preview.open('demo.large_sample.measurements');
  await expect(preview.count).toHaveText('100,000 of 100,000 rows (preview limit; the table has 1,000,000)');

  // The stream breaks after two batches and its resume is held: the preview is mid-stream.
  await emulator.faults.set({ cutStreams: { count: 1, afterBatches: 2 }, holdResumedStreams: true });
  await preview.setRowLimit(1_000_000);
  // The resume the server holds says how many rows the app took before the break; the count
  // settles there (read before that, it could still be one batch short).
  await expect.poll(() => emulator.faults.heldResumeOffsets().length, { timeout: 30_000 }).toBe(1);
  const taken = emulator.faults.heldResumeOffsets()[0] ?? 0;
  const loaded = `${taken.toLocaleString('en-US')} of 1,000,000 rows`;
  await expect(preview.count).toHaveText(loaded);
  await appPage.getByRole('button', { name: 'Stop loading' }).click();
  await expect(preview.count).toHaveText(`${loaded} — stopped`);
  await expect(appPage.getByRole('button', { name: 'Stop loading' })).toHaveCount(0);

  // Let the held connection go: a stopped preview takes none of what it would have sent.
  await emulator.faults.set({ holdResumedStreams: false });
  // The rows it has stay readable, to the last one it took.
  await preview.cell(1, 0).click();
  await expect(preview.cell(1, 0)).toHaveText('1');
  await appPage.keyboard.press('ControlOrMeta+End');
  const last = loaded.split(' ')[0] ?? '';
  await expect(preview.grid.getByRole('rowheader').last()).toHaveText(last);
  await expect(preview.count).toHaveText(`${loaded} — stopped`);
});
