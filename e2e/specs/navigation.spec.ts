import { expect, test } from '../fixtures/appFixture';
import { CatalogPage } from '../pages/catalogPage';

test('navigation behaves like a browser: the title names the place, reload stays, Back and Forward stay in the app', async ({
  appPage,
}) => {
  const catalog = new CatalogPage(appPage);
  await catalog.goTo('demo.iris_species');
  await expect(catalog.heading('Iris species')).toBeVisible();
  await catalog.open('iris');
  await expect(catalog.heading('iris')).toBeVisible();
  await expect(appPage).toHaveTitle('iris · Redivis Desktop');

  // A reload returns to the same page.
  await appPage.reload();
  await expect(catalog.heading('iris')).toBeVisible();

  // The browser's own Back and Forward move within the app.
  await appPage.goBack();
  await expect(catalog.heading('Iris species')).toBeVisible();
  await expect(appPage).toHaveTitle('iris_species · Redivis Desktop');
  await appPage.goForward();
  await expect(catalog.heading('iris')).toBeVisible();

  // The app's Back button and the browser agree.
  await appPage.getByRole('button', { name: 'Back' }).click();
  await expect(catalog.heading('Iris species')).toBeVisible();
  await appPage.goForward();
  await expect(catalog.heading('iris')).toBeVisible();

  // Ctrl+L (Cmd+L) goes to the reference bar.
  await catalog.heading('iris').click();
  await appPage.keyboard.press('ControlOrMeta+L');
  await expect(catalog.referenceInput).toBeFocused();
});

test('the first Tab stop skips to the page', async ({ appPage }) => {
  const catalog = new CatalogPage(appPage);
  await expect(catalog.heading(/Demo Organization|demo/)).toBeVisible();
  await appPage.keyboard.press('Tab');
  const skip = appPage.getByRole('button', { name: 'Skip to the page' });
  await expect(skip).toBeFocused();
  await appPage.keyboard.press('Enter');
  await expect(appPage.getByRole('main')).toBeFocused();
  // The next stop is the page's own first control: not the reference bar above it, not the sidebar.
  await appPage.keyboard.press('Tab');
  await expect(catalog.main.locator(':focus')).toHaveCount(1);
  await expect(catalog.referenceInput).not.toBeFocused();
});
