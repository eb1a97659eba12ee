/**
 * Links whose query parameters name nothing valid (typed by hand, or from an older version):
 * the page falls back to its defaults, says which parameters it ignored in a discreet status
 * message, and never throws nor leaves the map or the list empty.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { test } from './harness';
import { waitForSvgMap } from './svg-map';

/** The map of `/` is drawn and hydrated, and the table lists the communes. */
async function explorerFilled(page: Page): Promise<void> {
  const drawn = await waitForSvgMap(page);
  assert.equal(drawn.territories, 49, 'every commune is on the map');
  assert.ok(drawn.filled >= 2, `the map is coloured (${drawn.filled} filled paths)`);
  const rows = await page.locator('[data-testid="communes-table"] tbody tr').count();
  assert.ok(rows >= 2, `the table lists the communes (${rows} rows)`);
}

async function noticeParams(page: Page): Promise<string[]> {
  const notice = page.locator('[data-testid="url-notice"]');
  await notice.locator('[data-param]').first().waitFor({ timeout: 60_000 });
  assert.equal(await notice.getAttribute('role'), 'status');
  return notice
    .locator('[data-param]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-param') ?? ''));
}

const EXPLORER_CASES: { query: string; params: string[]; url: RegExp }[] = [
  // A topic is checked against the workshop keywords, even outside the « propositions » view.
  { query: 'sujet=zz', params: ['sujet'], url: /^\/$/ },
  { query: 'vue=propositions&sujet=zz', params: ['sujet'], url: /^\/\?vue=propositions$/ },
  // Equal thresholds used to throw a MapLibre exception and leave the map unfilled.
  { query: 'methode=manuel&seuils=1_1_1', params: ['seuils'], url: /^\/$/ },
  {
    query: 'indicateur=zz&palette=zz&classes=99&couches=qpv,zz&selection=99999&theme=9&colonne=zz',
    params: ['indicateur', 'classes', 'palette', 'couches', 'theme', 'colonne', 'selection'],
    url: /^\/\?couches=qpv$/
  }
];

for (const c of EXPLORER_CASES) {
  test(`/?${c.query} falls back to the defaults with a notice`, async ({ newPage, baseURL }) => {
    const { page, context, errors } = await newPage();
    await page.goto(`${baseURL}/?${c.query}`);
    assert.deepEqual((await noticeParams(page)).sort(), [...c.params].sort());
    const text = (await page.textContent('[data-testid="url-notice"]')) ?? '';
    assert.match(text, /réglages par défaut utilisés/);
    await explorerFilled(page);
    // The corrected view replaces the link, so a reload or a copy gives a valid one.
    await page.waitForFunction(
      (re) => new RegExp(re).test(location.pathname + location.search),
      c.url.source,
      { timeout: 30_000 }
    );
    // Dismissable, and gone for good.
    await page.click('[data-testid="url-notice"] button');
    assert.equal(await page.locator('[data-testid="url-notice"] [data-param]').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a valid link shows no notice', async ({ newPage, baseURL }) => {
  const { page, context, errors } = await newPage();
  await page.goto(`${baseURL}/?indicateur=sru_taux_lls&methode=manuel&seuils=10_20`);
  await explorerFilled(page);
  assert.equal(await page.locator('[data-testid="url-notice"] [data-param]').count(), 0);
  // The panel's fields are drawn when it opens, as a user would see them.
  await page.click('summary:has-text("Classes et couleurs")');
  assert.equal(await page.inputValue('[data-testid="method-select"]'), 'manuel');
  assert.deepEqual(errors, []);
  await context.close();
});

test('/propositions with unknown filters lists every item, with a notice', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage();
  await page.goto(`${baseURL}/propositions`);
  await page.locator('[data-testid="proposition"]').first().waitFor();
  const all = await page.locator('[data-testid="proposition"]').count();
  assert.equal(await page.locator('[data-testid="url-notice"] [data-param]').count(), 0);

  for (const [query, params] of [
    ['theme=zz', ['theme']],
    ['sujet=zz&element=zz&tag=zz&colonne=zz', ['colonne', 'tag', 'sujet', 'element']]
  ] as const) {
    await page.goto(`${baseURL}/propositions?${query}`);
    assert.deepEqual((await noticeParams(page)).sort(), [...params].sort());
    assert.equal(await page.locator('[data-testid="proposition"]').count(), all);
    await page.waitForFunction(() => location.search === '', undefined, { timeout: 30_000 });
  }
  assert.deepEqual(errors, []);
  await context.close();
});
