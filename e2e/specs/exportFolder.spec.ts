import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../fixtures/appFixture';
import { CatalogPage } from '../pages/catalogPage';
import { JobsPage } from '../pages/jobsPage';

test("browser mode exports into a folder picked in the app's folder browser", async ({ appPage, app }) => {
  const catalog = new CatalogPage(appPage);
  const jobs = new JobsPage(appPage);
  const target = join(app.dataDir, 'picked');
  await mkdir(join(target, 'inner'), { recursive: true });
  await mkdir(join(app.dataDir, '.hidden'));
  await writeFile(join(app.dataDir, 'notes.txt'), 'not a folder');
  await catalog.goTo('demo.iris_species.iris');
  await expect(catalog.heading('iris')).toBeVisible();
  await jobs.openExportDialog();
  await jobs.chooseFormat('CSV');
  await jobs.chooseLocation();
  await expect(jobs.dialog).toContainText(`Folder: ${app.downloadDir}`);

  // From the downloads folder: Up, into "picked", all by keyboard.
  await jobs.dialog.getByRole('button', { name: 'Browse folders…' }).click();
  const browser = jobs.dialog.getByRole('group', { name: 'Folder browser' });
  await expect(browser.getByLabel('Current folder')).toHaveText(app.downloadDir);
  await browser.getByRole('button', { name: 'Up to the folder above' }).press('Enter');
  await expect(browser.getByLabel('Current folder')).toHaveText(app.dataDir);
  const folders = browser.getByRole('list', { name: 'Folders' });
  // Folders only (the app's settings files are not listed), hidden ones left out.
  await expect(folders.getByRole('button', { name: 'picked', exact: true })).toBeVisible();
  await expect(folders.getByRole('button', { name: 'downloads', exact: true })).toBeVisible();
  await expect(folders.getByRole('button', { name: '.hidden' })).toHaveCount(0);
  await expect(folders.getByRole('button', { name: 'notes.txt' })).toHaveCount(0);
  await folders.getByRole('button', { name: 'picked' }).press('Enter');
  await expect(browser.getByLabel('Current folder')).toHaveText(target);
  await expect(folders.getByRole('button', { name: 'inner' })).toBeFocused();
  await browser.getByRole('button', { name: 'Use this folder' }).click();
  await expect(browser).toBeHidden();
  await expect(jobs.dialog).toContainText(`Folder: ${target}`);

  const fileName = await jobs.fileName().inputValue();
  await expect(jobs.exportButton()).toBeEnabled();
  await jobs.exportButton().click();
  await jobs.openPanel();
  await expect(jobs.status(/iris/)).toHaveText('Done', { timeout: 30_000 });
  expect(await readdir(target)).toEqual(['inner', fileName].sort());
  expect(await readdir(app.downloadDir)).toEqual([]);
});

test('a typed folder that does not exist is refused by name and Export stays disabled', async ({
  appPage,
  app,
}) => {
  const catalog = new CatalogPage(appPage);
  const jobs = new JobsPage(appPage);
  await catalog.goTo('demo.iris_species.iris');
  await expect(catalog.heading('iris')).toBeVisible();
  await jobs.openExportDialog();
  await jobs.chooseFormat('CSV');
  const missing = join(app.dataDir, 'no such folder');
  const folder = jobs.dialog.getByRole('textbox', { name: 'Save in folder' });
  await folder.fill(missing);
  await folder.press('Enter');
  await expect(jobs.dialog.getByText(`The folder "${missing}" does not exist.`)).toBeVisible();
  await expect(jobs.dialog).toBeVisible();
  await expect(jobs.exportButton()).toBeDisabled();

  // A folder path the page makes up with a file name in it is still only a folder.
  await folder.fill('relative/place');
  await jobs.dialog.getByRole('button', { name: 'Use folder' }).click();
  await expect(jobs.dialog.getByText('"relative/place" is not a full folder path.')).toBeVisible();
  await expect(jobs.exportButton()).toBeDisabled();
  expect(await readdir(app.dataDir)).not.toContain('no such folder');
});
