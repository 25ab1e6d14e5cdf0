import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoFiles, stationRows } from '../../emulator/src/demo/demoFiles';
import { expect, test } from '../fixtures/appFixture';
import { CatalogPage } from '../pages/catalogPage';
import { FilesPage } from '../pages/filesPage';
import { JobsPage } from '../pages/jobsPage';

const generated = new Map(demoFiles().map((f) => [f.name, f.bytes]));
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

test('browse the folders of a file-index table, find a file, preview an image, a text file, audio and a CSV as a table', async ({
  appPage,
}) => {
  const catalog = new CatalogPage(appPage);
  await catalog.goTo('demo.sample_files');
  await catalog.open('files');
  const files = new FilesPage(appPage);
  await files.expectVisible();

  await expect(files.entries()).toHaveText([
    'audio/',
    'code/',
    'data/',
    'documents/',
    'images/',
    'README.txt',
  ]);
  await files.openFolder('data');
  await expect(files.entries()).toHaveText(['readings/', 'config.json', 'stations.csv', 'stations.parquet']);

  await files.search.fill('checker');
  await expect(files.entries()).toHaveText([]);
  await files.openFolder('All files');
  await files.search.fill('checker');
  await expect(files.entries()).toHaveText(['images/checkerboard.png']);
  // The index's own columns are shown beside each file.
  await expect(files.table.getByRole('row', { name: /checkerboard/ })).toContainText('Alice Analyst');

  await files.openFile('images/checkerboard.png');
  const image = files.preview.getByRole('img', { name: 'checkerboard.png' });
  await expect(image).toBeVisible();
  // The image decoded from the loopback route: its natural size is the generator's.
  await expect
    .poll(() =>
      image.evaluate((element) => {
        const img = element as unknown as { naturalWidth: number; naturalHeight: number };
        return [img.naturalWidth, img.naturalHeight];
      }),
    )
    .toEqual([64, 64]);

  await files.search.fill('');
  await files.openFile('README.txt');
  await expect(files.preview.getByTestId('file-text')).toHaveText(
    generated.get('README.txt')!.toString('utf8'),
  );

  // Audio streams through the same route, with Range: the player learns the clip's length.
  await files.openFolder('audio');
  await files.openFile('tone.wav');
  const audio = files.preview.locator('audio');
  await expect
    .poll(() => audio.evaluate((element) => (element as unknown as { duration: number }).duration))
    .toBeCloseTo(1.5, 2);

  await files.openFolder('data');
  await files.openFile('stations.csv');
  const grid = files.preview.getByTestId('file-grid');
  const rows = stationRows();
  await expect(grid.getByRole('status')).toContainText(`${rows.length} rows`);
  await expect(grid.getByText(rows[0]!.station, { exact: true })).toBeVisible();
  await expect(grid.getByText('elevation_m', { exact: true })).toBeVisible();
});

test('download a folder while transfers are cut: every file arrives and matches its md5; a corrupted file is reported and not kept', async ({
  appPage,
  app,
  emulator,
}) => {
  const catalog = new CatalogPage(appPage);
  await catalog.goTo('demo.sample_files.files');
  const files = new FilesPage(appPage);
  const jobs = new JobsPage(appPage);
  await files.expectVisible();

  await emulator.faults.set({ cutRawFiles: { count: 5, afterBytes: 60 } });
  await files.openFolder('data');
  await files.downloadFolder('data');
  await jobs.openPanel();
  const folderJob = jobs.job(/data \(5 files\)/);
  await expect(folderJob.getByTestId('job-status')).toHaveText('Done');
  const dir = join(app.downloadDir, 'data');
  const expected = [...generated.keys()].filter((n) => n.startsWith('data/'));
  expect(await listTree(dir)).toEqual(expected.map((n) => n.slice('data/'.length)).sort());
  for (const name of expected) {
    expect(md5(await readFile(join(dir, name.slice('data/'.length)))), name).toBe(md5(generated.get(name)!));
  }

  await emulator.faults.set({ corruptRawFiles: { count: 1 } });
  await files.openFolder('images');
  await files.downloadFile('images/gradient.png');
  const fileJob = jobs.job(/gradient\.png/);
  await expect(fileJob.getByTestId('job-status')).toHaveText('Failed');
  await expect(fileJob.getByRole('alert')).toContainText(
    `"images/gradient.png" did not match the server's checksum; it was not kept.`,
  );
  const left = await readdir(app.downloadDir);
  expect(left.filter((n) => n.includes('gradient'))).toEqual([]);
});
