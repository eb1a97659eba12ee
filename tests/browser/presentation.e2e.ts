import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { qpvCollectionSchema } from '../../src/lib/schemas/outputs';
import { launchChromium, test } from './harness';
import { assertNoEnglishError, assertSvgMapPainted, waitForSvgMap } from './svg-map';
import { indicatorsFileSchema } from '../../src/lib/schemas/indicators';
import { svgOverviewSchema } from '../../src/lib/schemas/svg-map';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * A QPV of Grenoble from the build's perimeters (2024 codes « QN… » from the official perimeters,
 * 2015 « QP… » where the pipeline fell back), so the journeys follow the data.
 */
function grenobleQpv(): string {
  const qpv = qpvCollectionSchema.parse(JSON.parse(readFileSync('build/geo/qpv.geojson', 'utf8')));
  const codes = qpv.features
    .filter((f) => f.properties.communes.includes('38185'))
    .map((f) => f.properties.code)
    .sort();
  assert.ok(codes[0], 'no QPV of Grenoble in build/geo/qpv.geojson');
  return codes[0];
}

interface SlideState {
  title: string;
  part: string;
  position: string;
}

async function slideState(page: Page): Promise<SlideState> {
  return page.evaluate(() => ({
    title: document.querySelector('[data-testid=slide-title]')?.textContent?.trim() ?? '',
    part: document.querySelector('[data-testid=slide-part]')?.textContent?.trim() ?? '',
    position: document.querySelector('[data-testid=slide-position]')?.textContent?.trim() ?? ''
  }));
}

/** Waits for the slide titled `name` (and, when given, the part « — problèmes 1/2 » and position). */
async function expectSlide(page: Page, name: string, part?: RegExp | '', pos?: string) {
  await page.waitForFunction(
    ([n, p]) =>
      document.querySelector('[data-testid=slide-title]')?.textContent?.trim() === n &&
      (p === null ||
        document.querySelector('[data-testid=slide-position]')?.textContent?.trim() === p),
    [name, pos ?? null] as const,
    { timeout: 10_000 }
  );
  if (part !== undefined) {
    const s = await slideState(page);
    if (part === '') assert.equal(s.part, '', `${name}: expected the overview, got ${s.part}`);
    else assert.match(s.part, part);
  }
}

/**
 * Waits until the pagination is measured (the hidden copy exists and the page list is stable). On
 * a narrow screen no column is split and there is no copy to measure: `measured` false.
 */
async function settle(page: Page, measured = true) {
  if (measured) await page.waitForSelector('[data-measure] li[data-item]', { state: 'attached' });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
}

