/**
 * Header search (issue 13 §2): a WAI-ARIA combobox on every page, driven by the keyboard only,
 * insensitive to accents, case, hyphens and « st »; choosing a result opens the sheet.
 */
import assert from 'node:assert/strict';
import { test } from './harness';

test('the header search finds « st martin d’heres » and opens its sheet with the keyboard only', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage();
  await page.goto(`${baseURL}/sources`);
  const box = page.locator('[data-testid="site-search"]');
  await page.locator('[data-testid="site-search"][data-hydrated="true"]').waitFor();
  assert.equal(await box.getAttribute('role'), 'combobox');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  const listId = (await box.getAttribute('aria-controls')) ?? '';
  assert.equal(await page.locator(`#${listId}`).getAttribute('role'), 'listbox');

  // Keyboard only: skip link, brand, then the search field.
  await box.focus();
  await page.keyboard.type("st martin d'heres");
  await page.waitForFunction(
    (id) => document.querySelectorAll(`#${id} [role="option"][data-code]`).length > 0,
    listId,
    { timeout: 60_000 }
  );
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  const first = page.locator(`#${listId} [role="option"]`).first();
  assert.match((await first.textContent()) ?? '', /Saint-Martin-d'Hères/);

  await page.keyboard.press('ArrowDown');
  const activeId = await box.getAttribute('aria-activedescendant');
  assert.equal(activeId, await first.getAttribute('id'));
  assert.equal(await first.getAttribute('aria-selected'), 'true');

  // Escape closes the list, the text stays; ArrowDown reopens it.
  await page.keyboard.press('Escape');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  assert.equal(await box.inputValue(), "st martin d'heres");
  await page.keyboard.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-expanded'), 'true');

  await page.keyboard.press('Enter');
  await page.waitForURL(/\/commune\/38421$/, { timeout: 60_000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the header search matches without accents or hyphens and finds a QPV', async ({
  newPage,
  baseURL
}) => {
  const { page, context } = await newPage({ width: 390, height: 844 });
  await page.goto(`${baseURL}/`);
  const box = page.locator('[data-testid="site-search"]');
  await page.locator('[data-testid="site-search"][data-hydrated="true"]').waitFor();
  const listId = (await box.getAttribute('aria-controls')) ?? '';
  const firstLabel = async (query: string) => {
    await box.fill(query);
    await page.waitForFunction(
      (id) => document.querySelectorAll(`#${id} [role="option"]`).length > 0,
      listId,
      { timeout: 60_000 }
    );
    return (await page.locator(`#${listId} [role="option"] .label`).first().textContent()) ?? '';
  };
  assert.equal(await firstLabel('seyssinet'), 'Seyssinet-Pariset');
  assert.equal(await firstLabel('pont de claix'), 'Le Pont-de-Claix');
  assert.equal(await firstLabel('ECHIROLLES'), 'Échirolles');
  await box.fill('zzzz');
  await page.locator(`#${listId} li.empty`).waitFor();
  assert.match(
    (await page.locator(`#${listId}`).textContent()) ?? '',
    /Aucune commune ni quartier ne correspond/
  );
  // A QPV opens its own sheet.
  await box.fill('');
  await firstLabel('villeneuve');
  const qpv = page.locator(`#${listId} [role="option"][data-code^="Q"]`).first();
  const code = (await qpv.getAttribute('data-code')) ?? '';
  await qpv.click();
  await page.waitForURL(new RegExp(`/qpv/${code}$`), { timeout: 60_000 });
  await context.close();
});
