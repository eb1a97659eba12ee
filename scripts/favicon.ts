/**
 * Draws `static/favicon.png` (32×32) from `static/favicon.svg` with the harness' Chromium:
 * `npx tsx scripts/favicon.ts`. The page links the PNG: a browser decodes it directly, where an
 * SVG icon is a document of its own, built on the page's main thread as it loads (a 21 ms task
 * in a Lighthouse trace of a commune sheet, issue 12). Run again after editing the SVG.
 */
import { readFileSync } from 'node:fs';
import { launchChromium } from '../tests/browser/harness';

const SIZE = 32;
const svg = readFileSync('static/favicon.svg', 'utf8').replace(
  '<svg ',
  `<svg width="${SIZE}" height="${SIZE}" `
);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  await page.setContent(`<body style="margin: 0">${svg}</body>`);
  await page.screenshot({ path: 'static/favicon.png', omitBackground: true });
} finally {
  await browser.close();
}
