import assert from 'node:assert/strict';
import { test } from './harness';

test('the home page renders its heading in French', async ({ newPage, baseURL }) => {
  const { page, context, errors } = await newPage();
  await page.goto(`${baseURL}/`);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.match(await page.title(), /Atlas PLH/);
  // The EPCI name comes from the build's data, never from the code.
  const meta = JSON.parse(await (await fetch(`${baseURL}/data/meta.json`)).text()) as {
    epci: { nom: string };
  };
  assert.equal((await page.textContent('h1'))?.trim(), `Carte des communes de ${meta.epci.nom}`);
  assert.match((await page.textContent('header .brand')) ?? '', new RegExp(meta.epci.nom));
  assert.deepEqual(errors, []);
  await context.close();
});

test('WebGL is available headless (SwiftShader), so the map can really render', async ({
  newPage,
  baseURL
}) => {
  const { page, context } = await newPage();
  await page.goto(`${baseURL}/`);
  const hasWebGL = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  });
  assert.equal(hasWebGL, true);
  await context.close();
});
