import { expect, test } from '../fixtures/appFixture';
import { PreviewPage } from '../pages/previewPage';

test.use({ emulatorSetup: { largeRows: 1_000_000, faults: false } });

/** Long tasks (over 50 ms) the page's main thread ran, as Chromium's PerformanceObserver reports them. */
interface LongTaskLog {
  longTasks: number[];
}

test('sorts a million loaded rows in a worker, never freezing the main thread', async ({ appPage }) => {
  test.setTimeout(300_000);
  const preview = new PreviewPage(appPage);
  await preview.open('demo.large_sample.measurements');
  await preview.setRowLimit(1_000_000);
  await expect(preview.count).toHaveText('1,000,000 of 1,000,000 rows', { timeout: 180_000 });
  await preview.settled();

  // While long tasks are recorded, the test finds elements by CSS only: Playwright's role
  // queries walk the page's accessibility tree on its main thread, and would be measured too.
  const idSort = await preview.header('id').getByRole('button').elementHandle();
  const categoryFilter = appPage.locator('input[aria-label="Filter category"]');
  const firstCell = appPage.locator('[role="row"][aria-rowindex="2"] [role="gridcell"]').first();
  await appPage.evaluate(() => {
    const scope = globalThis as unknown as LongTaskLog & {
      PerformanceObserver: new (callback: (list: { getEntries(): { duration: number }[] }) => void) => {
        observe(options: { type: string; buffered: boolean }): void;
      };
    };
    scope.longTasks = [];
    new scope.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) scope.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });

  await idSort?.click();
  await idSort?.click();
  await preview.settled();
  await expect(preview.backend).toHaveText('Sorted in the loaded rows (the whole table)');
  await expect(firstCell).toHaveText('1000000');
  // And by a text column with a filter, still off the main thread.
  await categoryFilter.fill('=beta');
  await categoryFilter.press('Enter');
  await preview.settled();
  await expect(preview.count).toHaveText('125,000 of 1,000,000 loaded rows in this view');
  await expect(firstCell).toHaveText('999993');

  const longTasks = await appPage.evaluate(() => (globalThis as unknown as LongTaskLog).longTasks);
  test.info().annotations.push({ type: 'long tasks (ms)', description: longTasks.join(', ') || 'none' });
  // The 50 ms target itself is measured by `npm run bench -- tableView` (0 ms there); here the
  // machine may be shared with other tests, which stretches any task. What this guards is that
  // the sort is not on the main thread: there it froze the window 0.8-2.7 s on this machine.
  expect(Math.max(0, ...longTasks)).toBeLessThan(500);
});
