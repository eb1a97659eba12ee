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
    '0,8'
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
  // Where the file stops, in French (not the browser's « Unexpected end of JSON input »).
  assert.match(
    text,
    /JSON invalide à la ligne 4, colonne 17 : le texte s'arrête avant la fin des données \(fichier tronqué \?\)/
  );
  assert.doesNotMatch(text, /Unexpected|JSON input/);
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

test('re-importing an exported JSON asks: rename keeps both, replace overwrites; a corrupted entry is set aside', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage();
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
  const file = { name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(exported) };
  await page.setInputFiles('[data-testid=scenario-import]', file);
  const dialog = page.getByRole('dialog', { name: 'Scénario(s) déjà enregistré(s)' });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /« Rythme triennal actuel »/);
  // Nothing is written while the question is open.
  assert.equal(Object.keys(await storedKeys(page)).length, 1);
  await dialog.getByRole('button', { name: "Renommer l'importé" }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.deepEqual(
    (await page.locator('[data-testid=scenario-select] option').allTextContents()).sort(),
    ['Rythme triennal actuel', 'Rythme triennal actuel (2)']
  );
  // Again, replacing: still two scenarios, the message says one was replaced.
  await page.setInputFiles('[data-testid=scenario-import]', file);
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Remplacer' }).click();
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=scenario-messages]')?.textContent?.includes('remplaçant')
  );
  assert.equal(await page.locator('[data-testid=scenario-select] option').count(), 2);
  // Escape cancels: nothing written.
  const before = await storedKeys(page);
  await page.setInputFiles('[data-testid=scenario-import]', file);
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.deepEqual(await storedKeys(page), before);

  // CSV export: one row per commune, objectives, triennial results, year reached.
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter (CSV)' }).click()
  ]);
  const csvText = readFileSync(await csv.path(), 'utf8');
  assert.match(csvText, /^\ufeffscenario;annee_debut_plh;code_insee;nom;taux_cible_pct;/);
  assert.match(
    csvText.split('\r\n')[0] ?? '',
    /objectifs_l302_8_plh_estimes;.*bilan_2026_2028;.*annee_cible_atteinte;/
  );
  assert.match(csvText, /;Total intercommunal;/);

  await page.evaluate((k) => localStorage.setItem(`${k}casse`, '{"version":1,'), PREFIX);
  await page.reload();
  await page.waitForSelector('table.plan tbody tr');
  const msg = await page.locator('[data-testid=scenario-messages]').innerText();
  assert.match(msg, /mis de côté/);
  const keys = await storedKeys(page);
  assert.equal(keys[`${PREFIX}casse`], undefined);
  assert.equal(keys['atlas-plh:scenario-mis-de-cote:casse'], '{"version":1,');
  assert.deepEqual(errors, []);
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

/** Fills localStorage until the browser refuses one more character. */
async function fillStorage(page: Page): Promise<number> {
  return page.evaluate(() => {
    let i = 0;
    for (let size = 1 << 20; size >= 1;) {
      try {
        localStorage.setItem(`filler:${i}`, 'x'.repeat(size));
        i++;
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return i;
  });
}

test('a full localStorage: an import is all or nothing, « Nouveau » and edits say so in French', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage();
  await openArbitrage(page, baseURL);
  await page.waitForFunction(() => Object.keys(localStorage).length > 0);
  const communes = await page
    .locator('table.plan tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code') ?? ''));
  await fillStorage(page);
  // Free about 256 kB: the first scenarios of a 4 000-scenario file fit, the rest do not.
  await page.evaluate(() => {
    localStorage.removeItem('filler:0');
    localStorage.setItem('filler:0', 'x'.repeat(((1 << 20) - (1 << 18)) / 1));
  });
  const before = await storedKeys(page);
  const big = {
    format: 'atlas-plh-scenarios',
    version: 1,
    exportedAt: '2026-01-01T00:00:00.000Z',
    scenarios: Array.from({ length: 500 }, (_, i) => ({
      id: `gros-${i}`,
      name: `Scénario importé ${i}`,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      startYear: 2026,
      communes: communes.map((code) => ({
        code,
        production: [101, 102, 103, 104, 105, 106],
        rpGrowthPct: 0.5
      }))
    }))
  };
  const text = JSON.stringify(big, null, 2);
  // Far more than the 256 kB left (the 4 000-scenario, 5 MB case is a unit test).
  assert.ok(text.length > 1_000_000, `file of ${text.length} characters`);
  await page.setInputFiles('[data-testid=scenario-import]', {
    name: 'gros.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text)
  });
  const alert = page.locator('[data-testid=scenario-messages] [role=alert]');
  await alert.waitFor({ timeout: 60_000 });
  assert.match(
    await alert.innerText(),
    /Le stockage du navigateur est plein : l'import de « gros\.json » n'a pas été enregistré et rien n'a été modifié/
  );
  assert.deepEqual(await storedKeys(page), before);
  assert.equal(await page.locator('[data-testid=scenario-select] option').count(), 1);

  // Completely full: « Nouveau » and an edit are refused with the same French message.
  await fillStorage(page);
  const full = await storedKeys(page);
  await page.getByRole('button', { name: 'Nouveau' }).click();
  await page.waitForFunction(
    () =>
      document
        .querySelector('[data-testid=scenario-messages]')
        ?.textContent?.includes('Création refusée') ||
      document
        .querySelector('[data-testid=scenario-messages]')
        ?.textContent?.includes('est plein : le scénario')
  );
  assert.equal(await page.locator('[data-testid=scenario-select] option').count(), 1);
  // An edit that needs ~100 more characters (a longer name) is refused too; the field shows the
  // saved name again on reload.
  await page.fill('[data-testid=scenario-name]', `Rythme triennal actuel ${'x'.repeat(90)}`);
  await page.press('[data-testid=scenario-name]', 'Enter');
  await page.waitForFunction(() =>
    /Modification refusée|stockage du navigateur est plein : le scénario/.test(
      document.querySelector('[data-testid=scenario-messages]')?.textContent ?? ''
    )
  );
  assert.deepEqual(await storedKeys(page), full);
  assert.deepEqual(errors, []);
  await page.evaluate(() => localStorage.clear());
  await context.close();
});