/** Every way a slide could hide text, for the current page; [] when none. */
async function hiddenText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const deck = document.querySelector<HTMLElement>('[data-testid=slide-deck]');
    if (!deck) return ['no slide'];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} « ${(el.textContent ?? '').trim().slice(0, 40)} »`;
    for (const el of deck.querySelectorAll<HTMLElement>('*')) {
      // The map draws its own labels (placement, collisions): not slide text.
      // The map draws its own labels; a screen-reader-only text is clipped on purpose.
      if (el.closest('[data-testid=slide-map] .map, .visually-hidden')) continue;
      const cs = getComputedStyle(el);
      const clamp = cs.getPropertyValue('-webkit-line-clamp');
      if (clamp && clamp !== 'none') problems.push(`line clamp ${clamp}: ${name(el)}`);
      if (cs.textOverflow === 'ellipsis') problems.push(`ellipsis: ${name(el)}`);
      const hides = (o: string) => o === 'hidden' || o === 'clip' || o === 'auto' || o === 'scroll';
      if (hides(cs.overflowY) && el.scrollHeight > el.clientHeight + 1)
        problems.push(`cut vertically by ${el.scrollHeight - el.clientHeight}px: ${name(el)}`);
      if (hides(cs.overflowX) && el.scrollWidth > el.clientWidth + 1)
        problems.push(`cut horizontally by ${el.scrollWidth - el.clientWidth}px: ${name(el)}`);
    }
    const root = document.querySelector<HTMLElement>('[data-testid=presentation]')!;
    if (root.scrollWidth > root.clientWidth + 1)
      problems.push(`horizontal overflow ${root.scrollWidth - root.clientWidth}px`);
    // On a landscape screen the slide is one screen: nothing below the fold.
    if (innerWidth > 900 && root.scrollHeight > root.clientHeight + 1)
      problems.push(`slide taller than the screen by ${root.scrollHeight - root.clientHeight}px`);
    // Every piece of slide text lies inside the screen horizontally.
    for (const el of deck.querySelectorAll<HTMLElement>('h1, p, li, span, figcaption')) {
      if (el.closest('[data-testid=slide-map] .map')) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.left < -1 || r.right > innerWidth + 1))
        problems.push(
          `outside the screen (${Math.round(r.left)}–${Math.round(r.right)}): ${name(el)}`
        );
    }
    return problems;
  });
}

test('the presentation advances page by page with the keyboard and clicker keys', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage({ width: 1920, height: 1080 });
  await page.goto(`${baseURL}/presentation?territoires=38185,38111`);
  await expectSlide(page, 'Grenoble', '');
  await settle(page);
  const total = (await slideState(page)).position.split(' / ')[1];
  assert.ok(Number(total) >= 4, `${total} pages`);
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, 'Grenoble', /^— problèmes/, `2 / ${total}`);
  await page.keyboard.press('End');
  await expectSlide(page, 'Claix', /^— actions/, `${total} / ${total}`);
  // Past the end: stays on the last page.
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, 'Claix', /^— actions/, `${total} / ${total}`);
  await page.keyboard.press('Home');
  await expectSlide(page, 'Grenoble', '', `1 / ${total}`);
  await page.keyboard.press('PageDown');
  await expectSlide(page, 'Grenoble', /problèmes/, `2 / ${total}`);
  await page.keyboard.press('PageUp');
  await expectSlide(page, 'Grenoble', '', `1 / ${total}`);
  await page.keyboard.press('Space');
  await expectSlide(page, 'Grenoble', /problèmes/, `2 / ${total}`);
  // The overview carries three key figures with a source line.
  await page.keyboard.press('Home');
  await expectSlide(page, 'Grenoble', '');
  assert.equal(await page.locator('.figures li').count(), 3);
  assert.match((await page.locator('.figures .source').first().textContent()) ?? '', /Source :/);
  // A sub-bullet is introduced by its bullet as a heading, in full (never an italic clamped line).
  await page.goto(`${baseURL}/presentation?territoires=38111`);
  await expectSlide(page, 'Claix', '');
  await settle(page);
  const headings = await page.$$eval('[data-measure] .heading', (els) =>
    els.map((e) => e.textContent?.trim() ?? '')
  );
  for (const h of headings) assert.doesNotMatch(h, /…$/);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 }
]) {
  test(`no slide hides text at ${size.width}×${size.height}, every item is shown once (screenshots)`, async ({
    newPage,
    baseURL,
    screenshot
  }) => {
    const { page, context, errors } = await newPage(size);
    // tsx names the helper functions of page.evaluate with esbuild's __name: define it in the page.
    await page.addInitScript('window.__name = function (f) { return f; };');
    // A commune with a QPV (many items), one without, and a QPV.
    await page.goto(`${baseURL}/presentation?territoires=38185,38111,${grenobleQpv()}`);
    await expectSlide(page, 'Grenoble', '');
    const narrow = size.width <= 900;
    await settle(page, !narrow);
    // A narrow screen never splits a column: no hidden copy is drawn to measure one.
    assert.equal(await page.locator('[data-measure]').count(), narrow ? 0 : 1);
    // Every item of each territory and column, as the slide files give them.
    const expected: Record<string, string[]> = await page.evaluate(
      async (codes) => {
        const out: Record<string, string[]> = {};
        for (const code of codes) {
          const res = await fetch(`/presentation/diapositives/${code}.json`);
          const slide = (await res.json()) as Record<string, { text: string }[]>;
          for (const col of ['problems', 'actions'])
            out[`${code}|${col}`] = (slide[col] ?? []).map((it) => it.text.trim());
        }
        return out;
      },
      ['38185', '38111', grenobleQpv()]
    );
    assert.ok(
      Object.values(expected).some((texts) => texts.length > 3),
      'items to check'
    );
    const shown: Record<string, string[]> = {};
    const total = Number((await slideState(page)).position.split(' / ')[1]);
    for (let i = 1; i <= total; i++) {
      await page.waitForFunction(
        (p) => document.querySelector('[data-testid=slide-position]')?.textContent?.trim() === p,
        `${i} / ${total}`
      );
      const s = await slideState(page);
      const problems = await hiddenText(page);
      assert.deepEqual(problems, [], `page ${i} (${s.title} ${s.part})`);
      const where = await page.evaluate(() => {
        const deck = document.querySelector<HTMLElement>('[data-testid=slide-deck]')!;
        return deck.dataset.pageKind;
      });
      if (where === 'items') {
        const code = await page.getAttribute('[data-testid=slide-map]', 'data-territory');
        const col = /problèmes/.test(s.part) ? 'problems' : 'actions';
        const key = `${code}|${col}`;
        shown[key] = [
          ...(shown[key] ?? []),
          ...(await page.$$eval('[data-testid=slide-panel] li[data-item] .text', (els) =>
            els.map((e) => e.textContent?.trim() ?? '')
          ))
        ];
      }
      if (i <= 3 || s.part.includes('2/'))
        await screenshot(page, `presentation-${size.width}x${size.height}-${i}`);
      if (i < total) await page.keyboard.press('ArrowRight');
    }
    for (const [key, texts] of Object.entries(expected)) {
      if (texts.length === 0) continue;
      assert.deepEqual(shown[key], texts, `${key}: every item on exactly one page, in order`);
    }
    // Type scaled to the screen: at 1920×1080, body ≥ 28 px, figures ≥ 56 px, sources ≥ 18 px.
    if (size.width >= 1024) {
      await page.keyboard.press('Home');
      await expectSlide(page, 'Grenoble', '');
      const px = (sel: string) =>
        page.$eval(sel, (el) => parseFloat(getComputedStyle(el).fontSize));
      const scale = Math.min(size.width / 1920, size.height / 1080);
      const body = await px('.overview');
      const figure = await px('.figures .value');
      const source = await px('.figures .source');
      assert.ok(body >= Math.max(16, 28 * scale) - 0.5, `body ${body}px`);
      assert.ok(figure >= 56 * scale - 0.5, `figure ${figure}px`);
      assert.ok(source >= Math.max(13, 18 * scale) - 0.5, `source ${source}px`);
      await page.keyboard.press('ArrowRight');
      assert.ok((await px('[data-testid=slide-panel] ol')) >= Math.max(16, 28 * scale) - 0.5);
    } else {
      // Upright phone: one column; the counter, the third figure and the map are on screen.
      await page.keyboard.press('Home');
      await expectSlide(page, 'Grenoble', '');
      for (const sel of [
        '[data-testid=slide-position]',
        '.figures li:nth-child(3)',
        '[data-testid=slide-map]'
      ]) {
        const r = await page.$eval(sel, (el) => {
          const b = el.getBoundingClientRect();
          return { left: b.left, right: b.right, width: b.width };
        });
        assert.ok(
          r.width > 0 && r.left >= 0 && r.right <= size.width + 1,
          `${sel} ${JSON.stringify(r)}`
        );
      }
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('slide text meets WCAG AAA contrast (axe-core color-contrast-enhanced)', async ({
  browser,
  baseURL
}) => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'fr-FR',
    bypassCSP: true
  });
  const page = await context.newPage();
  const failures: string[] = [];
  for (const seq of ['38111', grenobleQpv()]) {
    await page.goto(`${baseURL}/presentation?territoires=${seq}`);
    await page.waitForSelector('[data-testid=slide-title]');
    await settle(page);
    await page.evaluate(AXE_SOURCE);
    for (let i = 0; i < 3; i++) {
      // With the room's notes open too (counts under the items, capture form).
      if (i === 2) await page.keyboard.press('n');
      const result = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                ctx: object,
                opts: object
              ) => Promise<{
                violations: { nodes: { target: unknown[]; failureSummary?: string }[] }[];
              }>;
            };
          }
        ).axe;
        return axe.run(
          { include: [['[data-testid=slide-deck]']], exclude: [['[data-testid=slide-map] .map']] },
          { runOnly: { type: 'rule', values: ['color-contrast-enhanced', 'color-contrast'] } }
        );
      });
      for (const v of result.violations)
        for (const n of v.nodes)
          failures.push(
            `${seq} page ${i + 1}: ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`
          );
      await page.keyboard.press('ArrowRight');
    }
  }
  assert.deepEqual(failures, []);
  await context.close();
});

test('focus never moves the map: Tab through a slide, the map keeps the slide territory', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage({ width: 1280, height: 800 });
  await page.goto(`${baseURL}/presentation?territoires=38111,38185`);
  await expectSlide(page, 'Claix', '');
  await waitForSvgMap(page, '[data-testid=slide-map] [data-testid=svg-map]');
  const framing = () =>
    page.evaluate(() => {
      const fig = document.querySelector<HTMLElement>('[data-testid=slide-map]');
      return {
        territory: fig?.dataset.territory,
        // What the SVG map frames.
        view: fig?.querySelector('svg[viewBox]')?.getAttribute('viewBox')
      };
    });
  const before = await framing();
  assert.equal(before.territory, '38111');
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const inMap = await page.evaluate(
      () => document.activeElement?.closest('[data-testid=slide-map]') !== null
    );
    assert.equal(inMap, false, `Tab ${i + 1} focused an element of the map`);
    assert.deepEqual(await framing(), before, `Tab ${i + 1} moved the map`);
  }
  // Still the Claix slide.
  await expectSlide(page, 'Claix', '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the room’s contributions: capture, counts, reload, export, re-import elsewhere, shown on the sheet', async ({
  newPage,
  baseURL,
  browser
}) => {
  const { page, context, errors } = await newPage({ width: 1280, height: 800 });
  await page.goto(`${baseURL}/presentation?territoires=38111`);
  await expectSlide(page, 'Claix', '');
  await page.click('[data-testid=toggle-capture]');
  await page.waitForSelector('[data-testid=capture-panel]');
  await page.fill('[data-testid=meeting-date]', '2026-03-12');
  await page.fill('[data-testid=meeting-place]', 'Claix, salle du conseil');
  await page.locator('[data-testid=meeting-place]').blur();
  await page.getByLabel('Idéal').check();
  await page.fill('[data-testid=capture-text]', 'Des logements pour les jeunes ; près des arrêts');
  await page.click('[data-testid=capture-add]');
  await page.getByLabel('Action').check();
  await page.selectOption('[data-testid=capture-theme]', '2');
  await page.fill('[data-testid=capture-text]', 'Un guichet unique des demandes');
  await page.click('[data-testid=capture-add]');
  assert.equal(await page.locator('[data-testid=captured-list] li').count(), 2);
  // Counts on an item shown.
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('[data-testid=slide-panel] [data-testid=vote-tally]');
  const pour = page.locator('[data-testid=slide-panel] [data-vote=pour]').first();
  await pour.click();
  await pour.click();
  await page.locator('[data-testid=slide-panel] [data-vote=debat]').first().click();
  // A reload (or a crash) keeps everything.
  await page.reload();
  await expectSlide(page, 'Claix', '');
  await page.keyboard.press('n');
  // The saved contributions are read after the page's first view.
  await page.waitForSelector('[data-testid=capture-panel][aria-busy=false]');
  assert.equal(await page.locator('[data-testid=captured-list] li').count(), 2);
  await page.keyboard.press('ArrowRight');
  assert.equal(
    await page.locator('[data-testid=slide-panel] [data-count=pour]').first().textContent(),
    '2'
  );
  // Export from the setup screen.
  await page.getByRole('button', { name: 'Configurer' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid=export-contributions]')
  ]);
  // Read now: the download's file goes with its context.
  const csv = readFileSync(await download.path(), 'utf8');
  const csvFile = {
    name: 'contributions.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8')
  };
  assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 with BOM');
  const base = readFileSync('data/workshop/propositions.csv', 'utf8').replace(/^\uFEFF/, '');
  assert.equal(
    csv.slice(1).split('\n')[0],
    `${base.split('\n')[0]};source;territoire`,
    'the base columns, then source and territoire'
  );
  assert.match(
    csv,
    // keywords and tag_note empty: the planners re-tag the row.
    /"Des logements pour les jeunes ; près des arrêts";tous;any;;;réunion du 12\/03\/2026, Claix, salle du conseil;38111/
  );
  assert.deepEqual(errors, []);
  await context.close();

  // Another browser (empty storage) imports the file: same items, on the commune's sheet with the date.
  const other = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'fr-FR'
  });
  const p2 = await other.newPage();
  const errors2: string[] = [];
  p2.on('pageerror', (e) => errors2.push(String(e)));
  await p2.goto(`${baseURL}/presentation`);
  await p2.waitForSelector(
    '[data-testid=contributions-manager][aria-busy=false] [data-testid=import-contributions]'
  );
  await p2.setInputFiles('[data-testid=import-contributions]', csvFile);
  await p2.waitForSelector('[data-testid=contributions-message]');
  assert.match(
    (await p2.textContent('[data-testid=contributions-message]')) ?? '',
    /2 contribution\(s\) importée\(s\)\./
  );
  // A bad file: French messages with line numbers, nothing imported.
  const bad = csv.replace('38111', 'Claix').replace(';tous;', ';partout;');
  await p2.setInputFiles('[data-testid=import-contributions]', {
    name: 'mauvais.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(bad, 'utf8')
  });
  await p2.waitForFunction(() =>
    /refusée/.test(document.querySelector('[data-testid=contributions-message]')?.textContent ?? '')
  );
  const messages = await p2.locator('[data-testid=contributions-message] li').allTextContents();
  assert.ok(
    messages.some((m) => /^Ligne 2, champ « (tags|territoire) »/.test(m)),
    messages.join('\n')
  );
  await p2.goto(`${baseURL}/commune/38111`);
  // The block reads the browser's store once scrolled near (a deferred island).
  await p2.locator('.meeting-slot').scrollIntoViewIfNeeded();
  const block = p2.locator('[data-testid=meeting-contributions]');
  await block.waitFor();
  const text = (await block.textContent()) ?? '';
  assert.match(text, /12\/03\/2026/);
  assert.match(text, /Des logements pour les jeunes ; près des arrêts/);
  assert.match(text, /Un guichet unique des demandes/);
  // On the map of `/` too, apart from the workshop's items: the name carries the count heard in
  // meeting, the commune's panel lists them with their date.
  await p2.goto(`${baseURL}/?vue=propositions&selection=38111`);
  await p2
    .locator('[data-testid="svg-map"] g.labels text[data-code="38111"]', {
      hasText: /\(\d+ \+ 2 en réunion\)$/
    })
    .waitFor({ timeout: 60_000 });
  const panel = p2.locator('[data-testid=territory-items] [data-testid=meeting-contributions]');
  await panel.waitFor();
  assert.match((await panel.textContent()) ?? '', /12\/03\/2026/);
  assert.deepEqual(errors2, []);
  await other.close();
});

test('the presenter view follows the projected window and drives it, both ways', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage({ width: 1280, height: 800 });
  await page.goto(`${baseURL}/presentation?territoires=38111,38185`);
  await expectSlide(page, 'Claix', '');
  await settle(page);
  const total = (await slideState(page)).position.split(' / ')[1];
  const presenter = await context.newPage();
  await presenter.goto(`${baseURL}/presentation/presentateur`);
  await presenter.waitForSelector('[data-testid=presenter-current]');
  const presenterPos = () =>
    presenter.textContent('[data-testid=presenter-position]').then((t) => t?.trim());
  assert.equal(await presenterPos(), `1 / ${total}`);
  assert.match(
    (await presenter.textContent('[data-testid=presenter-next-slide]')) ?? '',
    /Claix — problèmes/
  );
  // Projected → presenter.
  await page.keyboard.press('ArrowRight');
  await presenter.waitForFunction(
    (t) => document.querySelector('[data-testid=presenter-position]')?.textContent?.trim() === t,
    `2 / ${total}`
  );
  // Presenter → projected.
  await presenter.click('[data-testid=presenter-next]');
  await expectSlide(page, 'Claix', /actions/, `3 / ${total}`);
  await presenter.keyboard.press('ArrowLeft');
  await expectSlide(page, 'Claix', /problèmes/, `2 / ${total}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('offline: after a first load, the slides and the room’s notes work with the server stopped', async ({
  newPage,
  baseURL,
  server
}) => {
  const { page, context } = await newPage({ width: 1920, height: 1080 });
  await page.goto(`${baseURL}/presentation?territoires=38185,38111`);
  await expectSlide(page, 'Grenoble', '');
  // The page says when the service worker holds everything.
  await page.waitForSelector('[data-testid=offline-status][data-offline=ready]', {
    timeout: 30_000
  });
  await server.stop();
  await page.reload();
  await expectSlide(page, 'Grenoble', '');
  await page.keyboard.press('End');
  await expectSlide(page, 'Claix', /actions/);
  // Notes of the room, offline: saved and still there after a reload.
  await page.keyboard.press('n');
  await page.fill('[data-testid=capture-text]', 'Noté sans réseau');
  await page.click('[data-testid=capture-add]');
  await page.reload();
  await expectSlide(page, 'Grenoble', '');
  await page.keyboard.press('End');
  await page.keyboard.press('n');
  assert.match((await page.textContent('[data-testid=captured-list]')) ?? '', /Noté sans réseau/);
  // Another sequence, never loaded before, also works offline (same prerendered page).
  await page.goto(`${baseURL}/presentation?territoires=38229`);
  await expectSlide(page, 'Meylan', '');
  // The presenter view too.
  const presenter = await context.newPage();
  await presenter.goto(`${baseURL}/presentation/presentateur`);
  await presenter.waitForSelector('[data-testid=presenter-current]');
  await server.start();
  await context.close();
});

