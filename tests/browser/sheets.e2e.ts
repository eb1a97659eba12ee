/**
 * Journeys of the territory sheets, the propositions browser, /sources and the CSV download,
 * on the real generated data of the build (territories are picked from build/data/indicators.json,
 * not hard-coded).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { indicatorsFileSchema, type IndicatorsFile } from '../../src/lib/schemas/indicators';
import { qpvCollectionSchema, type QpvCollection } from '../../src/lib/schemas/outputs';
import { launchChromium, openUnhydrated, test } from './harness';
import {
  assertNoEnglishError,
  assertSvgMapPainted,
  svgPointToScreen,
  waitForSvgMap
} from './svg-map';
import { svgOverviewSchema } from '../../src/lib/schemas/svg-map';
import { ITEM_APPLIES_COLOR } from '../../src/lib/map/palettes';
import { REQUIRED_CSV_COLUMNS } from '../fixtures/indicators/required-csv-columns';

function indicators(): IndicatorsFile {
  return indicatorsFileSchema.parse(JSON.parse(readFileSync('build/data/indicators.json', 'utf8')));
}

/** The QPV perimeters of the build (their generation: 2024 from the official perimeters). */
function qpvPerimeters(): QpvCollection {
  return qpvCollectionSchema.parse(JSON.parse(readFileSync('build/geo/qpv.geojson', 'utf8')));
}

/** The SVG map of /propositions. */
const PROPOSITIONS_SVG = '[data-testid="propositions-map"] [data-testid="svg-map"]';