test('a comparison lives in the URL, survives a reload and opens the presentation', async ({
  newPage,
  baseURL,
  screenshot
}) => {
  const { page, context, errors } = await newPage({ width: 1280, height: 800 });
  await openArbitrage(page, baseURL);
  await page.getByLabel('Comparer Claix').check();
  await page.getByLabel('Comparer Meylan').check();
  await page.waitForFunction(() => location.search === '?comparer=38111,38229');
  await page.reload();
  await page.waitForSelector('.compare svg.rate-chart');
  assert.equal(await page.locator('.compare svg.rate-chart').count(), 2);
  assert.equal(await page.getByLabel('Comparer Meylan').isChecked(), true);
  const present = page.getByTestId('present');
  assert.equal(await present.getAttribute('href'), '/presentation?territoires=38111,38229');
  // A shared link with an unknown code keeps the valid ones and says what it ignored.
  await page.goto(`${baseURL}/arbitrage?comparer=38229,99999,38485`);
  await page.waitForSelector('.compare svg.rate-chart');
  assert.match(await page.getByTestId('compare').innerText(), /99999 ignoré/);
  await page.getByTestId('compare').scrollIntoViewIfNeeded();
  await screenshot(page, 'arbitrage-compare-1280x800');
  await present.click();
  await page.waitForURL(/\/presentation\?territoires=38229,38485/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the plan table keeps names and triennial results in view: sticky at 1280, blocks at 390', async ({
  newPage,
  baseURL,
  screenshot
}) => {
  const wide = await newPage({ width: 1280, height: 800 });
  await openArbitrage(wide.page, baseURL);
  const wrap = wide.page.getByTestId('plan-table');
  await wrap.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  for (const name of ['Bilan triennal 2026-2028', 'Bilan triennal 2029-2031', 'Commune']) {
    const box = await wrap.getByRole('columnheader', { name, exact: true }).boundingBox();
    assert.ok(
      box && box.x >= 0 && box.x + box.width <= 1280,
      `${name} in view: ${JSON.stringify(box)}`
    );
  }
  await wrap.evaluate((el) => (el.scrollLeft = 0));
  const bilan = await wrap
    .getByRole('columnheader', { name: 'Bilan triennal 2029-2031' })
    .boundingBox();
  assert.ok(bilan && bilan.x + bilan.width <= 1280);
  // Levy and carence status beside each name, with their source.
  const meylan = wide.page.locator('table.plan tr[data-code="38229"] th');
  assert.match(await meylan.innerText(), /prélèvement\s+0\s€/);
  assert.match(await meylan.innerText(), /non carencée/);
  assert.match(
    await wide.page.locator('table.plan tr[data-code="38126"] th').innerText(),
    /carencée/
  );
  const body = await wide.page.locator('.arbitrage').innerText();
  assert.match(
    body,
    /prélèvement SRU net et constat de carence : Ministère chargé du logement \(DGALN \/ DHUP\)/
  );
  // No file path or code name for officials.
  assert.doesNotMatch(body, /sru-rules\.json|data\/parameters|sru-inventaire/);
  assert.match(body, /paramètres de\s+rattrapage, voir Sources/);
  await screenshot(wide.page, 'arbitrage-table-1280x800');
  assert.deepEqual(wide.errors, []);
  await wide.context.close();

  const phone = await newPage({ width: 390, height: 844 });
  await openArbitrage(phone.page, baseURL);
  const noSideways = await phone.page.evaluate(
    () => document.documentElement.scrollWidth <= window.innerWidth
  );
  assert.ok(noSideways, 'no sideways scroll at 390 px');
  const row = phone.page.locator('table.plan tr[data-code="38229"]');
  const rowBox = await row.boundingBox();
  assert.ok(rowBox && rowBox.width <= 390);
  assert.match(await row.innerText(), /^Meylan/);
  // Each block names its cells: the label is the cell's generated ::before text (innerText
  // leaves generated content out, so read the computed style).
  const labels = await row
    .locator('td')
    .evaluateAll((tds) =>
      tds
        .filter((td) => (td as HTMLElement).offsetHeight > 0)
        .map((td) => getComputedStyle(td, '::before').content.replace(/^"|"$/g, ''))
    );
  assert.ok(labels.includes('Bilan triennal 2026-2028'), labels.join(' | '));
  assert.ok(labels.includes('Production prévue'), labels.join(' | '));
  await row.scrollIntoViewIfNeeded();
  await screenshot(phone.page, 'arbitrage-390x844');
  assert.deepEqual(phone.errors, []);
  await phone.context.close();
});

