import assert from 'node:assert/strict';
import { test } from './harness';

test('French number entry on /arbitrage in an en-US Chromium: « 0,8 » is 0.8, « 1,2,3 » is refused', async ({
  browser,
  baseURL
}) => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US'
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${baseURL}/arbitrage?comparer=38229,38111`);
  await page.waitForSelector('.compare svg.rate-chart');
  const lastRate = () =>
    page.locator('.compare table tbody tr').nth(7).locator('td').first().innerText();
  const before = await lastRate();
  const growth = page.getByLabel('Croissance annuelle des résidences principales, Meylan');
  await growth.fill('0,8');
  await growth.press('Tab');
  const stored = async () =>
    page.evaluate(() => {
      const k = Object.keys(localStorage).find((x) => x.startsWith('atlas-plh:scenario:'));
      const s = JSON.parse(localStorage.getItem(k ?? '') ?? '{}') as {
        scenario: { communes: { code: string; rpGrowthPct: number }[] };
      };
      return s.scenario.communes.find((c) => c.code === '38229')?.rpGrowthPct;
    });
  await page.waitForFunction(() =>
    Object.values(localStorage).some((v) => v.includes('"rpGrowthPct":0.8'))
  );
  assert.equal(await stored(), 0.8);
  const after = await lastRate();
  // 0,8 %/an moves Meylan's projected rate by less than two points, not six (as 8 %/an did).
  const pct = (t: string) => Number(t.replace(/[^\d,]/g, '').replace(',', '.'));
  assert.ok(Math.abs(pct(after) - pct(before)) < 2, `${before} → ${after}`);
  await growth.fill('1,2,3');
  await growth.press('Tab');
  assert.equal(await growth.getAttribute('aria-invalid'), 'true');
  const described = await growth.getAttribute('aria-describedby');
  const message = await page.locator(`[id="${(described ?? '').split(' ').pop()}"]`).innerText();
  assert.ok(message.length > 0, 'a message beside the field');
  assert.equal(await stored(), 0.8);
  // The all-communes field reads « 1,5 » as 1.5.
  await page.getByTestId('all-growth').fill('1,5');
  await page.getByTestId('all-growth').press('Tab');
  await page.getByRole('button', { name: 'Appliquer', exact: true }).click();
  await page.waitForFunction(() =>
    Object.values(localStorage).some((v) => v.includes('"rpGrowthPct":1.5'))
  );
  assert.deepEqual(errors, []);
  await context.close();
});