/** Codes of the communes of the /propositions map painted with `colour` (#rrggbb). */
async function filledWith(page: Page, colour: string): Promise<string[]> {
  return page.$$eval(
    `${PROPOSITIONS_SVG} .communes a[data-code]`,
    (links, hex) => {
      const rgb = `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
      return links
        .filter((a) => getComputedStyle(a.querySelector('path')!).fill === rgb)
        .map((a) => a.getAttribute('data-code') ?? '');
    },
    colour
  );
}

/** The sheet's SVG map (the print copy, hidden on screen, carries another testid). */
const SHEET_SVG = '[data-testid="sheet-map"] [data-testid="svg-map"]';

test('every commune and every QPV of the indicators file has a prerendered sheet', async () => {
  const file = indicators();
  assert.equal(file.communes.length, 49);
  for (const c of file.communes) {
    assert.ok(existsSync(`build/commune/${c.code}.html`), `no sheet for commune ${c.code}`);
  }
  assert.ok(file.qpv.length > 0, 'no QPV in indicators.json');
  for (const q of file.qpv) {
    assert.ok(existsSync(`build/qpv/${q.code}.html`), `no sheet for QPV ${q.code}`);
  }
});

test('a déficitaire commune sheet shows its SRU situation, estimates with ranges, sources and why', async ({
  newPage,
  baseURL,
  screenshot
}) => {
  const c = indicators().communes.find((x) => x.sruStatus === 'deficitaire');
  assert.ok(c, 'no déficitaire commune in the data');
  for (const size of [
    { width: 1280, height: 800, name: 'commune-1280' },
    { width: 390, height: 844, name: 'commune-390' }
  ]) {
    const { page, context, errors } = await newPage(size);
    await page.goto(`${baseURL}/commune/${c.code}`);
    assert.equal((await page.textContent('h1'))?.trim(), c.nom);
    const sru = page.locator('section[aria-labelledby="sru-title"]');
    assert.match((await sru.locator('.status-badge').textContent()) ?? '', /déficitaire/);
    // The missing LLS are an estimate: badge and range.
    const missing = sru.locator('.figure', { hasText: /manquants/i }).first();
    assert.match((await missing.textContent()) ?? '', /estimation[\s\S]*entre \d+ et \d+/);
    // Every figure cites a source with its vintage: under itself, or once for its block (the
    // block's figures then share that source and vintage).
    const figures = await page.locator('.figure').count();
    assert.ok(figures > 10, `only ${figures} figures`);
    const uncited = await page.$$eval('.figure', (els) =>
      els
        .filter((f) => !f.querySelector('.cite'))
        .filter((f) => !f.closest('section')?.querySelector('.block-cite .cite, .status .cite'))
        .map((f) => f.querySelector('dt')?.textContent ?? '?')
    );
    assert.deepEqual(uncited, [], 'a figure has no source');
    // Each figure of the SRU block has its rank among the SRU communes and their overall value.
    const ctx = await sru.locator('[data-testid="figure-context"]').allTextContents();
    assert.ok(ctx.length >= 3, `only ${ctx.length} SRU figures in context`);
    assert.ok(
      ctx.some((t) =>
        /— \d+(re|e)( ex æquo)?.* sur \d+ communes SRU ; ensemble des communes SRU/.test(t)
      ),
      `no rank among SRU communes: ${ctx.join(' | ')}`
    );
    assert.match(
      (await page
        .locator('section[aria-labelledby="sru-title"] .figure', {
          hasText: 'Taux de logements sociaux'
        })
        .textContent()) ?? '',
      /ensemble des communes SRU\u00a0: [\d,]+\u202f% \(estimation, entre/
    );
    // The workshop block states each reason once, as the title of a collapsible group.
    const workshop = page.locator('section[aria-labelledby="workshop-title"]');
    const deficit = workshop.locator(
      '[data-testid="reason-group"][data-reason^="sru_deficitaire"]'
    );
    assert.equal(await deficit.count(), 1, 'no group of items shown because of the SRU deficit');
    const title = (await deficit.locator('summary h3').textContent()) ?? '';
    assert.match(
      title.replace(/\s+/g, ' '),
      new RegExp(
        `^ ?Parce qu(e |’)${c.nom.replace(/[-]/g, '.')} est déficitaire SRU avec [\\d,]+ ?% de LLS pour un objectif de \\d+ ?% \\(inventaire SRU au [^)]+\\) : \\d+ propositions?`
      )
    );
    // No item repeats the reason of its group.
    assert.equal(await workshop.locator('.items .why').count(), 0);
    // Jump links lead to the groups; the universal items are in one closed group.
    const jumps = workshop.locator('[data-testid="reason-jumps"] a');
    assert.equal(
      await jumps.count(),
      (await workshop.locator('[data-testid="reason-group"]').count()) + 1
    );
    const universal = workshop.locator('[data-testid="universal-group"]');
    assert.equal(await universal.getAttribute('open'), null);
    const n = Number(
      /\((\d+)\)/.exec((await universal.locator('summary').textContent()) ?? '')?.[1]
    );
    assert.equal(await universal.locator('.items li').count(), n);
    await workshop
      .locator('[data-testid="reason-jumps"] a', { hasText: 'Valables partout' })
      .click();
    assert.notEqual(
      await universal.getAttribute('open'),
      null,
      'the jump link did not open the group'
    );
    await waitForSvgMap(page, SHEET_SVG);
    await screenshot(page, size.name);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('every source link of a sheet points to an entry of /sources', async ({
  newPage,
  baseURL
}) => {
  const { page, context } = await newPage();
  const c = indicators().communes.find((x) => x.qpvCodes.length > 0);
  assert.ok(c);
  await page.goto(`${baseURL}/commune/${c.code}`);
  await page.waitForSelector('a[href^="/sources#"]');
  const hrefs = await page.$$eval('a[href^="/sources#"]', (as) =>
    as.map((a) => a.getAttribute('href') ?? '')
  );
  assert.ok(hrefs.length > 0);
  await page.goto(`${baseURL}/sources`);
  for (const id of new Set(hrefs.map((h) => h.slice('/sources#'.length)))) {
    assert.equal(await page.locator(`[id="${id}"]`).count(), 1, `no #${id} on /sources`);
  }
  await context.close();
});

