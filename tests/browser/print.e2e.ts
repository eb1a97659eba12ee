/**
 * Print journeys (« Imprimer / PDF »): every commune and QPV sheet prints on exactly one A4
 * portrait page with its vector map (legend, scale bar), the printable atlas on its contents plus
 * one page per commune, each with its map; also without WebGL. Pages are counted
 * in the PDF Chromium writes (`/Type /Page` objects, not the `/Pages` tree). Territories come from
 * the build's indicators file; the PDFs of Grenoble, of one QPV and of the atlas are kept under
 * screenshots/ to be looked at.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { indicatorsFileSchema, type IndicatorsFile } from '../../src/lib/schemas/indicators';
import { launchChromium, test } from './harness';
import { assertNoEnglishError, assertSvgMapPainted } from './svg-map';

function indicators(): IndicatorsFile {
  return indicatorsFileSchema.parse(JSON.parse(readFileSync('build/data/indicators.json', 'utf8')));
}

/** Number of page objects of a PDF. */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

interface PrintMapState {
  code: string;
  width: number;
  height: number;
  /** Commune outlines drawn, and those with a real fill. */
  paths: number;
  filled: number;
  /** Raster or canvas inside the map (there must be none: paper gets vectors). */
  rasters: number;
  scale: string;
  legend: string;
}

/**
 * What the printed maps inside `scope` draw, as laid out under the current media, once every map
 * of the page is hydrated (a hydration that fails remounts the page: the maps are redrawn).
 */
async function printMaps(page: Page, scope: string): Promise<PrintMapState[]> {
  await page.waitForFunction(() => {
    const maps = [...document.querySelectorAll('[data-testid="svg-map"]')];
    return maps.length > 0 && maps.every((m) => m.getAttribute('data-hydrated') === 'true');
  });
  return page.$$eval(`${scope} [data-testid="print-map"]`, (maps) =>
    maps.map((m) => {
      const r = m.querySelector('[data-testid="svg-map"]')?.getBoundingClientRect();
      const paths = [...m.querySelectorAll('svg .communes path')];
      return {
        code: m.getAttribute('data-code') ?? '',
        width: r?.width ?? 0,
        height: r?.height ?? 0,
        paths: paths.length,
        filled: paths.filter((p) => {
          const f = getComputedStyle(p).fill;
          return f !== 'none' && !f.includes('rgba(0, 0, 0, 0)');
        }).length,
        rasters: m.querySelectorAll('canvas, img, image').length,
        scale: m.querySelector('svg g.scale')?.getAttribute('aria-label') ?? '',
        legend: m.querySelector('[data-testid="print-map-legend"]')?.textContent ?? ''
      };
    })
  );
}

/** A printed map drawn as vectors, with its legend and its scale bar. */
function assertPrintMap(m: PrintMapState | undefined, where: string, legend: RegExp): void {
  assert.ok(m, `${where}: no printed map`);
  assert.ok(m.width > 150 && m.height > 100, `${where}: map of ${m.width}×${m.height} px`);
  assert.ok(m.paths >= 1 && m.filled === m.paths, `${where}: ${m.filled}/${m.paths} filled`);
  assert.equal(m.rasters, 0, `${where}: raster in the printed map`);
  assert.match(m.scale, /^Échelle : \d[\d\s]* k?m$/, `${where}: scale bar « ${m.scale} »`);
  assert.match(m.legend, legend, `${where}: legend « ${m.legend} »`);
}

const PRINT_MAP = '[data-testid="print-sheet"] [data-testid="print-map"]';

async function printPdf(page: Page, keep?: string): Promise<Buffer> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  if (keep) writeFileSync(`screenshots/${keep}.pdf`, pdf);
  return pdf;
}

