import { test, expect } from '../fixtures/appFixture';
import { CatalogPage } from '../pages/catalogPage';
import { UploadPage } from '../pages/uploadPage';

/** A CSV of survey answers large enough to show progress, small enough to stay quick. */
function surveyCsv(first: number, count: number): string {
  const lines = ['respondent,answer,score'];
  for (let i = 0; i < count; i++) lines.push(`${first + i},answer ${first + i},${(i % 50) / 10}`);
  return `${lines.join('\n')}\n`;
}

test.describe('drag-and-drop uploads', () => {
  test('dropping a CSV on a table of the unreleased version adds its rows', async ({ appPage, emulator }) => {
    const uploads = new UploadPage(appPage);
    await uploads.open('demo_user.my_uploads:next.survey_responses', 'survey_responses');
    // Slow the server a little so the transfer's progress is visible.
    await emulator.faults.latency(150);
    await uploads.dropFiles([{ name: 'wave2.csv', content: surveyCsv(100, 3000) }]);

    await expect(uploads.dialog).toBeVisible();
    await expect(uploads.dialog.getByRole('listitem', { name: 'wave2.csv' })).toContainText(
      'data (delimited)',
    );
    await expect(uploads.dialog.getByRole('combobox', { name: 'Table for wave2.csv' })).toHaveValue(
      /survey_responses/,
    );
    await uploads.uploadButton.click();
    await expect(uploads.dialog).toBeHidden();

    const job = uploads.upload('Upload wave2.csv to survey_responses');
    await expect(job).toBeVisible();
    await expect(job.getByRole('progressbar')).toBeVisible();
    emulator.faults.clear();
    await expect(job.getByRole('status')).toHaveText(
      'Imported 3,000 rows. survey_responses now has 3,005 rows.',
    );

    // The table page on screen catches up by itself: new row count and the new rows in the preview.
    await expect(appPage.getByRole('definition').filter({ hasText: /^3,005$/ })).toBeVisible();
    await expect(appPage.getByText('3,005 of 3,005 rows')).toBeVisible();
    await expect(appPage.getByRole('gridcell', { name: 'answer 100', exact: true })).toBeVisible();
  });

  test('a file dropped on no page asks where, and a name conflict offers replace, keep both or skip', async ({
    appPage,
  }) => {
    const uploads = new UploadPage(appPage);
    await uploads.dropFiles([{ name: 'survey_responses.csv', content: surveyCsv(500, 2) }]);
    await uploads.dialog
      .getByRole('combobox', { name: 'Upload into the dataset' })
      .selectOption({ label: 'My uploads' });
    await expect(
      uploads.dialog.getByRole('combobox', { name: 'Table for survey_responses.csv' }),
    ).toHaveValue(/survey_responses/);
    await uploads.uploadButton.click();
    const first = uploads.upload('Upload survey_responses.csv to survey_responses');
    await expect(first.getByRole('status')).toContainText('Imported 2 rows');

    await uploads.dropFiles([{ name: 'survey_responses.csv', content: surveyCsv(600, 2) }]);
    await uploads.dialog
      .getByRole('combobox', { name: 'Upload into the dataset' })
      .selectOption({ label: 'My uploads' });
    const conflict = uploads.dialog.getByRole('group', { name: /already on survey_responses/ });
    await expect(conflict).toBeVisible();
    await conflict.getByRole('radio', { name: 'Skip this file' }).check();
    await expect(uploads.uploadButton).toBeDisabled();
    await conflict.getByRole('radio', { name: 'Replace it' }).check();
    await uploads.uploadButton.click();
    await expect(uploads.panel.getByRole('status').first()).toContainText('Imported 2 rows');
  });

  test('several files dropped on a dataset become a new table and a document, then the version is released and unreleased', async ({
    appPage,
  }) => {
    const uploads = new UploadPage(appPage);
    await uploads.open('demo_user.my_uploads', 'My uploads');
    await uploads.dropFiles([
      { name: 'Wave 3.csv', content: surveyCsv(700, 5) },
      { name: 'codebook.pdf', content: '%PDF-1.4 codebook', type: 'application/pdf' },
    ]);
    await expect(uploads.dialog.getByRole('textbox', { name: 'New table name for Wave 3.csv' })).toHaveValue(
      'wave_3',
    );
    await expect(uploads.dialog.getByRole('combobox', { name: 'Table for codebook.pdf' })).toHaveValue(
      /documents/,
    );
    await uploads.dialog.getByRole('button', { name: 'Upload 2 files' }).click();
    await expect(uploads.upload('Upload Wave 3.csv to wave_3').getByRole('status')).toHaveText(
      'Imported 5 rows. wave_3 now has 5 rows.',
    );
    await expect(uploads.upload('Upload codebook.pdf to documents').getByRole('status')).toHaveText(
      'File added',
    );

    // Release from the upload dialog (the version actions live next to the destination).
    await uploads.dropFiles([{ name: 'later.csv', content: surveyCsv(800, 1) }]);
    await uploads.dialog.getByRole('button', { name: 'Release version…' }).click();
    const confirmRelease = uploads.dialog.getByRole('group', { name: 'Confirm release' });
    await confirmRelease.getByRole('textbox', { name: 'Release notes' }).fill('Third wave and codebook');
    await confirmRelease.getByRole('button', { name: 'Release', exact: true }).click();
    await expect(
      uploads.dialog.getByText('My uploads has no unreleased version.', { exact: false }),
    ).toBeVisible();
    await expect(uploads.uploadButton).toBeDisabled();

    await uploads.dialog.getByRole('button', { name: /^Unrelease v/ }).click();
    await uploads.dialog
      .getByRole('group', { name: 'Confirm unrelease' })
      .getByRole('button', { name: 'Unrelease', exact: true })
      .click();
    await expect(uploads.dialog.getByRole('button', { name: 'Release version…' })).toBeVisible();
    await expect(uploads.uploadButton).toBeEnabled();
  });
});

test('a dataset without an unreleased version offers to create one on its page', async ({ appPage }) => {
  const catalog = new CatalogPage(appPage);
  await catalog.goTo('demo_user.scratch');
  await expect(catalog.heading('Scratch')).toBeVisible();
  const versions = appPage.getByRole('region', { name: 'Release' });
  await expect(versions).toContainText('Scratch has no unreleased version');
  await versions.getByRole('button', { name: 'Create next version' }).click();
  await expect(versions).toContainText('Uploads go into the unreleased version of Scratch');
  await expect(versions.getByRole('button', { name: 'Release version…' })).toBeVisible();
});