test('a commune not subject to SRU shows « non soumise », never a 0 % rate', async ({
  newPage,
  baseURL
}) => {
  const c = indicators().communes.find((x) => x.sruStatus === 'non_soumise');
  assert.ok(c);
  const { page, context } = await newPage();
  await page.goto(`${baseURL}/commune/${c.code}`);
  const sru = page.locator('section[aria-labelledby="sru-title"]');
  assert.match((await sru.textContent()) ?? '', /non soumise/);
  assert.equal(await sru.locator('.figure').count(), 0);
  await context.close();
});

test('a commune with QPV lists them with their generation; the link opens the QPV sheet', async ({
  newPage,
  baseURL,
  screenshot
}) => {
  const file = indicators();
  const c = file.communes.find((x) => x.qpvCodes.length > 0);
  assert.ok(c);
  const { page, context, errors } = await newPage();
  await page.goto(`${baseURL}/commune/${c.code}`);
  const block = page.locator('section[aria-labelledby="qpv-title"]');
  assert.equal(await block.locator('.qpv-list li').count(), c.qpvCodes.length);
  const code = c.qpvCodes[0] ?? '';
  // The generation shown is the one of the perimeter drawn (2024 from the official perimeters,
  // 2015 where the pipeline fell back), read from the build's QPV file.
  const generation = qpvPerimeters().features.find((f) => f.properties.code === code)?.properties
    .generation;
  assert.ok(generation, `${code} missing from build/geo/qpv.geojson`);
  const perimeter = new RegExp(`${code}, périmètre ${generation}`);
  assert.match((await block.textContent()) ?? '', perimeter);
  await Promise.all([
    page.waitForURL(`**/qpv/${code}`),
    // Prerendered relative (`../qpv/…`): the block is static, never hydrated (deferred.ts).
    block.locator(`a[href$="/qpv/${code}"]`).click()
  ]);
  const q = file.qpv.find((x) => x.code === code);
  assert.equal((await page.textContent('h1'))?.trim(), q?.nom);
  assert.match((await page.textContent('.subtitle')) ?? '', new RegExp(`périmètre ${generation}`));
  assert.ok((await page.locator('section[aria-labelledby="tc-title"] .figure').count()) > 0);
  // A 2024 perimeter has no published population: the grid estimate stands in, with its range
  // and source, never « pas de donnée ».
  const pop = q?.values.qpv_population;
  const feature = qpvPerimeters().features.find((f) => f.properties.code === code);
  assert.equal(feature?.properties.population, null, `${code}: the 2024 perimeters publish none`);
  assert.ok(pop?.status === 'ok' && pop.estimate, `${code}: the grid estimate is in the build`);
  {
    const shown = (await page.getByTestId('qpv-population-estimate').textContent()) ?? '';
    assert.match(shown, /^≈\u00a0[\d\u202f]+\u00a0hab\.$/);
    const range = (await page.getByTestId('qpv-population-range').textContent()) ?? '';
    assert.match(range, /^— estimation, entre [\d\u202f]+ et [\d\u202f]+\u00a0hab\.$/);
    const figure = page.locator('.figure', { has: page.getByTestId('qpv-population-estimate') });
    assert.match((await figure.textContent()) ?? '', /Filosofi 2019/);
  }
  await waitForSvgMap(page, SHEET_SVG);
  await screenshot(page, 'qpv-1280');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a sheet’s figure blocks stay as prerendered (no hydration); a move to another commune redraws them', async ({
  newPage,
  baseURL
}) => {
  const BLOCKS = ['sru-title', 'qpv-title', 'tc-title', 'logement-title'];
  const texts = (page: Page) =>
    Promise.all(
      BLOCKS.map(async (id) => {
        const block = page.locator(`section[aria-labelledby="${id}"]`);
        return (await block.count())
          ? ((await block.textContent()) ?? '').replace(/\s+/g, ' ')
          : null;
      })
    );
  const { page, context, errors } = await newPage({ width: 1280, height: 800 });
  await page.goto(`${baseURL}/commune/38185`);
  await page.waitForFunction(() => document.documentElement.dataset.islands === 'hydrated');
  await waitForSvgMap(page, SHEET_SVG);
  // The figures have no behaviour to add: their islands never hydrate, the map's does.
  for (const id of BLOCKS)
    assert.equal(
      await page.$eval(`[data-island]:has(> section[aria-labelledby="${id}"])`, (box) =>
        box.getAttribute('data-island')
      ),
      '',
      `the ${id} block hydrated`
    );
  assert.equal(
    await page.$eval('[data-island]:has(> [data-testid="sheet-map"])', (box) =>
      box.getAttribute('data-island')
    ),
    'hydrated'
  );
  // Their « Méthode » disclosures are native: they open all the same.
  const method = page.locator('section[aria-labelledby="sru-title"] details.method').first();
  await method.locator('summary').click();
  assert.equal(await method.evaluate((d) => (d as HTMLDetailsElement).open), true);
  const before = await texts(page);

  // Another commune's name on the map: the router reuses the page, the blocks are mounted anew.
  const name = page.locator(`${SHEET_SVG} g.labels text:not([data-code="38185"])`).first();
  const code = await name.getAttribute('data-code');
  assert.ok(code);
  const nom = indicators().communes.find((c) => c.code === code)?.nom;
  await Promise.all([page.waitForURL(new RegExp(`/commune/${code}$`)), name.click()]);
  await page.waitForFunction((n) => document.querySelector('h1')?.textContent?.trim() === n, nom);
  const after = await texts(page);
  assert.notDeepEqual(after, before, 'the blocks still show the first commune');
  // Exactly what that commune's own prerendered sheet shows.
  const direct = await context.newPage();
  await direct.goto(`${baseURL}/commune/${code}`);
  assert.deepEqual(after, await texts(direct));
  assert.deepEqual(errors, []);
  await context.close();
});

