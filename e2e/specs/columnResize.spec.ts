import { expect, test } from '../fixtures/appFixture';
import { PreviewPage } from '../pages/previewPage';

const IRIS = 'demo.iris_species.iris';

async function width(preview: PreviewPage, column: string): Promise<number> {
  const box = await preview.header(column).boundingBox();
  if (!box) throw new Error(`No header for ${column}`);
  return box.width;
}

test('dragging a column edge by the mouse widens it by as much and moves nothing', async ({ appPage }) => {
  const preview = new PreviewPage(appPage);
  await preview.open(IRIS);
  await expect(preview.count).toHaveText('150 of 150 rows');
  const order = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species'];
  await expect.poll(() => preview.headerNames()).toEqual(order);

  const before = await width(preview, 'sepal_width');
  const handle = await preview.resizer('sepal_width').boundingBox();
  if (!handle) throw new Error('No resize handle');
  const x = handle.x + handle.width / 2;
  const y = handle.y + handle.height / 2;
  await appPage.mouse.move(x, y);
  await appPage.mouse.down();
  for (let step = 1; step <= 8; step++) await appPage.mouse.move(x + step * 10, y);
  await appPage.mouse.up();

  await expect.poll(() => width(preview, 'sepal_width')).toBeGreaterThan(before + 79);
  expect(await width(preview, 'sepal_width')).toBeLessThan(before + 81);
  expect(await preview.headerNames()).toEqual(order);
  const after = await width(preview, 'sepal_width');

  // Released means released: moving the mouse with no button held resizes nothing.
  await appPage.mouse.move(x - 200, y + 5);
  await appPage.mouse.move(x - 300, y + 40);
  await appPage.mouse.move(x + 50, y);
  expect(await width(preview, 'sepal_width')).toBe(after);
  expect(await preview.headerNames()).toEqual(order);
});
