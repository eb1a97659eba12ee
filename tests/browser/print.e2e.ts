/**
 * Print journeys (« Imprimer / PDF »): every commune and QPV sheet prints on exactly one A4
 * portrait page, the printable atlas on its contents plus one page per commune. Pages are counted
 * in the PDF Chromium writes (`/Type /Page` objects, not the `/Pages` tree). Territories come from
 * the build's indicators file; the PDFs of Grenoble, of one QPV and of the atlas are kept under
 * screenshots/ to be looked at.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { indicatorsFileSchema, type IndicatorsFile } from '../../src/lib/schemas/indicators';
import { test } from './harness';

function indicators(): IndicatorsFile {
  return indicatorsFileSchema.parse(JSON.parse(readFileSync('build/data/indicators.json', 'utf8')));
}

/** Number of page objects of a PDF. */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

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
  for (const path of paths) {
    await page.goto(`${baseURL}${path}`);
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
  const pages = pdfPageCount(await printPdf(page, 'print-atlas'));
  assert.equal(pages, n + 1, `atlas: ${pages} pages for ${n} communes`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the layout links to the printable atlas', async ({ newPage, baseURL }) => {
  const { page, context } = await newPage();
  await page.goto(`${baseURL}/sources`);
  await page.getByRole('link', { name: /Atlas imprimable/ }).click();
  await page.waitForURL(/\/atlas$/);
  assert.equal(await page.locator('[data-testid="atlas"] h1').isVisible(), true);
  await context.close();
});