test('/donnees/indicateurs.csv is UTF-8 with BOM, one row per commune, required columns', async ({
  baseURL,
  newPage
}) => {
  // Downloaded from the button next to the PNG export on `/`.
  const { page, context } = await newPage();
  await page.goto(`${baseURL}/`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid="download-csv"]')
  ]);
  assert.equal(download.suggestedFilename(), 'indicateurs.csv');
  await context.close();
  const res = await fetch(`${baseURL}/donnees/indicateurs.csv`);
  assert.equal(res.status, 200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
  const header = (lines[0] ?? '').split(';');
  for (const col of REQUIRED_CSV_COLUMNS) {
    assert.ok(header.includes(col), `column ${col} missing`);
  }
  const file = indicators();
  assert.equal(lines.length - 1, file.communes.length);
  const pop = header.indexOf('population');
  for (const line of lines.slice(1)) {
    const cells = line.split(';');
    const c = file.communes.find((x) => x.code === cells[0]);
    assert.ok(c, `unknown commune ${cells[0]}`);
    assert.equal(cells[pop], String(c.values.population?.value));
    // Secrecy is an empty cell explained by a _statut column, never a letter in a number column.
    header.forEach((name, i) => {
      if (name.endsWith('_statut'))
        assert.match(cells[i] ?? '', /^(disponible|secret statistique|pas de donnée|sans objet)$/);
      else assert.notEqual(cells[i], 's', `${name} of ${c.nom}`);
    });
  }
  // The per-territory propositions export is linked from /sources and from the sheets.
  for (const path of ['/sources', '/commune/38185', `/qpv/${file.qpv[0]?.code ?? ''}`]) {
    const html = await (await fetch(`${baseURL}${path}`)).text();
    assert.match(html, /href="[^"]*donnees\/propositions-par-territoire\.csv"/, path);
  }
  // One column per indicator offered on the map.
  assert.ok(header.length - 4 >= file.definitions.length, `${header.length} columns`);
});

