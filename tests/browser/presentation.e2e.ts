import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { test } from './harness';

async function expectSlide(page: Page, name: string, pos: string) {
  await page.waitForFunction(
    ([n, p]) =>
      document.querySelector('[data-testid=slide-title]')?.textContent?.trim() === n &&
      document.querySelector('[data-testid=slide-position]')?.textContent?.trim() === p,
    [name, pos],
    { timeout: 10_000 }
  );
}

test('the presentation advances with the keyboard and clicker keys and shows the right territory', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage({ width: 1920, height: 1080 });
  await page.goto(`${baseURL}/presentation?territoires=38185,38111`);
  await expectSlide(page, 'Grenoble', '1 / 2');
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, 'Claix', '2 / 2');
  // Past the end: stays on the last slide.
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, 'Claix', '2 / 2');
  await page.keyboard.press('ArrowLeft');
  await expectSlide(page, 'Grenoble', '1 / 2');
  await page.keyboard.press('PageDown');
  await expectSlide(page, 'Claix', '2 / 2');
  await page.keyboard.press('PageUp');
  await expectSlide(page, 'Grenoble', '1 / 2');
  await page.keyboard.press('Space');
  await expectSlide(page, 'Claix', '2 / 2');
  await page.keyboard.press('Home');
  await expectSlide(page, 'Grenoble', '1 / 2');
  await page.keyboard.press('End');
  await expectSlide(page, 'Claix', '2 / 2');
  // Each slide carries three key figures with a source line.
  assert.equal(await page.locator('.figures li').count(), 3);
  assert.match((await page.locator('.figures .source').first().textContent()) ?? '', /Source :/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a slide on a 1920×1080 screen: the map renders, text is large (screenshot)', async ({
  newPage,
  baseURL,
  screenshot
}) => {
  const { page, context } = await newPage({ width: 1920, height: 1080 });
  await page.goto(`${baseURL}/presentation?territoires=38185,38111,38229`);
  await expectSlide(page, 'Grenoble', '1 / 3');
  await page.waitForSelector('[data-testid=atlas-map][data-state=idle]', { timeout: 30_000 });
  // Large type: the title and the figures are readable from the back of a room.
  const px = async (sel: string) =>
    parseFloat(await page.$eval(sel, (el) => getComputedStyle(el).fontSize));
  const sizes = {
    title: await px('#slide-title'),
    value: await px('.figures .value'),
    item: await px('.items ol')
  };
  assert.ok(sizes.title >= 56, `title ${sizes.title}px`);
  assert.ok(sizes.value >= 44, `figure ${sizes.value}px`);
  assert.ok(sizes.item >= 22, `item ${sizes.item}px`);
  // Nothing overflows the screen: the slide fits 1080 px.
  const overflow = await page.evaluate(
    () => document.querySelector('.deck')!.scrollHeight - window.innerHeight
  );
  assert.ok(overflow <= 0, `slide overflows by ${overflow}px`);
  // …and no workshop item is cut off at the bottom of its panel.
  const clipped = await page.$eval('.items', (el) => el.scrollHeight - el.clientHeight);
  assert.ok(clipped <= 1, `workshop items clipped by ${clipped}px`);
  await screenshot(page, 'presentation-1920x1080-grenoble');
  await page.keyboard.press('End');
  await expectSlide(page, 'Meylan', '3 / 3');
  await page.waitForTimeout(800);
  await screenshot(page, 'presentation-1920x1080-meylan');
  // A QPV slide (its code in the URL), with the longest source lines.
  await page.goto(`${baseURL}/presentation?territoires=QP038001`);
  await page.waitForSelector('[data-testid=slide-title]');
  assert.match(
    (await page.locator('.subtitle').textContent()) ?? '',
    /Quartier prioritaire \(périmètre 20(15|24)\)/
  );
  await page.waitForSelector('[data-testid=atlas-map][data-state=idle]', { timeout: 30_000 });
  const qpvClipped = await page.$eval('.items', (el) => el.scrollHeight - el.clientHeight);
  assert.ok(qpvClipped <= 1, `QPV slide: workshop items clipped by ${qpvClipped}px`);
  await screenshot(page, 'presentation-1920x1080-qpv');
  await context.close();
});

test('with no territory, the setup screen builds the sequence and starts it', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage({ width: 1280, height: 800 });
  await page.goto(`${baseURL}/presentation?territoires=38185,99999x`);
  await page.waitForSelector('[data-testid=slide-title]');
  // An invalid token is ignored; open the setup to see it and extend the sequence.
  await page.getByRole('button', { name: 'Configurer' }).click();
  await page.waitForSelector('[data-testid=presentation-setup]');
  assert.match(await page.locator('[data-testid=presentation-setup]').innerText(), /99999X/i);
  await page.selectOption('[data-testid=setup-add]', '38111');
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.getByRole('button', { name: 'Monter Claix' }).click();
  await page.click('[data-testid=setup-start]');
  await page.waitForURL(/territoires=38111,38185$/);
  await expectSlide(page, 'Claix', '1 / 2');
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, 'Grenoble', '2 / 2');
  assert.deepEqual(errors, []);
  await context.close();
});

test('after a first load, /presentation still works with the network cut (service worker)', async ({
  newPage,
  baseURL,
  server
}) => {
  const { page, context } = await newPage({ width: 1920, height: 1080 });
  await page.goto(`${baseURL}/presentation?territoires=38185,38111`);
  await expectSlide(page, 'Grenoble', '1 / 2');
  // The page says when the service worker holds everything (precache + MapLibre's worker).
  await page.waitForSelector('[data-testid=offline-status][data-offline=ready]', {
    timeout: 30_000
  });
  await server.stop();
  await page.reload();
  await expectSlide(page, 'Grenoble', '1 / 2');
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, 'Claix', '2 / 2');
  // The map and its data come from the cache too.
  await page.waitForSelector('[data-testid=atlas-map][data-state=idle]', { timeout: 30_000 });
  // Another sequence, never loaded before, also works offline (same prerendered page).
  await page.goto(`${baseURL}/presentation?territoires=38229`);
  await expectSlide(page, 'Meylan', '1 / 1');
  // (On failure the runner restarts the server itself.)
  await server.start();
  await context.close();
});

test('the printable atlas prints a table of contents then one A4 page per commune', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage();
  await page.goto(`${baseURL}/atlas`);
  const sheets = await page.locator('[data-testid=atlas] article.sheet').count();
  assert.ok(sheets >= 2, `${sheets} sheets`);
  assert.equal(await page.locator('.toc li').count(), sheets);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, sheets + 1, `${pages} PDF pages for ${sheets} communes + contents`);
  assert.deepEqual(errors, []);
  await context.close();
});