test('the commune sheet has an « Imprimer / PDF » button that opens the print dialog', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage();
  await page.goto(`${baseURL}/commune/38185`);
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await page.getByRole('button', { name: 'Imprimer / PDF' }).click();
  assert.equal(await page.evaluate(() => (window as unknown as { printed: number }).printed), 1);
  // On screen the print-only version stays hidden.
  assert.equal(await page.locator('[data-testid="print-sheet"]').isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a sheet hydrates its workshop items when reached and its print copy when printing, never before', async ({
  newPage,
  baseURL
}) => {
  const island = (testid: string) => `[data-island]:has(> [data-testid="${testid}"])`;
  const hydrated = (page: Page, testid: string) =>
    page.$eval(island(testid), (box) => box.getAttribute('data-island') === 'hydrated');
  const { page, context, errors } = await newPage({ width: 1280, height: 800 });
  await page.goto(`${baseURL}/commune/38185`);
  // The blocks at the top and the map are live; the workshop items (far below) and the
  // print-only copy are not: their hydration was a long task of the first view.
  assert.equal(await hydrated(page, 'sheet-map'), true, 'the sheet map has not hydrated');
  assert.equal(await hydrated(page, 'workshop-block'), false, 'workshop items hydrated unseen');
  assert.equal(await hydrated(page, 'print-sheet'), false, 'print copy hydrated on screen');
  // A click on a group's title before the island is live: it hydrates on the press, and the
  // group closes and stays closed (a hydration after the click would reopen it from the state).
  const first = page.locator('[data-testid="reason-group"]').first();
  assert.equal(await first.evaluate((d) => (d as HTMLDetailsElement).open), true);
  await first.locator('summary').click();
  assert.equal(await hydrated(page, 'workshop-block'), true, 'workshop items not hydrated');
  await page.waitForTimeout(300);
  assert.equal(await first.evaluate((d) => (d as HTMLDetailsElement).open), false);
  // Printing hydrates the print copy first: its footer then gives the sheet's full address.
  const url = page.locator('[data-testid="print-sheet"] .url');
  // Prerendered without an origin (SvelteKit's relative paths): only hydration knows it.
  assert.doesNotMatch((await url.textContent()) ?? '', /^http/);
  await page.pdf({ format: 'A4' });
  assert.equal(await hydrated(page, 'print-sheet'), true, 'printing did not hydrate the copy');
  assert.equal(await url.textContent(), `${new URL(baseURL).origin}/commune/38185`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a client-side move to another sheet replaces the islands still waiting, never shows the first territory', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage({ width: 1280, height: 800 });
  await page.goto(`${baseURL}/commune/38185`);
  // A link inside the page: SvelteKit's router takes it, the page component is reused.
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = '/commune/38421';
    a.id = 'to-smh';
    a.textContent = 'Saint-Martin-d’Hères';
    document.querySelector('main')?.prepend(a);
  });
  await page.click('#to-smh');
  await page.waitForURL('**/commune/38421');
  await page.waitForFunction(
    () => document.querySelector('h1')?.textContent?.trim() === "Saint-Martin-d'Hères"
  );
  const title = page.locator('[data-testid="print-sheet"] .p-title');
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="print-sheet"] .p-title')?.textContent ===
      "Saint-Martin-d'Hères"
  );
  assert.equal(await title.textContent(), "Saint-Martin-d'Hères");
  const workshop = (await page.textContent('[data-testid="workshop-block"]')) ?? '';
  assert.match(workshop, /situation de Saint-Martin-d'Hères/);
  assert.doesNotMatch(workshop, /Grenoble compte/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Grenoble prints on one A4 page with its figures, sources and top workshop items', async ({
  newPage,
  baseURL
}) => {
  const g = indicators().communes.find((c) => c.code === '38185');
  assert.ok(g, 'Grenoble (38185) is not in the indicators file');
  const { page, context, errors } = await newPage();
  await page.goto(`${baseURL}/commune/38185`);
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('[data-testid="print-sheet"]');
  assert.equal(await sheet.isVisible(), true);
  assert.equal(await page.locator('.screen-only').isVisible(), false);
  const text = (await sheet.textContent()) ?? '';
  assert.match(text, /Grenoble/);
  // An estimate keeps its range; sources are numbered and listed with their vintages.
  assert.match(text, /≈\s[\d\s]+\S* \(estimation, entre .+ et .+\)/);
  assert.match(text, /\[1\]/);
  const notes = await sheet.locator('.p-notes li').allTextContents();
  assert.ok(notes.length >= 3, `only ${notes.length} source notes`);
  for (const n of notes) assert.match(n, / — \S/, `note without vintage: ${n}`);
  // Three problems and three actions, each with its « why » (a reason already given in the
  // column is referred to by its number, not repeated).
  const items = sheet.locator('.workshop-columns li');
  assert.equal(await items.count(), 6);
  const whys = await sheet.locator('.workshop-columns li .why').allTextContents();
  assert.equal(whys.length, 6);
  for (const why of whys) {
    assert.match(
      why,
      /^(Affiché car|Affiché pour la même raison que le n° [12]\.|Valable pour tous)/
    );
  }
  // Every QPV of the commune is named with its perimeter generation.
  const qpvLine = (await sheet.locator('.p-lead p', { hasText: /^\s*QPV/ }).textContent()) ?? '';
  assert.equal(
    (qpvLine.match(/\(Q[PN]\w+, périmètre 20(15|24)/g) ?? []).length,
    g.values.qpv_nombre?.value
  );
  // Its map: vector, painted, legend and scale bar, top right, clear of the figures.
  const [map] = await printMaps(page, '[data-testid="print-sheet"]');
  assertPrintMap(map, 'Grenoble', /La commune.*Communes voisines.*QPV/);
  await assertSvgMapPainted(page, `${PRINT_MAP} [data-testid="svg-map"]`);
  const names = await page
    .locator(`${PRINT_MAP} g.labels text`)
    .evaluateAll((ts) => ts.map((t) => t.textContent));
  assert.ok(names.includes('Grenoble'), `names on the printed map: ${names.join(', ')}`);
  const mapBox = await page.locator(PRINT_MAP).boundingBox();
  const sheetBox = await sheet.boundingBox();
  assert.ok(mapBox && sheetBox);
  assert.ok(mapBox.x + mapBox.width <= sheetBox.x + sheetBox.width + 1, 'map cut on the right');
  for (const t of await sheet.locator('.figure-tables table').all()) {
    const b = await t.boundingBox();
    assert.ok(b);
    const apart =
      b.x + b.width <= mapBox.x ||
      b.y >= mapBox.y + mapBox.height ||
      b.x >= mapBox.x + mapBox.width;
    assert.ok(apart, 'a figure table runs under the map');
  }
  const pages = pdfPageCount(await printPdf(page, 'print-commune-38185'));
  assert.equal(pages, 1, `Grenoble prints on ${pages} pages`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('every commune and every QPV sheet prints on exactly one A4 page', async ({
  newPage,
  baseURL
}) => {
  const file = indicators();
  const paths = [
    ...file.communes.map((c) => `/commune/${c.code}`),
    ...file.qpv.map((q) => `/qpv/${q.code}`)
  ];
  const { page, context, errors } = await newPage();
  const over: string[] = [];
  // The QPV with the most communes and the longest name is kept to be looked at.
  const kept = [...file.qpv].sort(
    (a, b) => b.communes.length - a.communes.length || b.nom.length - a.nom.length
  )[0];
  await page.emulateMedia({ media: 'print' });
  for (const path of paths) {
    await page.goto(`${baseURL}${path}`);
    const maps = await printMaps(page, '[data-testid="print-sheet"]');
    assert.equal(maps.length, 1, `${path}: ${maps.length} printed maps`);
    assertPrintMap(maps[0], path, path.startsWith('/qpv/') ? /Ce quartier/ : /La commune/);
    const keep = kept && path === `/qpv/${kept.code}` ? `print-qpv-${kept.code}` : undefined;
    const n = pdfPageCount(await printPdf(page, keep));
    if (n !== 1) over.push(`${path}: ${n} pages`);
  }
  assert.deepEqual(over, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the atlas prints its contents then one page per commune', async ({ newPage, baseURL }) => {
  const n = indicators().communes.length;
  const { page, context, errors } = await newPage();
  await page.goto(`${baseURL}/atlas`);
  // Every commune page has its own map (framed on it), vector, with legend and scale bar.
  await page.emulateMedia({ media: 'print' });
  const maps = await printMaps(page, '[data-testid="atlas"] article.atlas-page');
  const codes = indicators().communes.map((c) => c.code);
  assert.deepEqual(maps.map((m) => m.code).sort(), [...codes].sort());
  for (const m of maps) assertPrintMap(m, `atlas ${m.code}`, /La commune.*Communes voisines/);
  // Painted: the first and the last page's maps.
  for (const i of [0, maps.length - 1]) {
    await assertSvgMapPainted(
      page,
      `[data-testid="atlas"] article.atlas-page >> nth=${i} >> [data-testid="svg-map"]`
    );
  }
  const pages = pdfPageCount(await printPdf(page, 'print-atlas'));
  assert.equal(pages, n + 1, `atlas: ${pages} pages for ${n} communes`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without WebGL: the printed commune and QPV sheets draw their map and keep to one page', async ({
  baseURL
}) => {
  const qpv = indicators().qpv[0];
  assert.ok(qpv, 'no QPV in the indicators file');
  const browser = await launchChromium({ webgl: false });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    for (const path of ['/commune/38151', `/qpv/${qpv.code}`]) {
      await page.goto(`${baseURL}${path}`);
      await page.emulateMedia({ media: 'print' });
      const [map] = await printMaps(page, '[data-testid="print-sheet"]');
      assertPrintMap(map, path, /QPV/);
      await assertSvgMapPainted(page, `${PRINT_MAP} [data-testid="svg-map"]`);
      await assertNoEnglishError(page);
      const pages = pdfPageCount(await printPdf(page));
      assert.equal(pages, 1, `${path} prints on ${pages} pages without WebGL`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await browser.close();
  }
});

test('the layout links to the printable atlas', async ({ newPage, baseURL }) => {
  const { page, context } = await newPage();
  await page.goto(`${baseURL}/sources`);
  await page.getByRole('link', { name: /Atlas imprimable/ }).click();
  await page.waitForURL(/\/atlas$/);
  assert.equal(await page.locator('[data-testid="atlas"] h1').isVisible(), true);
  await context.close();
});