test('the setup screen has the site header and a way back', async ({ newPage, baseURL }) => {
  const { page, context, errors } = await newPage({ width: 390, height: 844 });
  await page.goto(`${baseURL}/presentation?territoires=38185,99999x`);
  await page.waitForSelector('[data-testid=slide-title]');
  await page.getByRole('button', { name: 'Configurer' }).click();
  await page.waitForSelector('[data-testid=presentation-setup]');
  assert.ok(await page.locator('header').first().isVisible(), 'site header');
  assert.ok(await page.getByRole('link', { name: /Retour à l'atlas/ }).isVisible());
  assert.ok(await page.getByRole('button', { name: 'Revenir à la présentation' }).isVisible());
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  );
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a slide file that breaks its contract: the setup screen names it in French, a retry opens the slides', async ({
  newPage,
  baseURL
}) => {
  const { page, context } = await newPage({ width: 1280, height: 800 });
  const file = '**/presentation/diapositives/38185.json';
  await page.route(file, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"code":"38185"}' })
  );
  await page.goto(`${baseURL}/presentation?territoires=38185,38111`);
  const alert = page.locator('[data-testid=slides-error]');
  await alert.waitFor();
  assert.match(
    await alert.innerText(),
    /^Les diapositives n’ont pas pu être chargées\. Fichier \S*\/presentation\/diapositives\/38185\.json, champ « kind » : /
  );
  // The sequence is kept in the setup screen, and no slide is shown half-loaded.
  assert.match(await page.locator('[data-testid=presentation-setup]').innerText(), /Claix/);
  assert.equal(await page.locator('[data-testid=slide-title]').count(), 0);
  await assertNoEnglishError(page);
  await page.unroute(file);
  await page.click('[data-testid=setup-start]');
  await expectSlide(page, 'Grenoble', '', undefined);
  assert.equal(await alert.count(), 0);
  await context.close();
});

