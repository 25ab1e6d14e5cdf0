import { expect, test } from '../fixtures/appFixture';
import { UploadPage } from '../pages/uploadPage';

const csv = (first: number) =>
  `respondent,answer,score\n${first},answer ${first},1.5\n${first + 1},answer ${first + 1},2\n`;

test('a name conflict on an append table waits for a choice instead of keeping both; the panel collapses and clears finished uploads', async ({
  appPage,
}) => {
  const uploads = new UploadPage(appPage);
  // From the dataset page (a table page has an uploads list of its own): the file's name picks the table.
  await uploads.open('demo_user.my_uploads', 'My uploads');
  await uploads.dropFiles([{ name: 'survey_responses.csv', content: csv(100) }]);
  await uploads.uploadButton.click();
  const first = uploads.upload('Upload survey_responses.csv to survey_responses');
  await expect(first.getByRole('status')).toContainText('Imported 2 rows');

  // The same name again on survey_responses, whose uploads add rows: nothing is chosen for the user.
  await uploads.dropFiles([{ name: 'survey_responses.csv', content: csv(200) }]);
  const conflict = uploads.dialog.getByRole('group', { name: /already on survey_responses/ });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('Choose what to do with it.');
  for (const name of ['Replace it', /^Keep both/, 'Skip this file']) {
    await expect(conflict.getByRole('radio', { name })).not.toBeChecked();
  }
  await expect(conflict.getByText('adds its rows to the table a second time')).toBeVisible();
  await expect(uploads.uploadButton).toBeDisabled();
  await conflict.getByRole('radio', { name: 'Replace it' }).check();
  await expect(uploads.uploadButton).toBeEnabled();
  await uploads.uploadButton.click();
  await expect(uploads.dialog).toBeHidden();
  await expect(uploads.panel.getByRole('listitem')).toHaveCount(2);
  await expect(uploads.panel.getByRole('status').first()).toContainText('Imported 2 rows');
  await expect(uploads.panel.getByRole('heading', { name: /Uploads/ })).toContainText(
    '0 running · 2 finished',
  );

  // Collapsed, the panel keeps its heading and hides the list; shown again, the list is back.
  await uploads.panel.getByRole('button', { name: 'Hide uploads' }).click();
  await expect(uploads.panel.getByRole('listitem')).toHaveCount(0);
  await expect(uploads.panel.getByRole('button', { name: 'Show uploads' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await uploads.panel.getByRole('button', { name: 'Show uploads' }).click();
  await expect(uploads.panel.getByRole('listitem')).toHaveCount(2);

  await uploads.panel.getByRole('button', { name: 'Clear finished' }).click();
  await expect(uploads.panel).toBeHidden();
});
