import { mkdir, readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../fixtures/appFixture';
import { CatalogPage } from '../pages/catalogPage';
import { JobsPage } from '../pages/jobsPage';
import { PreviewPage } from '../pages/previewPage';
import { SettingsPage } from '../pages/settingsPage';

test('the row cap set on the settings page is the one a table preview reads and its Row limit shows', async ({
  appPage,
}) => {
  const settings = new SettingsPage(appPage);
  const preview = new PreviewPage(appPage);
  await settings.open();
  await expect(appPage).toHaveURL(/#\/settings$/);
  await expect(settings.rowCap).toHaveValue('100000');
  await settings.setNumber(settings.rowCap, '500');
  await expect(settings.rowCap).toHaveValue('500');
  await expect(settings.error(settings.rowCap)).toHaveCount(0);

  await preview.open('demo.large_sample.measurements');
  await expect(preview.count).toHaveText('500 of 500 rows (preview limit; the table has 20,000)', {
    timeout: 30_000,
  });
  await expect(preview.rowLimit).toHaveValue('500');

  // One value: the toolbar's change is what the settings page shows next, after a reload too.
  await preview.setRowLimit(700);
  await expect(preview.count).toHaveText('700 of 700 rows (preview limit; the table has 20,000)', {
    timeout: 30_000,
  });
  // The sidebar's entry reaches the page as well as the shortcut does.
  await appPage
    .getByRole('navigation', { name: 'Catalog navigation' })
    .getByText('Settings', { exact: true })
    .click();
  await expect(settings.rowCap).toHaveValue('700');
  await appPage.reload();
  await expect(settings.rowCap).toHaveValue('700');
});

test('the theme applies at once: dark, light, and the system choice following the system', async ({
  appPage,
}) => {
  const settings = new SettingsPage(appPage);
  const body = appPage.locator('body');
  await appPage.emulateMedia({ colorScheme: 'light' });
  await settings.open();
  await expect(body).toHaveCSS('background-color', 'rgb(255, 255, 255)');

  await settings.theme.selectOption('dark');
  await expect(body).toHaveCSS('background-color', 'rgb(27, 29, 33)');
  // Kept on the Node side: a reload paints dark again.
  await appPage.reload();
  await expect(settings.theme).toHaveValue('dark');
  await expect(body).toHaveCSS('background-color', 'rgb(27, 29, 33)');

  await settings.theme.selectOption('light');
  await appPage.emulateMedia({ colorScheme: 'dark' });
  await expect(body).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await settings.theme.selectOption('system');
  await expect(body).toHaveCSS('background-color', 'rgb(27, 29, 33)');
  await appPage.emulateMedia({ colorScheme: 'light' });
  await expect(body).toHaveCSS('background-color', 'rgb(255, 255, 255)');
});

test('with one concurrent job a second export waits, queued, until the first ends', async ({
  appPage,
  emulator,
}) => {
  const settings = new SettingsPage(appPage);
  const catalog = new CatalogPage(appPage);
  const preview = new PreviewPage(appPage);
  const jobs = new JobsPage(appPage);
  await settings.open();
  await settings.setNumber(settings.concurrentJobs, '9');
  await expect(settings.error(settings.concurrentJobs)).toContainText('Concurrent jobs must be from 1 to 8.');
  await settings.setNumber(settings.concurrentJobs, '1');
  await expect(settings.error(settings.concurrentJobs)).toHaveCount(0);
  await expect(settings.concurrentJobs).toHaveValue('1');

  await catalog.goTo('demo.iris_species.iris');
  await expect(catalog.heading('iris')).toBeVisible();
  // The preview reads rows too: let it finish, so the fault below meets only the exports.
  await expect(preview.count).toHaveText('150 of 150 rows');
  // Every read stream request is refused with "try again in a minute": the first export runs
  // but cannot finish while the test looks.
  await emulator.faults.set({
    failNext: { count: 1_000_000, status: 429, retryAfterSeconds: 60, pathPrefix: '/api/v1/readStreams/' },
  });
  const first = await jobs.exportAs('CSV');
  await jobs.openPanel();
  await expect(jobs.status(first)).toHaveText('Running');
  await appPage.keyboard.press('Escape');
  const second = await jobs.exportAs('NDJSON (JSON lines)');
  await jobs.openPanel();
  await expect(jobs.status(second)).toHaveText('Waiting');
  await expect(jobs.status(first)).toHaveText('Running');

  emulator.faults.clear();
  await jobs.cancelButton(first).click();
  await expect(jobs.status(first)).toHaveText('Cancelled');
  await expect(jobs.status(second)).toHaveText('Done', { timeout: 30_000 });
});

test('exports start in the default export folder; a folder that is not there is refused by name', async ({
  appPage,
  app,
}) => {
  const settings = new SettingsPage(appPage);
  const catalog = new CatalogPage(appPage);
  const jobs = new JobsPage(appPage);
  const folder = join(app.dataDir, 'chosen exports');
  await mkdir(folder);
  await settings.open();
  const missing = join(app.dataDir, 'not there');
  await settings.setExportFolder(missing);
  await expect(settings.error(settings.exportFolder)).toContainText(
    `The folder "${missing}" does not exist.`,
  );
  await settings.setExportFolder('relative/folder');
  await expect(settings.error(settings.exportFolder)).toContainText(
    '"relative/folder" is not a full folder path.',
  );
  await settings.setExportFolder(folder);
  await expect(settings.error(settings.exportFolder)).toHaveCount(0);
  await expect(settings.exportFolder).toHaveValue(await realpath(folder));

  await catalog.goTo('demo.iris_species.iris');
  await expect(catalog.heading('iris')).toBeVisible();
  await jobs.openExportDialog();
  await jobs.chooseFormat('CSV');
  await jobs.chooseLocation();
  await expect(jobs.dialog).toContainText(`Folder: ${await realpath(folder)}`);
  const fileName = await jobs.fileName().inputValue();
  await jobs.exportButton().click();
  await jobs.openPanel();
  await expect(jobs.status(/iris/)).toHaveText('Done', { timeout: 30_000 });
  expect(await readdir(folder)).toEqual([fileName]);
  expect(await readdir(app.downloadDir).catch(() => [])).toEqual([]);
});