test('/propositions filters, searches, highlights an item’s territories and restores from the URL', async ({
  newPage,
  baseURL,
  screenshot
}) => {
  for (const size of [
    { width: 1280, height: 800, name: 'propositions-1280' },
    { width: 390, height: 844, name: 'propositions-390' }
  ]) {
    const { page, context, errors } = await newPage(size);
    // The territories' profiles (in the indicators file) load only when an item is chosen.
    const profileRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/data/indicators.json')) profileRequests.push(r.url());
    });
    await page.goto(`${baseURL}/propositions`);
    const items = page.locator('[data-testid="proposition"]');
    const all = await items.count();
    assert.ok(all > 50, `only ${all} items`);
    await page.selectOption('#f-theme', '4');
    const theme4 = await items.count();
    assert.ok(theme4 > 0 && theme4 < all);
    const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    assert.ok(ids.every((id) => id?.startsWith('T4-')));
    assert.match(
      (await page.textContent('p.count[role="status"]')) ?? '',
      new RegExp(`^${theme4} élément`)
    );
    // Pick a targeted item (not « tous ») and show where it applies.
    const targeted = items
      .filter({ hasNot: page.locator('.chip.tag', { hasText: 'Tous les territoires' }) })
      .first();
    const id = await targeted.getAttribute('data-id');
    assert.deepEqual(profileRequests, [], 'profiles loaded before an item was chosen');
    await targeted.locator('button').click();
    const panel = page.locator('[data-testid="item-territories"]:not([aria-busy="true"])');
    await panel.waitFor();
    assert.equal(profileRequests.length, 1);
    assert.match(page.url(), new RegExp(`theme=4.*element=${id}`));
    const links = await panel.locator('li a').count();
    const highlighted = (
      (await page.getAttribute('[data-testid="propositions-map"]', 'data-highlight')) ?? ''
    )
      .split(' ')
      .filter(Boolean);
    assert.equal(highlighted.length, await panel.locator('li a[href^="/commune/"]').count());
    assert.ok(links > 0, `item ${id} applies nowhere`);
    assert.match((await panel.locator('.why').first().textContent()) ?? '', /^Affiché car/);
    // The SVG map fills exactly the communes where the item applies.
    await waitForSvgMap(page, PROPOSITIONS_SVG);
    assert.deepEqual((await filledWith(page, ITEM_APPLIES_COLOR)).sort(), [...highlighted].sort());
    await screenshot(page, size.name);
    // Reload: the filters and the chosen item come back.
    await page.reload();
    await panel.waitFor();
    assert.equal(await page.inputValue('#f-theme'), '4');
    assert.equal(await items.count(), theme4);
    assert.match((await panel.locator('h2').textContent()) ?? '', new RegExp(id ?? 'x'));
    // Full-text search ignores accents.
    await page.fill('#f-q', 'equilibrage');
    await page.selectOption('#f-theme', '');
    const found = await items.count();
    assert.ok(found > 0 && found < all);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('/propositions: a theme chosen before the page has hydrated filters the list', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage();
  const { release, loaded } = await openUnhydrated(page, `${baseURL}/propositions`);
  await page.waitForSelector('#f-theme');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.islands), 'pending');
  await page.selectOption('#f-theme', '4');
  release();
  await loaded;
  await page.waitForURL(/theme=4/);
  assert.equal(await page.inputValue('#f-theme'), '4');
  const ids = await page
    .locator('[data-testid="proposition"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  assert.ok(ids.length > 0 && ids.every((id) => id?.startsWith('T4-')), ids.join(' '));
  assert.deepEqual(errors, []);
  await context.close();
});

