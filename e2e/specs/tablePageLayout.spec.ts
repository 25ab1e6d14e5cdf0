import { expect, test } from '../fixtures/appFixture';
import { CatalogPage } from '../pages/catalogPage';
import { PreviewPage } from '../pages/previewPage';

test('Back stays clickable when the table page is scrolled under the toolbar', async ({ appPage }) => {
  const catalog = new CatalogPage(appPage);
  const preview = new PreviewPage(appPage);
  await catalog.goTo('demo.iris_species');
  await expect(catalog.heading('Iris species')).toBeVisible();
  await catalog.open('iris');
  await expect(preview.count).toHaveText('150 of 150 rows');

  // Scroll the page so the grid's rows pass under the toolbar, then scroll the grid a little too.
  const back = appPage.getByRole('button', { name: 'Back' });
  const toolbar = await back.boundingBox();
  if (!toolbar) throw new Error('No Back button');
  await catalog.main.evaluate((main, y) => {
    const grid = main.querySelector('[role="grid"]');
    if (!grid) throw new Error('No grid');
    main.scrollTop += grid.getBoundingClientRect().top + 60 - y;
    grid.scrollTop = 100;
  }, toolbar.y);
  const under = await back.boundingBox();
  if (!under) throw new Error('No Back button');

  // A click where Back is drawn reaches Back, not a row number of the grid.
  await appPage.mouse.click(under.x + under.width / 2, under.y + under.height / 2);
  await expect(catalog.heading('Iris species')).toBeVisible();
  await expect(appPage.getByRole('row', { selected: true })).toHaveCount(0);
});