test('a new sequence that fails to load never presents the previous one’s slides, in either window', async ({
  newPage,
  baseURL,
  screenshot
}) => {
  // No service worker: once its offline cache is complete it would serve the slide file that
  // the test makes unreachable.
  const { page, context } = await newPage({ serviceWorkers: 'block' });
  await page.goto(`${baseURL}/presentation?territoires=38185,38111`);
  await expectSlide(page, 'Grenoble', '', undefined);
  // The presenter view is open beside it, showing Grenoble.
  const presenter = await context.newPage();
  await presenter.goto(`${baseURL}/presentation/presentateur`);
  await presenter.locator('[data-testid=presenter-current]', { hasText: 'Grenoble' }).waitFor();
  // The presenter adds a commune whose slide file cannot be fetched (network cut).
  const file = '**/presentation/diapositives/38057.json';
  await page.route(file, (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: 'Configurer' }).click();
  await page.selectOption('[data-testid=setup-add]', '38057');
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.click('[data-testid=setup-start]');
  const alert = page.locator('[data-testid=slides-error]');
  await alert.waitFor();
  assert.match(page.url(), /territoires=38185,38111,38057$/);
  assert.match(
    await alert.innerText(),
    /^Les diapositives n’ont pas pu être chargées\. Fichier \S*\/presentation\/diapositives\/38057\.json : inaccessible par le réseau ; vérifiez la connexion puis rechargez la page$/
  );
  await assertNoEnglishError(page);
  // Grenoble and Claix are still in memory, but they are not the sequence asked for: no way
  // back to them as « the presentation », no slide on screen, arrow keys do not bring one.
  assert.equal(await page.getByRole('button', { name: 'Revenir à la présentation' }).count(), 0);
  assert.equal(await page.locator('[data-testid=slide-title]').count(), 0);
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('[data-testid=slide-title]').count(), 0);
  assert.match(await page.locator('[data-testid=presentation-setup]').innerText(), /Claix/);
  // The presenter view is told, in the same words, and shows no slide either.
  const presenterError = presenter.locator('[data-testid=presenter-error]');
  await presenterError.waitFor();
  assert.equal(await presenterError.innerText(), await alert.innerText());
  assert.equal(await presenter.locator('[data-testid=presenter-current]').count(), 0);
  await assertNoEnglishError(presenter);
  await screenshot(presenter, 'presenter-load-error-1280');
  // A presenter view opened now learns it too.
  const late = await context.newPage();
  await late.goto(`${baseURL}/presentation/presentateur`);
  assert.equal(
    await late.locator('[data-testid=presenter-error]').innerText(),
    await alert.innerText()
  );
  await late.close();
  // Once the file can be fetched, the retry presents the whole new sequence, in both windows.
  await page.unroute(file);
  await page.click('[data-testid=setup-start]');
  await expectSlide(page, 'Grenoble', '', undefined);
  assert.equal(await alert.count(), 0);
  await presenter.locator('[data-testid=presenter-current]', { hasText: 'Grenoble' }).waitFor();
  assert.equal(await presenterError.count(), 0);
  assert.match(await presenter.innerText('[data-testid=presenter-position]'), /^1 \/ \d+$/);
  await context.close();
});

