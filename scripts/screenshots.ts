/**
 * Screenshots of the main views at laptop (1280×800) and phone (390×844) sizes, into
 * `screenshots/`, for people to look at. Usage: `npx vite build && npx tsx scripts/screenshots.ts`.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../tests/browser/harness';
import { startStaticServer } from '../tests/browser/static-server';

const VIEWS = [
  { name: 'accueil', path: '/' },
  { name: 'accueil-propositions', path: '/?vue=propositions&selection=38151' },
  { name: 'commune-grenoble', path: '/commune/38185' },
  { name: 'propositions', path: '/propositions' }
];
const SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '390x844', width: 390, height: 844 }
];

mkdirSync('screenshots', { recursive: true });
const server = await startStaticServer(resolve('build'));
const browser = await launchChromium();
try {
  for (const size of SIZES) {
    const context = await browser.newContext({
      viewport: { width: size.width, height: size.height },
      locale: 'fr-FR'
    });
    for (const view of VIEWS) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(`${server.url}${view.path}`, { waitUntil: 'load' });
      // Wait for every map of the page to be drawn (or to fail visibly).
      await page
        .waitForFunction(
          () =>
            [...document.querySelectorAll('[data-testid="atlas-map"]')].every((m) =>
              ['idle', 'error'].includes(m.getAttribute('data-state') ?? '')
            ),
          undefined,
          { timeout: 30_000 }
        )
        .catch(() => console.warn(`  ${view.name}: map not idle after 30 s`));
      await page.waitForTimeout(300);
      const path = `screenshots/${view.name}-${size.name}.png`;
      await page.screenshot({ path });
      console.log(`${path}${errors.length ? `  (console errors: ${errors.join(' | ')})` : ''}`);
      await page.close();
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