test('/propositions?territoire= keeps the items of that commune and says so in one sentence', async ({
  newPage,
  baseURL
}) => {
  const c = indicators().communes.find((x) => x.sruStatus === 'deficitaire');
  assert.ok(c);
  const { page, context, errors } = await newPage();
  const countText = async () =>
    ((await page.getByTestId('propositions-count').textContent()) ?? '')
      .replace(/\s+/g, ' ')
      .trim();
  await page.goto(`${baseURL}/propositions`);
  const before = /^(\d+) éléments sur (\d+)$/.exec(await countText());
  assert.ok(before, `count without filter: ${await countText()}`);
  const total = Number(before[2]);
  await page.goto(`${baseURL}/propositions?territoire=${c.code}`);
  // « Recherche des éléments qui s’appliquent à … » while the profiles load (aria-busy).
  await page
    .locator('[data-testid="propositions-count"]:not([aria-busy="true"])')
    .filter({ hasText: 'qui s’appliquent' })
    .waitFor();
  const after = await countText();
  const m = new RegExp(
    `^(\\d+) éléments? sur ${total} qui s’appliquent à la commune de (.+)$`
  ).exec(after);
  assert.ok(m, `count with the territory: ${after}`);
  assert.equal(m[2], c.nom.replace(/\s+/g, ' '));
  assert.ok(Number(m[1]) > 0 && Number(m[1]) < total, after);
  assert.deepEqual(errors, []);
  await context.close();
});

test('/sources lists every dataset with producer, vintage, licence and the CSV columns', async ({
  newPage,
  baseURL,
  screenshot
}) => {
  const manifest = JSON.parse(readFileSync('data/sources.json', 'utf8')) as {
    sources: { id: string; licence: string }[];
  };
  const { page, context, errors } = await newPage();
  await page.goto(`${baseURL}/sources`);
  for (const s of manifest.sources) {
    const entry = page.locator(`[id="${s.id}"]`);
    assert.equal(await entry.count(), 1, `no entry for ${s.id}`);
    assert.match((await entry.textContent()) ?? '', /Producteur[\s\S]*Millésime[\s\S]*Licence/);
  }
  assert.ok(
    (await page
      .locator('#methodes ~ * tbody tr, section[aria-labelledby="methodes"] tbody tr')
      .count()) > 10
  );
  assert.match(
    (await page.textContent('section[aria-labelledby="telechargement"]')) ?? '',
    /couverture_tc_pct/
  );
  await screenshot(page, 'sources-1280');
  assert.deepEqual(errors, []);
  await context.close();
});

function overview() {
  return svgOverviewSchema.parse(JSON.parse(readFileSync('build/geo/svg-overview.json', 'utf8')));
}

