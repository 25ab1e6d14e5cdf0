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

test('the options show the first rows as they will be read, with detected types, following each change', async ({
  appPage,
}) => {
  const uploads = new UploadPage(appPage);
  await uploads.open('demo_user.my_uploads', 'My uploads');
  await uploads.dropFiles([
    {
      name: 'people.csv',
      content: 'id;name;score;joined\n1;"Smith; J";1.5;2024-01-02\n2;Lee;NA;2024-02-03\n',
    },
  ]);
  const row = uploads.dialog.getByRole('listitem', { name: 'people.csv' });
  await row.getByText('Options (detected from the file)').click();
  const table = row.getByRole('table', { name: 'First rows of people.csv as they will be read' });
  const headers = table.getByRole('columnheader');
  await expect(row.getByRole('combobox', { name: 'Delimiter' })).toHaveValue(';');
  await expect(headers).toHaveText(['idinteger', 'namestring', 'scorefloat', 'joineddate']);
  await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    '1',
    'Smith; J',
    '1.5',
    '2024-01-02',
  ]);
  // NA was detected as a null marker: the cell reads as null.
  await expect(table.getByRole('row').nth(2).getByRole('cell')).toHaveText([
    '2',
    'Lee',
    'null',
    '2024-02-03',
  ]);

  await row.getByRole('combobox', { name: 'Delimiter' }).selectOption({ label: 'Comma' });
  await expect(headers).toHaveText(['id;name;score;joinedstring']);
  await row.getByRole('combobox', { name: 'Delimiter' }).selectOption({ label: 'Semicolon' });
  await row.getByRole('checkbox', { name: 'First row holds the column names' }).uncheck();
  await expect(headers).toHaveText(['column_1string', 'column_2string', 'column_3string', 'column_4string']);
  await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText(['id', 'name', 'score', 'joined']);
  await row.getByRole('textbox', { name: 'Null markers (comma separated)' }).fill('');
  await row.getByRole('checkbox', { name: 'First row holds the column names' }).check();
  await expect(headers).toHaveText(['idinteger', 'namestring', 'scorestring', 'joineddate']);
});
