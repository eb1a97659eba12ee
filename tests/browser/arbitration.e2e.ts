import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { test } from './harness';

const PREFIX = 'atlas-plh:scenario:';

async function openArbitrage(page: Page, baseURL: string) {
  await page.goto(`${baseURL}/arbitrage`);
  await page.waitForSelector('table.plan tbody tr');
}

function storedKeys(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k && k.startsWith('atlas-plh:')) out[k] = localStorage.getItem(k) ?? '';
    }
    return out;
  });
}

test('a scenario survives a reload (edits saved in localStorage)', async ({
  newPage,
  baseURL,
  screenshot
}) => {
  const { page, context, errors } = await newPage({ width: 1280, height: 800 });
  await openArbitrage(page, baseURL);
  // A first visit creates a default scenario for every SRU commune (22 in the Métropole).
  assert.ok((await page.locator('table.plan tbody tr').count()) >= 2);
  await page.fill('[data-testid=scenario-name]', 'Effort Claix renforcé');
  await page.press('[data-testid=scenario-name]', 'Enter');
  const cell = page.getByLabel(/^Production \d{4}, Claix$/).first();
  await cell.fill('123');
  await cell.press('Tab');
  const growth = page.getByLabel('Croissance annuelle des résidences principales, Claix');
  await growth.fill('0.8');
  await growth.press('Tab');
  await page.waitForFunction(() =>
    Object.keys(localStorage).some((k) =>
      localStorage.getItem(k)?.includes('Effort Claix renforcé')
    )
  );
  await page.reload();
  await page.waitForSelector('table.plan tbody tr');
  assert.equal(await page.inputValue('[data-testid=scenario-name]'), 'Effort Claix renforcé');
  assert.equal(
    await page
      .getByLabel(/^Production \d{4}, Claix$/)
      .first()
      .inputValue(),
    '123'
  );
  assert.equal(
    await page.getByLabel('Croissance annuelle des résidences principales, Claix').inputValue(),
    '0.8'
  );
  // Compare two communes: the side-by-side table and charts appear.
  await page.getByLabel('Comparer Claix').check();
  await page.getByLabel('Comparer Meylan').check();
  await page.waitForSelector('.compare svg.rate-chart');
  assert.equal(await page.locator('.compare svg.rate-chart').count(), 2);
  await screenshot(page, 'arbitrage-1280x800');
  assert.deepEqual(errors, []);
  await context.close();
});

test('importing a broken JSON shows the error and keeps the existing scenarios', async ({
  newPage,
  baseURL
}) => {
  const { page, context } = await newPage();
  await openArbitrage(page, baseURL);
  await page.waitForFunction(() => Object.keys(localStorage).length > 0);
  const before = await storedKeys(page);
  const options = await page.locator('[data-testid=scenario-select] option').allTextContents();
  await page.setInputFiles('[data-testid=scenario-import]', {
    name: 'scenarios-casses.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      '{\n  "format": "atlas-plh-scenarios",\n  "version": 1,\n  "scenarios": [\n'
    )
  });
  const message = page.locator('[data-testid=scenario-messages] [role=alert]');
  await message.waitFor();
  const text = await message.innerText();
  assert.match(text, /Import impossible de « scenarios-casses\.json »/);
  assert.match(text, /JSON invalide/);
  assert.match(text, /Les scénarios enregistrés sont inchangés/);
  assert.deepEqual(await storedKeys(page), before);
  assert.deepEqual(
    await page.locator('[data-testid=scenario-select] option').allTextContents(),
    options
  );
  // An unknown version is refused the same way.
  await page.setInputFiles('[data-testid=scenario-import]', {
    name: 'futur.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({ format: 'atlas-plh-scenarios', version: 9, exportedAt: '', scenarios: [] })
    )
  });
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=scenario-messages]')?.textContent?.includes('version 9')
  );
  assert.deepEqual(await storedKeys(page), before);
  await context.close();
});

test('an exported JSON imports back as a copy; a corrupted stored entry is set aside and reported', async ({
  newPage,
  baseURL
}) => {
  const { page, context } = await newPage();
  await openArbitrage(page, baseURL);
  await page.waitForFunction(() => Object.keys(localStorage).length > 0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter (JSON)' }).click()
  ]);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const exported = readFileSync(path, 'utf8');
  assert.match(exported, /"format": "atlas-plh-scenarios"/);
  await page.setInputFiles('[data-testid=scenario-import]', {
    name: 'export.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported)
  });
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=scenario-messages]')?.textContent?.includes('importé')
  );
  assert.ok(
    (await page.locator('[data-testid=scenario-select] option').allTextContents()).some((t) =>
      t.endsWith('(importé)')
    )
  );
  // CSV export: one row per commune and year, French spreadsheet format.
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter (CSV)' }).click()
  ]);
  const csvText = readFileSync(await csv.path(), 'utf8');
  assert.match(csvText, /^\ufeffscenario;annee_debut_plh;code_insee;nom;annee;/);

  await page.evaluate((k) => localStorage.setItem(`${k}casse`, '{"version":1,'), PREFIX);
  await page.reload();
  await page.waitForSelector('table.plan tbody tr');
  const msg = await page.locator('[data-testid=scenario-messages]').innerText();
  assert.match(msg, /mis de côté/);
  const keys = await storedKeys(page);
  assert.equal(keys[`${PREFIX}casse`], undefined);
  assert.equal(keys['atlas-plh:scenario-mis-de-cote:casse'], '{"version":1,');
  await context.close();
});

test('an imported scenario starting before the inventory, with no communes, is explained and repaired', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage();
  await openArbitrage(page, baseURL);
  const file = {
    format: 'atlas-plh-scenarios',
    version: 1,
    exportedAt: '2026-01-01T00:00:00.000Z',
    scenarios: [
      {
        id: 'ancien',
        name: 'Ancien scénario',
        createdAt: '2020-01-01T00:00:00.000Z',
        updatedAt: '2020-01-01T00:00:00.000Z',
        startYear: 2020,
        communes: []
      }
    ]
  };
  await page.setInputFiles('[data-testid=scenario-import]', {
    name: 'ancien.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file))
  });
  const alert = page.locator('p.error[role=alert]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /ne peut pas être projeté : .*antérieure à l'inventaire/);
  await page.getByLabel('Première année du PLH (six ans)').fill('2026');
  await page.getByLabel('Première année du PLH (six ans)').press('Tab');
  await page.waitForSelector('table.plan tbody tr');
  // Every SRU commune got its default plan, saved with the scenario.
  const rows = await page.locator('table.plan tbody tr').count();
  const saved = await page.evaluate(
    () => JSON.parse(localStorage.getItem('atlas-plh:scenario:ancien') ?? '{}') as unknown
  );
  assert.equal((saved as { scenario: { communes: unknown[] } }).scenario.communes.length, rows);
  assert.deepEqual(errors, []);
  await context.close();
});