test('without WebGL: commune and QPV sheets draw their SVG map with names; a click opens a sheet; French notice', async ({
  baseURL
}) => {
  const file = indicators();
  const geometry = overview();
  const drawn = new Set(geometry.qpv.map((q) => q.code));
  // A commune with a QPV whose perimeter is drawn, read from the build (codes change with vintages).
  const q = file.qpv.find((x) => drawn.has(x.code));
  assert.ok(q, 'no QPV of the indicators file is drawn in svg-overview.json');
  const c = q.communes[0];
  assert.ok(c);
  const browser = await launchChromium({ webgl: false });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });

    // Commune sheet: the commune framed and named, its neighbours named too.
    await page.goto(`${baseURL}/commune/${c}`);
    const commune = await waitForSvgMap(page, SHEET_SVG);
    const nom = file.communes.find((x) => x.code === c)?.nom ?? '';
    assert.ok(commune.names.includes(nom), `« ${nom} » not named on its sheet map`);
    assert.ok(commune.names.length >= 2, `only ${commune.names.length} names on the map`);
    await assertSvgMapPainted(page, SHEET_SVG);
    assert.ok((await page.locator(`${SHEET_SVG} .stops path`).count()) > 0, 'no stops drawn');
    assert.ok((await page.locator(`${SHEET_SVG} .scale`).count()) === 1, 'no scale bar');
    assert.ok((await page.getByTestId('sheet-map-legend').first().textContent())?.includes('QPV'));
    await assertNoEnglishError(page);
    // « Explorer la carte » without WebGL: a French notice, the SVG map stays, nothing downloaded.
    // (The page's first interaction loads the contributions' reader: done before counting. Not
    // `waitForLoadState('networkidle')`, which returns at once once the page has been idle.)
    await page.waitForFunction(() => document.documentElement.dataset.islands === 'hydrated');
    await page.keyboard.press('Shift');
    let before = -1;
    while (before !== scripts.length) {
      before = scripts.length;
      await page.waitForTimeout(700);
    }
    await page.click('[data-testid="sheet-map-explore"]');
    const notice = page.getByTestId('map-notice');
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? '', /WebGL, indisponible/);
    assert.equal(await page.getAttribute('[data-testid="sheet-map"]', 'data-renderer'), 'svg');
    // The SVG map's own name-placement worker may start when the notice resizes the frame.
    assert.deepEqual(
      scripts.slice(before).filter((u) => !/\/workers\/labels\.worker-[\w-]+\.js$/.test(u)),
      [],
      'scripts downloaded for a map that cannot run'
    );
    await assertNoEnglishError(page);

    // A click on the QPV perimeter, at its pole, opens the QPV sheet.
    const perimeter = geometry.qpv.find((x) => x.code === q.code);
    assert.ok(perimeter);
    const at = await svgPointToScreen(page, perimeter.anchor, `${SHEET_SVG} svg`);
    await Promise.all([
      page.waitForURL(new RegExp(`/qpv/${q.code}$`)),
      page.mouse.click(at.x, at.y)
    ]);

    // QPV sheet: framed on the perimeter, drawn thick; commune names; a name opens its sheet.
    const qmap = await waitForSvgMap(page, SHEET_SVG);
    assert.ok(qmap.names.length >= 1, 'no name on the QPV sheet map');
    await assertSvgMapPainted(page, SHEET_SVG);
    const box = await page.locator(`${SHEET_SVG} .qpv a[data-code="${q.code}"] path`).boundingBox();
    const frame = await page.locator(SHEET_SVG).boundingBox();
    assert.ok(box && frame);
    // The perimeter is in the frame and fills a good part of it (not the whole Métropole).
    assert.ok(box.x >= frame.x - 1 && box.x + box.width <= frame.x + frame.width + 1);
    assert.ok(box.width > frame.width * 0.25 || box.height > frame.height * 0.25);
    await assertNoEnglishError(page);
    const name = page.locator(`${SHEET_SVG} g.labels text`).first();
    const code = await name.getAttribute('data-code');
    await Promise.all([page.waitForURL(new RegExp(`/commune/${code}$`)), name.click()]);
    await waitForSvgMap(page, SHEET_SVG);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await browser.close();
  }
});

/** A screen point where the topmost element is the commune `code` of the map (not a QPV, a name). */
async function pointOnCommune(page: Page, root: string, code: string) {
  return page.$eval(
    `${root} .communes a[data-code="${code}"] path`,
    (path, c) => {
      const r = path.getBoundingClientRect();
      for (let i = 1; i < 12; i++)
        for (let j = 1; j < 12; j++) {
          const x = r.left + (r.width * i) / 12;
          const y = r.top + (r.height * j) / 12;
          const top = document.elementFromPoint(x, y);
          if (
            top?.tagName === 'path' &&
            top.closest('.communes a')?.getAttribute('data-code') === c
          )
            return { x, y };
        }
      return null;
    },
    code
  );
}

