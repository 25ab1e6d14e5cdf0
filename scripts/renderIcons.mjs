// Renders assets/icon.svg to the PNG sizes packaging needs (assets/icons/NxN.png), with
// Chromium. Run after changing the SVG: node scripts/renderIcons.mjs
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './findChromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'assets/icon.svg'), 'utf8');
const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const browser = await chromium.launch({
  executablePath: await findChromium(),
  args: ['--no-sandbox', '--disable-gpu'],
});
await mkdir(join(root, 'assets/icons'), { recursive: true });
for (const size of sizes) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: join(root, `assets/icons/${size}x${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
console.log(`Rendered ${sizes.length} icon sizes.`);
