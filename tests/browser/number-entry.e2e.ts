/**
 * French number entry in an en-US browser (issue 13 §1): the manual class thresholds on `/` read
 * « 0,8 » as 0.8 and « 1 200 » as 1200 whatever the browser's locale, refuse « 1,2,3 » with a
 * message beside the field and keep the last valid value.
 */
import assert from 'node:assert/strict';
import { test } from './harness';
import { waitForSvgMap } from './svg-map';

test('class thresholds typed the French way in an en-US Chromium are stored as typed', async ({
  browser,
  baseURL
}) => {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1280, height: 800 }
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${baseURL}/?indicateur=population&classes=3`);
  assert.equal(await page.evaluate(() => navigator.language), 'en-US');
  // Hydrated once the map's handlers are in place.
  await waitForSvgMap(page);
  await page.click('summary:has-text("Classes et couleurs")');
  await page.selectOption('[data-testid="method-select"]', 'manuel');
  const first = page.locator('[data-testid="break-input-0"]');
  const second = page.locator('[data-testid="break-input-1"]');
  assert.equal(await first.getAttribute('type'), 'text');
  assert.equal(await first.getAttribute('inputmode'), 'decimal');

  await second.fill('1 200');
  await second.press('Enter');
  await first.fill('0,8');
  await first.press('Tab');
  await page
    .waitForFunction(() => location.search.includes('seuils=0.8_1200'), undefined, {
      timeout: 5000
    })
    .catch(async () => assert.fail(`URL: ${page.url()}`));
  assert.equal(new URL(page.url()).searchParams.get('seuils'), '0.8_1200');
  // Written back the French way.
  assert.equal(await first.inputValue(), '0,8');
  assert.equal((await second.inputValue()).replace(/\u202f/g, ' '), '1 200');

  // « 1,2,3 » is refused beside the field; the stored value does not move.
  await first.fill('1,2,3');
  await first.press('Enter');
  const error = page.locator('[data-testid="break-input-0-error"]');
  assert.match((await error.textContent()) ?? '', /plusieurs séparateurs décimaux/);
  assert.match((await error.textContent()) ?? '', /Valeur conservée : 0,8/);
  assert.equal(await first.getAttribute('aria-invalid'), 'true');
  const describedBy = (await first.getAttribute('aria-describedby')) ?? '';
  assert.ok(describedBy.split(' ').includes((await error.getAttribute('id')) ?? '-'));
  assert.equal(new URL(page.url()).searchParams.get('seuils'), '0.8_1200');

  // Fixing it clears the message.
  await first.fill('0.5');
  await first.press('Enter');
  await page.waitForFunction(() => location.search.includes('seuils=0.5_1200'));
  assert.equal(await first.getAttribute('aria-invalid'), null);
  assert.equal(((await error.textContent()) ?? '').trim(), '');
  assert.deepEqual(errors, []);
  await context.close();
});