test('without WebGL: /propositions draws its SVG map, names, why on hover and focus; no map library', async ({
  baseURL
}) => {
  const browser = await launchChromium({ webgl: false });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`${baseURL}/propositions?theme=4`);
    const before = await waitForSvgMap(page, PROPOSITIONS_SVG);
    assert.equal(before.territories, 49);
    assert.ok(before.names.length >= 5, `only ${before.names.length} names on the map`);
    await assertSvgMapPainted(page, PROPOSITIONS_SVG);
    await assertNoEnglishError(page);

    // An item targeting a type of territory: its communes filled, all of them named.
    const targeted = page
      .locator('[data-testid="proposition"]')
      .filter({ hasNot: page.locator('.chip.tag', { hasText: 'Tous les territoires' }) })
      .first();
    await targeted.locator('button').click();
    await page.locator('[data-testid="item-territories"]:not([aria-busy="true"])').waitFor();
    const highlighted = (
      (await page.getAttribute('[data-testid="propositions-map"]', 'data-highlight')) ?? ''
    )
      .split(' ')
      .filter(Boolean);
    assert.ok(highlighted.length > 0 && highlighted.length < 49, `${highlighted.length} communes`);
    await page.waitForFunction(
      ([sel, n]) => document.querySelectorAll(`${sel} g.labels text`).length === n,
      [PROPOSITIONS_SVG, highlighted.length] as const
    );
    assert.deepEqual((await filledWith(page, ITEM_APPLIES_COLOR)).sort(), [...highlighted].sort());
    const named = await waitForSvgMap(page, PROPOSITIONS_SVG);
    const noms = new Map(indicators().communes.map((c) => [c.code, c.nom]));
    assert.deepEqual(
      [...named.names].sort(),
      highlighted.map((c) => noms.get(c) ?? c).sort(),
      'the concerned communes are the ones named'
    );
    assert.ok(
      (await page.getByTestId('propositions-map-legend').textContent())?.includes('QPV'),
      'no QPV in the legend'
    );

    // Hover: the tooltip says why the commune is concerned.
    const code = highlighted[0]!;
    const at = await pointOnCommune(page, PROPOSITIONS_SVG, code);
    assert.ok(at, `no visible point of commune ${code}`);
    await page.mouse.move(at.x, at.y);
    const tooltip = page.locator(`${PROPOSITIONS_SVG} [data-testid="svg-map-tooltip"]`);
    await tooltip.waitFor();
    assert.match((await tooltip.textContent()) ?? '', /Affiché car/);
    // The tooltip stays inside the map (it flips on the side where there is room).
    const tip = await tooltip.boundingBox();
    const frame = await page.locator(PROPOSITIONS_SVG).boundingBox();
    assert.ok(
      tip && frame && tip.x >= frame.x - 1 && tip.x + tip.width <= frame.x + frame.width + 1
    );
    await page.mouse.move(0, 0);

    // Keyboard: a commune takes the focus, says why, and Enter opens its sheet.
    const link = page.locator(`${PROPOSITIONS_SVG} .communes a[data-code="${code}"]`);
    assert.match((await link.getAttribute('aria-label')) ?? '', /: concernée$/);
    await link.focus();
    assert.match((await tooltip.textContent()) ?? '', new RegExp(noms.get(code) ?? code));
    await assertNoEnglishError(page);
    assert.deepEqual(
      scripts.filter((u) => /maplibre/i.test(u)),
      [],
      'a map library was downloaded for the SVG map'
    );
    await Promise.all([
      page.waitForURL(new RegExp(`/commune/${code}$`)),
      page.keyboard.press('Enter')
    ]);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await browser.close();
  }
});

test('with WebGL: MapLibre is downloaded only when « Explorer la carte » is pressed', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage();
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto(`${baseURL}/commune/38185`);
  await waitForSvgMap(page, SHEET_SVG);
  await page.waitForLoadState('networkidle');
  assert.equal(await page.locator('canvas.maplibregl-canvas').count(), 0);
  const before = new Set(scripts);
  await page.click('[data-testid="sheet-map-explore"]');
  await page.waitForSelector('[data-testid="sheet-map"] canvas.maplibregl-canvas', {
    timeout: 60_000
  });
  const fresh = scripts.filter((u) => !before.has(u));
  assert.ok(fresh.length > 0, 'MapLibre came with the page, before it was asked for');
  await page.click('[data-testid="sheet-map-simple"]');
  await waitForSvgMap(page, SHEET_SVG);
  // The online basemap cannot load in the offline test machine: that is the only error allowed.
  assert.deepEqual(
    errors.filter((e) => !e.includes('ERR_NAME_NOT_RESOLVED')),
    []
  );
  await context.close();
});
