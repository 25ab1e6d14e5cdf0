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

const HEADER_HEIGHT = 28 + 36 + 28;
const ROW_HEIGHT = 28;

for (const viewport of [
  { width: 1920, height: 1200 },
  { width: 1024, height: 640 },
]) {
  test(`at ${viewport.width}×${viewport.height} the table page is a workspace: the grid fills the pane, a short one fits its rows, variables beside it`, async ({
    appPage,
  }) => {
    await appPage.setViewportSize(viewport);
    const catalog = new CatalogPage(appPage);
    const preview = new PreviewPage(appPage);
    const pageScrolls = () => catalog.main.evaluate((main) => main.scrollHeight > main.clientHeight + 1);

    // A large table: the grid reaches down to the status bar, and only the grid scrolls.
    await catalog.goTo('demo.large_sample.measurements');
    await expect(preview.count).toHaveText(/^[\d,]+ of 20,000 rows$/, { timeout: 60_000 });
    const status = await appPage.locator('.status-bar').boundingBox();
    if (!status) throw new Error('No status bar');
    const gridBottom = async () => {
      const box = await preview.grid.boundingBox();
      return box ? box.y + box.height : 0;
    };
    await expect.poll(gridBottom).toBeGreaterThan(status.y - 40);
    expect(await gridBottom()).toBeLessThanOrEqual(status.y);
    expect(await pageScrolls()).toBe(false);
    // The variables are beside the rows, on screen without scrolling the page.
    const about = appPage.getByRole('complementary', { name: 'About this table' });
    await expect(about.getByRole('heading', { name: 'Variables' })).toBeInViewport();

    // A three-row table: the grid is as tall as its rows, not a tall empty box.
    await catalog.goTo('demo_user.scratch.notes');
    await expect(preview.count).toHaveText('3 of 3 rows');
    const rowsHeight = HEADER_HEIGHT + 3 * ROW_HEIGHT;
    const gridHeight = async () => (await preview.grid.boundingBox())?.height ?? 0;
    await expect.poll(gridHeight).toBeLessThanOrEqual(rowsHeight + 24);
    expect(await gridHeight()).toBeGreaterThanOrEqual(rowsHeight);
    expect(await pageScrolls()).toBe(false);
    await expect(about.getByRole('heading', { name: 'Variables' })).toBeInViewport();
  });
}
