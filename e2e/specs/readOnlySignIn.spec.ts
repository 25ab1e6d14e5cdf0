import { expect, test } from '../fixtures/appFixture';
import { CatalogPage } from '../pages/catalogPage';
import { SignInPage } from '../pages/signInPage';
import { UploadPage } from '../pages/uploadPage';

test.use({ appSetup: { signedInScopes: false } });

test("a read-only sign-in says so on the owner's own dataset and offers more access", async ({ appPage }) => {
  const signIn = new SignInPage(appPage);
  const catalog = new CatalogPage(appPage);
  const uploads = new UploadPage(appPage);
  await signIn.signInWithBrowser();

  // Dropping a file on the home page: the upload dialog says why there is nowhere to upload.
  await uploads.dropFiles([{ name: 'wave3.csv', content: 'a,b\n1,2\n' }]);
  await expect(uploads.dialog.getByRole('alert')).toContainText(
    'Your sign-in is read-only, so it cannot upload.',
  );
  await expect(uploads.dialog.getByRole('button', { name: 'Grant more access' })).toBeVisible();
  await uploads.dialog.getByRole('button', { name: 'Cancel' }).click();

  // The unreleased version is hidden from a read-only sign-in: say that, not "not found".
  await catalog.goTo('demo_user.my_uploads:next');
  await expect(catalog.referenceError()).toHaveText(
    'Your sign-in is read-only, so unreleased versions are hidden from the app.',
  );

  // On the dataset itself, the Release panel says why nothing can be changed, with the way forward.
  await catalog.goTo('demo_user.my_uploads');
  await expect(catalog.heading('My uploads')).toBeVisible();
  const release = appPage.getByRole('region', { name: 'Release' });
  await expect(release).toContainText('Your sign-in is read-only, so the app cannot change My uploads.');
  const opened = appPage.context().waitForEvent('page');
  await release.getByRole('button', { name: 'Grant more access' }).click();
  const consent = await opened;
  await signIn.answer(consent, 'Approve');
  // Close the tab only once the app's one-time address has taken the answer.
  await expect(consent.getByRole('heading', { name: 'Signed in to Redivis Desktop' })).toBeVisible();
  await consent.close();
  // With editing access the panel offers the version actions.
  await expect(release.getByRole('button', { name: 'Release version…' })).toBeVisible();
  await expect(release).not.toContainText('read-only');
});