test('the solver applies the L302-8 split in one click; CMS facts and hypothesis rate', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage({ width: 1280, height: 800 });
  await openArbitrage(page, baseURL);
  assert.ok(
    (await page.locator('td.status.missed').count()) > 0,
    'default plan misses some period'
  );
  await page.getByTestId('apply-split').click();
  await page.waitForFunction(() => document.querySelectorAll('td.status.missed').length === 0);
  assert.equal(await page.locator('td.status.behind').count(), 0);
  assert.match(await page.getByTestId('solver-notice').innerText(), /répartition/i);
  // Target year: one commune gets the production reaching its target that year.
  await page.getByTestId('target-year').fill('2030');
  await page.getByTestId('target-year').press('Tab');
  const reach = page.locator('[data-testid=solver] tr[data-code="38111"] [data-testid=reach]');
  const needed = Number(/(\d+)/.exec(await reach.innerText())?.[1]);
  assert.ok(needed > 0);
  await page
    .getByRole('button', { name: 'Appliquer à Claix la production pour la cible en 2030' })
    .click();
  await page.waitForFunction(
    (n) =>
      (
        document.querySelector(
          'table.plan tr[data-code="38111"] td.year input'
        ) as HTMLInputElement | null
      )?.value === String(n),
    needed
  );
  const reachText = await page
    .locator('table.plan tr[data-code="38111"] td[data-label="Cible atteinte"]')
    .innerText();
  assert.ok(Number(reachText) <= 2030, `Claix reaches in ${reachText}`);

  // Contrats de mixité sociale: the fact, its press source, a hypothesis rate.
  const fact = await page.getByTestId('cms-fact').innerText();
  for (const name of [
    'Claix',
    'Meylan',
    'Seyssinet-Pariset',
    'Corenc',
    'Varces-Allières-et-Risset'
  ])
    assert.ok(fact.includes(name), name);
  assert.match(fact, /2022/);
  assert.ok(
    await page.getByTestId('cms-fact').locator('a[href*="placegrenet.fr/2022/05/06"]').count()
  );
  const meylanRow = page.locator('[data-testid=cms] li[data-code="38229"]');
  assert.match(await meylanRow.innerText(), /taux légal L302-8/);
  const rate = page.getByTestId('cms-rate-38229');
  await rate.fill('25');
  await rate.press('Tab');
  await meylanRow.getByText(/hypothèse : 25/).waitFor();
  const saved = await page.evaluate(() => {
    const k = Object.keys(localStorage).find((x) => x.startsWith('atlas-plh:scenario:'));
    return JSON.parse(localStorage.getItem(k ?? '') ?? '{}') as {
      scenario: { communes: { code: string; cmsCatchUpPct?: number | null }[] };
    };
  });
  assert.equal(saved.scenario.communes.find((c) => c.code === '38229')?.cmsCatchUpPct, 25);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the print view for a council meeting: one table, name, date, sources (PDF)', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage({ width: 1280, height: 800 });
  await openArbitrage(page, baseURL);
  await page.fill('[data-testid=scenario-name]', 'Conseil du 12 mars');
  await page.press('[data-testid=scenario-name]', 'Enter');
  await page.emulateMedia({ media: 'print' });
  const print = page.getByTestId('print-scenario');
  assert.ok(await print.isVisible());
  assert.equal(await page.locator('table.plan').isVisible(), false);
  const text = await print.innerText();
  assert.match(text, /Scénario de rattrapage SRU « Conseil du 12 mars »/);
  assert.match(text, /imprimé le \d{1,2}(er)? \p{L}+ \d{4}/u);
  assert.match(text, /Sources : Inventaire SRU : Ministère chargé du logement/);
  assert.match(text, /placegrenet\.fr/);
  assert.equal(
    await print.locator('tbody tr').count(),
    await page.locator('table.plan tbody tr').count()
  );
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  assert.ok(pages >= 1 && pages <= 2, `${pages} page(s)`);
  const { writeFileSync } = await import('node:fs');
  writeFileSync('screenshots/arbitrage-print.pdf', pdf);
  assert.deepEqual(errors, []);
  await context.close();
});