test('with no territory, the setup screen builds the sequence and starts it', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage({ width: 1280, height: 800 });
  await page.goto(`${baseURL}/presentation?territoires=38185,99999x`);
  await page.waitForSelector('[data-testid=slide-title]');
  // An invalid token is ignored; open the setup to see it and extend the sequence.
  await page.getByRole('button', { name: 'Configurer' }).click();
  await page.waitForSelector('[data-testid=presentation-setup]');
  assert.match(await page.locator('[data-testid=presentation-setup]').innerText(), /99999X/i);
  await page.selectOption('[data-testid=setup-add]', '38111');
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.getByRole('button', { name: 'Monter Claix' }).click();
  await page.click('[data-testid=setup-start]');
  await page.waitForURL(/territoires=38111,38185$/);
  await expectSlide(page, 'Claix', '', undefined);
  await page.keyboard.press('End');
  await expectSlide(page, 'Grenoble');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the printable atlas prints a table of contents then one A4 page per commune', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage();
  await page.goto(`${baseURL}/atlas`);
  const sheets = await page.locator('[data-testid=atlas] article.sheet').count();
  assert.ok(sheets >= 2, `${sheets} sheets`);
  assert.equal(await page.locator('.toc li').count(), sheets);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, sheets + 1, `${pages} PDF pages for ${sheets} communes + contents`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without WebGL: commune and QPV slides draw their SVG map with names and legend, no MapLibre', async ({
  baseURL
}) => {
  const file = indicatorsFileSchema.parse(
    JSON.parse(readFileSync('build/data/indicators.json', 'utf8'))
  );
  const drawn = new Set(
    svgOverviewSchema
      .parse(JSON.parse(readFileSync('build/geo/svg-overview.json', 'utf8')))
      .qpv.map((q) => q.code)
  );
  // A QPV whose perimeter is drawn, read from the build (codes change with the vintages).
  const q = file.qpv.find((x) => drawn.has(x.code));
  assert.ok(q);
  const browser = await launchChromium({ webgl: false });
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const SLIDE_SVG = '[data-testid=slide-map] [data-testid=svg-map]';
    for (const [code, nom] of [
      ['38185', 'Grenoble'],
      [q.code, q.nom]
    ] as const) {
      await page.goto(`${baseURL}/presentation?territoires=${code}`);
      await expectSlide(page, nom);
      const map = await waitForSvgMap(page, SLIDE_SVG);
      assert.ok(map.names.length >= 2, `${nom}: ${map.names.length} names on the slide map`);
      if (code === '38185') assert.ok(map.names.includes('Grenoble'));
      else {
        const emphasis = page.locator(`${SLIDE_SVG} .qpv path.emphasis`);
        assert.equal(await emphasis.count(), 1, `${nom}: its perimeter is not emphasised`);
      }
      await assertSvgMapPainted(page, SLIDE_SVG);
      assert.equal(await page.getAttribute('[data-testid=slide-map]', 'data-territory'), code);
      assert.match((await page.getByTestId('slide-legend').textContent()) ?? '', /QPV/);
      // Inert: no link to follow from the projected map.
      assert.equal(await page.locator(`${SLIDE_SVG} a[href]`).count(), 0);
      assert.equal(await page.locator('canvas.maplibregl-canvas').count(), 0);
      await assertNoEnglishError(page);
    }
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await browser.close();
  }
});
