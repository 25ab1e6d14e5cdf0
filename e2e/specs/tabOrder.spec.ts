import { expect, test } from '../fixtures/appFixture';
import { CatalogPage } from '../pages/catalogPage';

/** Which part of the window has the keyboard focus (the e2e sources compile without the DOM library). */
const focusedPart = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'none';
  if (el.classList.contains('skip-link')) return 'skip link';
  if (el.closest('header.app-header')) return 'reference bar';
  if (el.closest('aside.sidebar')) return 'sidebar';
  if (el.closest('#main-pane')) return 'page';
  if (el.closest('footer.status-bar')) return 'status bar';
  return 'other';
})()`;

test('Tab goes skip link, reference bar, sidebar, page, and the status bar last; the skip link reaches the page at once', async ({
  appPage,
}) => {
  const catalog = new CatalogPage(appPage);
  await catalog.goTo('demo.iris_species.iris');
  await expect(catalog.heading('iris')).toBeVisible();
  await appPage.reload();
  await expect(catalog.heading('iris')).toBeVisible();
  await expect(catalog.sidebar.getByRole('link', { name: 'Settings' })).toBeVisible();

  // The first stop is the skip link; Enter on it, then Tab, is in the page.
  await appPage.keyboard.press('Tab');
  await expect(appPage.getByRole('button', { name: 'Skip to the page' })).toBeFocused();
  await appPage.keyboard.press('Enter');
  await expect(appPage.getByRole('main')).toBeFocused();
  await appPage.keyboard.press('Tab');
  expect(await appPage.evaluate(focusedPart)).toBe('page');

  // Walking the whole order from the start: each part once, in this order.
  await appPage.reload();
  await expect(catalog.heading('iris')).toBeVisible();
  const parts: string[] = [];
  let toReferenceBar = 0;
  for (let presses = 1; presses <= 400; presses++) {
    await appPage.keyboard.press('Tab');
    const part = (await appPage.evaluate(focusedPart)) as string;
    if (part === 'reference bar' && toReferenceBar === 0) toReferenceBar = presses;
    if (parts.at(-1) !== part) parts.push(part);
    if (part === 'status bar') break;
  }
  expect(parts).toEqual(['skip link', 'reference bar', 'sidebar', 'page', 'status bar']);
  expect(toReferenceBar).toBe(2);
  await expect(catalog.referenceInput).toBeVisible();
});
