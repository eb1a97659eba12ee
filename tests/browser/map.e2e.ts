/**
 * Journeys of the map explorer `/`: the map really renders, a click opens a sheet, the table
 * sorts and syncs with the map, the URL restores the view, keyboard access, no outside request,
 * the online basemap failing discreetly, and no serious axe-core finding.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { launchChromium, openUnhydrated, test, withOwnBrowser } from './harness';
import {
  assertNoEnglishError,
  assertSvgMapPainted,
  elementColours,
  overlappingNames,
  svgPointToScreen,
  waitForSvgMap
} from './svg-map';
import { svgOverviewSchema } from '../../src/lib/schemas/svg-map';
import { STOP_MODE_LABELS } from '../../src/lib/map/layer-colors';

const overview = () =>
  svgOverviewSchema.parse(JSON.parse(readFileSync('build/geo/svg-overview.json', 'utf8')));

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      ['idle', 'error'].includes(
        document.querySelector('[data-testid="atlas-map"]')?.getAttribute('data-state') ?? ''
      ),
    undefined,
    { timeout: 30_000 }
  );
  const state = await page.getAttribute('[data-testid="atlas-map"]', 'data-state');
  assert.equal(state, 'idle', 'the map reached its idle state');
}

/** Mixes a colour with white at the fill opacity, as the canvas shows it over the background. */
function over(hex: string, opacity: number, bg = '#eef0ec'): [number, number, number] {
  const c = (s: string, i: number) => parseInt(s.slice(1 + 2 * i, 3 + 2 * i), 16);
  return [0, 1, 2].map((i) => Math.round(c(hex, i) * opacity + c(bg, i) * (1 - opacity))) as [
    number,
    number,
    number
  ];
}

function near(colours: Map<string, number>, rgb: [number, number, number], tolerance = 6): number {
  let n = 0;
  for (const [hex, count] of colours) {
    const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    if (c.every((v, i) => Math.abs(v - rgb[i]!) <= tolerance)) n += count;
  }
  return n;
}

/**
 * Changes to the zoom button (text, `disabled`) during `ms`: a map that keeps asking for MapLibre
 * after a refusal toggles it for ever (« Chargement… » then back), spinning the CPU.
 */
async function zoomButtonChanges(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (wait) =>
      new Promise<number>((done) => {
        const button = document.querySelector('[data-testid="map-explore"]');
        if (!button) return done(-1);
        let n = 0;
        const observer = new MutationObserver((records) => (n += records.length));
        observer.observe(button, {
          attributes: true,
          characterData: true,
          childList: true,
          subtree: true
        });
        setTimeout(() => {
          observer.disconnect();
          done(n);
        }, wait);
      }),
    ms
  );
}

test('the SVG choropleth really renders its class colours', async ({ newPage, baseURL }) => {
  const { page, context, errors } = await newPage();
  // Labels off, so that only the fills cover the communes.
  await page.goto(`${baseURL}/?couches=`);
  await waitForSvgMap(page);
  const colours = await elementColours(page, '[data-testid="svg-map"] svg');
  const total = [...colours.values()].reduce((a, b) => a + b, 0);
  // Default palette « bleus », 5 classes, at the SVG's 0.9 fill opacity.
  const darkest = near(colours, over('#084594', 0.9));
  const lightest = near(colours, over('#eff3ff', 0.9));
  const notSubject = near(colours, over('#ffffff', 0.9));
  assert.ok(darkest > total * 0.002, `darkest class drawn (${darkest} px of ${total})`);
  assert.ok(lightest > total * 0.002, `lightest class drawn (${lightest} px)`);
  assert.ok(
    notSubject > total * 0.01,
    `communes not subject to SRU drawn white (${notSubject} px)`
  );
  // The legend states the method and the no-data entry.
  const legend = (await page.textContent('[data-testid="legend"]')) ?? '';
  assert.match(legend, /Quantiles/);
  assert.match(legend, /Non soumise à la loi SRU \(\d+\)/);
  // No context layer drawn, none cited.
  assert.equal(await page.getByTestId('legend-context-source').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('clicking a commune on the map opens its sheet', async ({ newPage, baseURL }) => {
  const { page, context } = await newPage();
  await page.goto(`${baseURL}/?couches=`);
  await waitForSvgMap(page);
  const grenoble = overview().communes.find((c) => c.code === '38185');
  assert.ok(grenoble);
  const p = await svgPointToScreen(page, grenoble.anchor);
  await page.mouse.move(p.x, p.y);
  const tooltip = page.locator('[data-testid="svg-map-tooltip"]');
  await tooltip.waitFor();
  assert.match((await tooltip.textContent()) ?? '', /Grenoble/);
  await page.mouse.click(p.x, p.y);
  await page.waitForURL(/\/commune\/38185$/);
  await context.close();
});

test('at 1280×800 all 49 communes are named on the map, no two names overlapping', async ({
  newPage,
  baseURL
}) => {
  const { page, context } = await newPage();
  await page.goto(`${baseURL}/`);
  const drawn = await waitForSvgMap(page);
  assert.equal(drawn.territories, 49);
  const names = new Set(overview().communes.map((c) => c.nom));
  assert.deepEqual(new Set(drawn.names), names);
  const { count, overlaps } = await overlappingNames(page);
  assert.equal(count, 49);
  assert.deepEqual(overlaps, []);
  // And at 390×844, the names that fit, without overlap either; all of them in full screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForFunction(
    () =>
      Number(document.querySelector('[data-testid="svg-map"]')?.getAttribute('data-labels')) < 49
  );
  const phone = await overlappingNames(page);
  assert.ok(phone.count >= 15, `${phone.count} names at 390×844`);
  assert.deepEqual(phone.overlaps, []);
  await page.click('[data-testid="map-fullscreen"]');
  await page.waitForFunction(
    () =>
      Number(document.querySelector('[data-testid="svg-map"]')?.getAttribute('data-labels')) === 49
  );
  assert.deepEqual((await overlappingNames(page)).overlaps, []);
  await context.close();
});

test('the page and its names are set in the bundled face, from the site itself; the labels worker loads the same file', async ({
  newPage,
  baseURL
}) => {
  // The preload comes first in the head, before the page's module preloads (fonts/head.ts).
  const html = await (await fetch(`${baseURL}/`)).text();
  const fontAt = html.indexOf('<link rel="preload" as="font"');
  assert.ok(fontAt > 0 && fontAt < html.indexOf('rel="modulepreload"'), 'font preload first');
  assert.ok(fontAt < html.indexOf('<meta name="viewport"'), 'font preload right after the charset');
  const { page, context } = await newPage();
  const requested: string[] = [];
  // Dedicated workers' requests are the page's too.
  context.on('request', (r) => requested.push(r.url()));
  await page.goto(`${baseURL}/`);
  await waitForSvgMap(page);
  const faces = await page.evaluate(async () => {
    await document.fonts.ready;
    const name = document.querySelector('[data-testid="svg-map"] g.labels text');
    return {
      regular: document.fonts.check("16px 'Source Sans 3'"),
      bold: document.fonts.check("700 16px 'Source Sans 3'"),
      loaded: [...document.fonts]
        .filter((f) => f.status === 'loaded')
        .map((f) => `${f.family} ${f.weight}`)
        .sort(),
      body: getComputedStyle(document.body).fontFamily,
      name: name ? getComputedStyle(name).fontFamily : null
    };
  });
  assert.ok(faces.regular && faces.bold, JSON.stringify(faces));
  assert.deepEqual(faces.loaded, ['Source Sans 3 200 900']);
  assert.match(faces.body, /^"Source Sans 3", system-ui/);
  assert.match(faces.name ?? '', /^"Source Sans 3", system-ui/);
  assert.deepEqual(
    requested.filter((u) => !u.startsWith(baseURL)),
    [],
    'every request stays on the site'
  );
  // The preload, then the worker's own load of the same URL: no second copy of the file.
  const fonts = requested.filter((u) => /\.woff2$/.test(u));
  assert.equal(new Set(fonts).size, 1, fonts.join('\n'));
  assert.match(
    fonts[0] ?? '',
    /\/_app\/immutable\/assets\/source-sans-3-latin-wght-normal\.[\w-]+\.woff2$/
  );
  assert.ok(fonts.length >= 2, `the worker loaded the face too: ${fonts.length} requests`);
  await context.close();
});

test('in full screen on a 1024×600 projector, all 49 names and the communes keep clear of the legend', async ({
  newPage,
  baseURL
}) => {
  const { page, context } = await newPage({ width: 1024, height: 600 });
  await page.goto(`${baseURL}/?vue=propositions`);
  await waitForSvgMap(page);
  await page.click('[data-testid="map-fullscreen"]');
  const clear = async () => {
    const [legend, communes] = await page.evaluate(() =>
      ['[data-testid="explorer-map"] .legend-box', '[data-testid="svg-map"] svg .communes'].map(
        (selector) => {
          const r = document.querySelector(selector)!.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }
      )
    );
    return {
      names: await page.locator('[data-testid="svg-map"] g.labels text').count(),
      underLegend: await namesUnder(page, legend!),
      communesLeft: communes!.left,
      legendRight: legend!.right
    };
  };
  let now = await clear();
  for (let i = 0; i < 50 && (now.names !== 49 || now.underLegend.length > 0); i++) {
    await page.waitForTimeout(100);
    now = await clear();
  }
  assert.equal(now.names, 49);
  assert.deepEqual(now.underLegend, []);
  assert.ok(now.communesLeft >= now.legendRight - 1, JSON.stringify(now));
  await context.close();
});

test('the full-screen map is a modal layer: no page scrollbar, Tab stays in the map, Escape leaves', async ({
  baseURL
}) => {
  await withClassicScrollbars(`${baseURL}/`, { width: 1280, height: 800 }, async (page) => {
    await waitForSvgMap(page);
    const button = page.locator('[data-testid="map-fullscreen"]');
    const scrollbar = () =>
      page.evaluate(() => window.innerWidth - document.documentElement.clientWidth);
    await button.click();
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    // The page under the map neither scrolls nor shows its scrollbar at the screen's edge.
    assert.equal(await scrollbar(), 0);
    // The header's links, the table and the footer are out of the tab order: Tab walks the
    // map's own controls only.
    assert.ok(
      await page.evaluate(() => document.querySelector('header a')?.closest('[inert]') != null),
      'the header is inert'
    );
    const outside: string[] = [];
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        return el.closest('[data-testid="explorer-map"]') ? null : el.outerHTML.slice(0, 80);
      });
      if (where) outside.push(where);
    }
    assert.deepEqual(outside, []);
    // Escape leaves full screen and gives the page back as it was.
    await page.keyboard.press('Escape');
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
    assert.equal(await page.locator('[inert]').count(), 0);
    assert.ok((await scrollbar()) >= 15, 'the page scrolls again');
  });
});

/** The map's names that overlap `box` (a client rectangle: the legend, say). */
function namesUnder(
  page: Page,
  box: { left: number; right: number; top: number; bottom: number }
): Promise<string[]> {
  return page.$$eval(
    '[data-testid="svg-map"] g.labels text',
    (texts, b) =>
      texts
        .filter((t) => {
          const r = t.getBoundingClientRect();
          return r.right > b.left && r.left < b.right && r.bottom > b.top && r.top < b.bottom;
        })
        .map((t) => t.textContent ?? ''),
    box
  );
}

/** Records every change of the map's viewBox from the first byte on, a passing one included. */
const WATCH_VIEWBOX = `window.__viewBoxChanges = [];
  new MutationObserver((records) => {
    for (const r of records)
      if (r.target.closest('[data-testid="svg-map"]'))
        window.__viewBoxChanges.push(r.target.getAttribute('viewBox'));
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['viewBox'] });`;

/** The hydrated `/` (opened with WATCH_VIEWBOX) kept the prerendered map's viewBox throughout. */
async function assertKeepsPrerenderedFrame(page: Page, baseURL: string): Promise<void> {
  const html = await (await fetch(`${baseURL}/`)).text();
  const prerendered = /data-testid="svg-map"[^]*?<svg[^>]*\sviewBox="([^"]+)"/.exec(html)?.[1];
  assert.ok(prerendered, 'the prerendered page holds the SVG map and its viewBox');
  await waitForSvgMap(page);
  const hydrated = await page.$eval('[data-testid="svg-map"] svg', (svg) =>
    svg.getAttribute('viewBox')
  );
  assert.equal(hydrated, prerendered, 'ExplorerMap.PRERENDER_SIZE is the 1280×800 layout');
  assert.deepEqual(
    await page.evaluate(
      () => (window as unknown as { __viewBoxChanges: string[] }).__viewBoxChanges
    ),
    []
  );
}

test('at 1280×800 the hydrated map keeps its prerendered frame: no jump, no second drawing', async ({
  newPage,
  baseURL
}) => {
  const { page, context } = await newPage();
  await page.addInitScript({ content: WATCH_VIEWBOX });
  await page.goto(`${baseURL}/`);
  await assertKeepsPrerenderedFrame(page, baseURL);
  await context.close();
});

test('at 1280×800 with a classic scrollbar too, the map keeps its prerendered frame: the table gives up the width', async ({
  baseURL
}) => {
  await withClassicScrollbars(
    `${baseURL}/`,
    { width: 1280, height: 800 },
    (page) => assertKeepsPrerenderedFrame(page, baseURL),
    { initScript: WATCH_VIEWBOX }
  );
});

/**
 * Opens `url` at `viewport` in a browser of its own with classic scrollbars (launchChromium), as
 * on a Windows or Linux desktop where the page's scrollbar takes its width from the layout; `fn`
 * gets the page once its islands have hydrated (`initScript` runs before the page's own). The
 * browser is closed whatever happens.
 */
async function withClassicScrollbars(
  url: string,
  viewport: { width: number; height: number },
  fn: (page: Page) => Promise<void>,
  {
    initScript,
    defaultFontPx
  }: {
    initScript?: string;
    /** The browser's default font size (its « font size » setting), px; 16 unless given. */
    defaultFontPx?: number;
  } = {}
): Promise<void> {
  const browser = await launchChromium({ scrollbars: true });
  try {
    const context = await browser.newContext({ viewport, locale: 'fr-FR' });
    const page = await context.newPage();
    if (initScript) await page.addInitScript({ content: initScript });
    if (defaultFontPx) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.enable');
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: defaultFontPx } });
    }
    await page.goto(url);
    // Framed for this window once hydrated (the prerendered frame is the 1280×800 one).
    await page.waitForFunction(() => document.documentElement.dataset.islands === 'hydrated');
    const scrollbar = await page.evaluate(
      () => window.innerWidth - document.documentElement.clientWidth
    );
    assert.ok(scrollbar >= 15, `a classic scrollbar (${scrollbar} px)`);
    await fn(page);
  } finally {
    await browser.close();
  }
}

/** Each element's box on screen, in the order of `selectors` (each must match one). */
function rectsOf(page: Page, selectors: readonly string[]) {
  return page.evaluate(
    (list) =>
      list.map((selector) => {
        const r = document.querySelector(selector)!.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
      }),
    [...selectors]
  );
}

// Beside the table, the map's legend floats over its left side as long as the panel leaves the
// communes room (ExplorerMap's NARROW_PANEL_REM): from the narrowest two-column window (901 px)
// up, with a desktop's classic scrollbar, which takes its 15 px from that room (from the table's,
// once it has more than its 20rem).
// With a larger default font (a browser set to « large », 20 px) the layout scales as a whole: the
// two columns from 1126 px (56.25em), the legend 21rem wide, the map's column 40.125rem at most
// before the table grows.
for (const { width, minNames, fontPx } of [
  { width: 905, minNames: 30, fontPx: 16 },
  { width: 960, minNames: 35, fontPx: 16 },
  { width: 1024, minNames: 40, fontPx: 16 },
  { width: 1100, minNames: 40, fontPx: 16 },
  { width: 1280, minNames: 49, fontPx: 16 },
  { width: 1126, minNames: 30, fontPx: 20 },
  { width: 1280, minNames: 40, fontPx: 20 }
] as const) {
  test(`at ${width}×800${fontPx === 16 ? '' : ` with a ${fontPx} px default font`}, beside the table and a classic scrollbar, the legend floats beside the communes and the map names ${minNames}+ of them`, async ({
    baseURL
  }) => {
    await withClassicScrollbars(
      `${baseURL}/`,
      { width, height: 800 },
      async (page) => {
        // Beside the table.
        const [map, side] = await rectsOf(page, [
          '[data-testid="explorer-map"]',
          '[data-testid="communes-table"]'
        ]);
        assert.ok(
          side!.left > map!.left + 300,
          `table at ${side!.left} beside the map at ${map!.left}`
        );
        const drawn = await waitForSvgMap(page);
        assert.equal(drawn.territories, 49);
        const [stage, legend, communes] = await rectsOf(page, [
          '[data-testid="explorer-map"] .stage',
          '[data-testid="explorer-map"] .legend-box',
          '[data-testid="svg-map"] svg .communes'
        ]);
        assert.ok(stage && legend && communes);
        // The communes are drawn inside the visible map, not pushed off its side by the legend.
        assert.ok(communes.right - communes.left > 120, `communes ${JSON.stringify(communes)}`);
        assert.ok(
          communes.left >= stage.left - 1 && communes.right <= stage.right + 1,
          `communes ${JSON.stringify(communes)} inside the map ${JSON.stringify(stage)}`
        );
        // The legend floats on the map's left, the communes are framed to its right, and the map
        // is large enough to name most of them, none under the legend.
        assert.ok(legend.right <= communes.left + 1, `legend ${JSON.stringify(legend)}`);
        assert.ok(legend.top >= stage.top && legend.bottom <= stage.bottom + 1);
        const names = await page.locator('[data-testid="svg-map"] g.labels text').count();
        assert.ok(names >= minNames, `${names} names at ${width} px`);
        assert.deepEqual(await namesUnder(page, legend), [], 'no name under the legend');
        // No name hangs across the map: its leader line spans at most 40 % of the names' spread
        // (maxLeaderFor), itself within the drawn territory.
        const longest = await page.$$eval('[data-testid="svg-map"] g.labels line.leader', (ls) =>
          Math.max(
            0,
            ...ls.map((l) => {
              const r = l.getBoundingClientRect();
              return Math.hypot(r.width, r.height);
            })
          )
        );
        const spread = Math.max(communes.right - communes.left, communes.bottom - communes.top);
        assert.ok(longest <= 0.4 * spread + 3, `a leader line of ${longest} px (${spread} px map)`);
      },
      { defaultFontPx: fontPx }
    );
  });
}

test('with a 20 px default font, at 1024×768 the explorer is one column: the map takes the width, the table comes under it', async ({
  baseURL
}) => {
  await withClassicScrollbars(
    `${baseURL}/`,
    { width: 1024, height: 768 },
    async (page) => {
      const drawn = await waitForSvgMap(page);
      assert.equal(drawn.territories, 49);
      const [map, table] = await rectsOf(page, [
        '[data-testid="explorer-map"]',
        '[data-testid="communes-table"]'
      ]);
      // Not a 450 px column beside a 400 px (20rem) table.
      assert.ok(map!.width > 900, `map ${JSON.stringify(map)}`);
      assert.ok(table!.top >= map!.bottom, `table ${JSON.stringify(table)} under the map`);
      const names = await page.locator('[data-testid="svg-map"] g.labels text').count();
      assert.ok(names >= 15, `${names} names`);
    },
    { defaultFontPx: 20 }
  );
});

test('in a short window the floating legend stays under the map buttons and scrolls, as a tab stop', async ({
  baseURL
}) => {
  // A projector's 1024×768 under the browser's bars (narrower still, with a classic scrollbar in
  // the page and in the legend), with the longer legend (propositions).
  await withClassicScrollbars(
    `${baseURL}/?vue=propositions`,
    { width: 960, height: 600 },
    shortWindowLegend
  );
});

async function shortWindowLegend(page: Page): Promise<void> {
  await waitForSvgMap(page);
  const legend = page.locator('[data-testid="explorer-map"] .legend-box');
  const state = () =>
    page.evaluate(() => {
      // (No named function inside: the test runner's transform would rename it.)
      const [tools, box] = [
        '[data-testid="explorer-map"] .tools',
        '[data-testid="explorer-map"] .legend-box'
      ].map((selector) => {
        const r = document.querySelector(selector)!.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      });
      const el = document.querySelector('[data-testid="explorer-map"] .legend-box')!;
      return {
        tools: tools!,
        box: box!,
        text: el.textContent ?? '',
        scrollHeight: el.scrollHeight,
        clientHeight: el.clientHeight,
        tabindex: el.getAttribute('tabindex'),
        role: el.getAttribute('role')
      };
    });
  // Once the view of the link applies (its longer legend) and the legend is measured: its
  // attributes follow its measured size, a frame later.
  const settled = (s: Awaited<ReturnType<typeof state>>) =>
    s.text.includes('Seuils naturels') && s.tabindex === '0' && s.box.top >= s.tools.bottom;
  let now = await state();
  for (let i = 0; i < 50 && !settled(now); i++) {
    await page.waitForTimeout(100);
    now = await state();
  }
  const { tools, box } = now;
  assert.ok(now.text.includes('Seuils naturels'), now.text);
  assert.ok(
    box.top >= tools.bottom,
    `legend ${JSON.stringify(box)} under ${JSON.stringify(tools)}`
  );
  // It holds more than it shows: a region keyboard users can reach and scroll.
  assert.ok(now.scrollHeight > now.clientHeight, `${now.scrollHeight} > ${now.clientHeight}`);
  assert.equal(now.tabindex, '0');
  assert.equal(now.role, 'region');
  // It takes the focus (its keys then scroll it: the browser's own behaviour for a focused
  // scroller; pressing End was checked here, but intermittently did not scroll under a full run).
  await legend.focus();
  assert.ok(await legend.evaluate((el) => el === document.activeElement), 'the legend has focus');
  // The names keep clear of it (placed again once the view of the link applies).
  const under = () => namesUnder(page, box);
  for (let i = 0; i < 50 && (await under()).length > 0; i++) await page.waitForTimeout(100);
  assert.deepEqual(await under(), []);
  assert.ok((await page.locator('[data-testid="svg-map"] g.labels text').count()) >= 30);
}

test('the table sorts, with aria-sort, and no-data rows stay last', async ({
  newPage,
  baseURL
}) => {
  const { page, context } = await newPage();
  await page.goto(`${baseURL}/`);
  const firstNames = () =>
    page.$$eval('[data-testid="communes-table"] tbody th', (ths) =>
      ths.map((th) => th.textContent?.trim() ?? '')
    );
  await page.click('button[data-sort="population"]');
  assert.equal(
    await page.getAttribute('th:has(button[data-sort="population"])', 'aria-sort'),
    'descending'
  );
  assert.equal((await firstNames())[0], 'Grenoble');
  await page.click('button[data-sort="population"]');
  assert.equal(
    await page.getAttribute('th:has(button[data-sort="population"])', 'aria-sort'),
    'ascending'
  );
  assert.notEqual((await firstNames())[0], 'Grenoble');
  // SRU rate (the map's column, right after the name): communes not subject come last in both
  // directions.
  await page.click('button[data-sort="value"]');
  for (let i = 0; i < 2; i++) {
    const cells = await page.$$eval(
      '[data-testid="communes-table"] tbody tr > td:nth-child(2)',
      (tds) => tds.map((td) => td.textContent?.trim() ?? '')
    );
    const firstMissing = cells.findIndex((t) => t === 'non soumise');
    assert.ok(firstMissing > 0, 'some communes are not subject to SRU');
    assert.ok(cells.slice(firstMissing).every((t) => t === 'non soumise'));
    await page.click('button[data-sort="value"]');
  }
  await context.close();
});

test('the table shows several columns, picked by the user, sticky names, compact estimates', async ({
  newPage,
  baseURL,
  screenshot
}) => {
  const { page, context, errors } = await newPage();
  await page.goto(`${baseURL}/?indicateur=sru_lls_manquants`);
  await waitForSvgMap(page);
  const headers = () =>
    page.$$eval('[data-testid="communes-table"] thead button[data-sort]', (bs) =>
      bs.map((b) => b.getAttribute('data-sort'))
    );
  // The SRU picture by default: deficit (the map's), rate, target, gap in points, status.
  assert.deepEqual(await headers(), [
    'nom',
    'value',
    'sru_taux_lls',
    'sru_taux_cible',
    'sru_ecart_cible_points',
    'statut_sru',
    'population'
  ]);
  // « ≈ 291 (288–295) » on one line; a compliant commune says so, apart from the deficits.
  const deficits = await page.$$eval(
    '[data-testid="communes-table"] tbody tr > td:nth-child(2)',
    (tds) =>
      tds.map((td) => ({
        text: td.textContent?.trim() ?? '',
        // Kept on one line (no wrap allowed) and nothing cut.
        oneLine: getComputedStyle(td).whiteSpace === 'nowrap' && td.scrollWidth <= td.clientWidth
      }))
  );
  assert.ok(
    deficits.some((d) => /^≈\s\d+ \(\d+–\d+\)$/.test(d.text)),
    deficits[0]?.text
  );
  assert.ok(deficits.some((d) => d.text === '0 (objectif atteint)'));
  assert.deepEqual(
    deficits.filter((d) => !d.oneLine).map((d) => d.text),
    [],
    'no deficit cell wraps over several lines'
  );
  const legend = (await page.textContent('[data-testid="legend"]')) ?? '';
  assert.match(legend, /Objectif atteint \(0\)/);
  // Sort by SRU status: « carencée » first, then « déficitaire ».
  await page.click('button[data-sort="statut_sru"]');
  const statuses = await page.$$eval('[data-testid="communes-table"] tbody tr > td.status', (tds) =>
    tds.map((td) => td.textContent?.trim() ?? '')
  );
  const order = ['carencée', 'déficitaire', 'atteint son objectif', 'exemptée', 'non soumise'];
  const ranks = statuses.map((t) => order.indexOf(t));
  assert.ok(
    ranks.every((r, i) => r >= 0 && (i === 0 || r >= ranks[i - 1]!)),
    statuses.join(', ')
  );
  // Pick a column: it joins the table and the URL, and survives a reload.
  await page.click('[data-testid="table-columns"] summary');
  await page.check('input[data-column="taux_pauvrete"]');
  await page.waitForURL(/tableau=/);
  assert.ok((await headers()).includes('taux_pauvrete'));
  await page.reload();
  await waitForSvgMap(page);
  assert.ok((await headers()).includes('taux_pauvrete'));
  // The names stay in view when the figures scroll sideways.
  const wrap = page.locator('[data-testid="communes-table"]').locator('xpath=..');
  await wrap.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  const nameBox = await page
    .locator('[data-testid="communes-table"] tbody th')
    .first()
    .boundingBox();
  const wrapBox = await wrap.boundingBox();
  assert.ok(nameBox && wrapBox && Math.abs(nameBox.x - wrapBox.x) < 2, 'sticky first column');
  await screenshot(page, 'table-columns-1280');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the URL keeps the indicator, classification, layers and selection across a reload', async ({
  newPage,
  baseURL
}) => {
  const { page, context } = await newPage();
  await page.goto(`${baseURL}/`);
  await waitForSvgMap(page);
  await page.selectOption('[data-testid="indicator-select"]', 'taux_pauvrete');
  await page.click('summary:has-text("Classes et couleurs")');
  await page.selectOption('[data-testid="method-select"]', 'jenks');
  await page.selectOption('[data-testid="classes-select"]', '4');
  await page.click('summary:has-text("Couches")');
  await page.check('input[data-layer="arrets"]');
  await page.uncheck('input[data-layer="lignes"]');
  // Close the two popovers before using the table.
  await page.click('summary:has-text("Couches")');
  await page.click('summary:has-text("Classes et couleurs")');
  await page.click('tr[data-code="38151"] button.select');
  await page.waitForURL(/selection=38151/);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('indicateur'), 'taux_pauvrete');
  assert.equal(url.searchParams.get('methode'), 'jenks');
  assert.equal(url.searchParams.get('classes'), '4');
  assert.equal(url.searchParams.get('couches'), 'qpv,arrets,noms');
  // The selection is announced.
  assert.match((await page.textContent('[data-testid="announcer"]')) ?? '', /sélectionnée/);

  await page.reload();
  await waitForMap(page);
  assert.equal(await page.inputValue('[data-testid="indicator-select"]'), 'taux_pauvrete');
  const legend = (await page.textContent('[data-testid="legend"]')) ?? '';
  assert.match(legend, /Seuils naturels \(Jenks\), 4 classes/);
  assert.match(legend, /Taux de pauvreté/);
  assert.match(legend, /Arrêts/);
  assert.doesNotMatch(legend, /Lignes de transport/);
  // Each context layer drawn cites its dataset's producer and vintage: the QPV perimeters
  // (the year they were built with), then the stops; not the lines, which are off.
  const cited = (await page.getByTestId('legend-context-source').textContent())?.trim() ?? '';
  const qpvYear = overview().qpv[0]?.geometryRef.vintage.slice(0, 4);
  assert.ok(qpvYear, 'the build has QPV');
  assert.match(
    cited,
    new RegExp(`^Couches : périmètres des QPV — [^;]+, ${qpvYear} ; arrêts — [^;]+, [^;]+\\.$`)
  );
  assert.equal(
    await page.getAttribute('tr[data-code="38151"] button.select', 'aria-pressed'),
    'true'
  );
  await context.close();
});

test('an indicator chosen before the page has hydrated is applied, not lost', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage();
  const { release, loaded } = await openUnhydrated(page, `${baseURL}/`);
  await page.waitForSelector('[data-testid="indicator-select"]');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.islands), 'pending');
  await page.selectOption('[data-testid="indicator-select"]', 'taux_pauvrete');
  release();
  await loaded;
  await waitForSvgMap(page);
  assert.equal(await page.inputValue('[data-testid="indicator-select"]'), 'taux_pauvrete');
  assert.match((await page.textContent('[data-testid="legend"]')) ?? '', /Taux de pauvreté/);
  await page.waitForURL(/indicateur=taux_pauvrete/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('communes on the map are reachable with the keyboard and show the commune', async ({
  newPage,
  baseURL
}) => {
  const { page, context } = await newPage();
  await page.goto(`${baseURL}/`);
  await waitForSvgMap(page);
  await page.focus('[data-testid="svg-map"] .communes a[data-code]');
  const first = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
  await page.keyboard.press('Tab');
  const second = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
  assert.ok(first && second && first !== second, 'Tab moves between communes');
  // Named for screen readers with its figure; highlighted in the table; described by the tooltip.
  const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  assert.match(label ?? '', /^.+ : Taux de logements sociaux \(SRU\) (\d|non)/);
  await page.waitForSelector(`tr.hovered[data-code="${second}"]`);
  assert.ok(await page.isVisible('[data-testid="svg-map-tooltip"]'));
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/commune/${second}$`));
  await context.close();
});

test('the first view downloads no MapLibre; zooming switches to it at the same extent', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage();
  let libraryRequested = false;
  page.on('request', (r) => {
    if (/maplibre-gl/.test(r.url())) libraryRequested = true;
  });
  // The map is in the prerendered HTML: it paints with no JavaScript at all.
  const html = await (await fetch(`${baseURL}/`)).text();
  // Each commune once as a link around its shape, once as its name.
  assert.equal((html.match(/<a [^>]*data-code="\d{5}"/g) ?? []).length, 49);
  assert.equal((html.match(/<text [^>]*data-code="\d{5}"/g) ?? []).length, 49);
  assert.doesNotMatch(html, /modulepreload[^>]*maplibre/);
  await page.goto(`${baseURL}/`);
  await waitForSvgMap(page);
  await page.waitForLoadState('networkidle');
  assert.equal(libraryRequested, false, 'no MapLibre request before the user asks');
  // Where two far-apart communes sit on the SVG map…
  const geo = overview();
  const at = async (code: string) =>
    svgPointToScreen(page, geo.communes.find((c) => c.code === code)!.anchor);
  const before = { a: await at('38185'), b: await at('38545') };
  await page.click('[data-testid="map-explore"]');
  await waitForMap(page);
  assert.ok(libraryRequested);
  // …and on the MapLibre map, which names the communes at the same anchors: the same points, at
  // the same scale (Web Mercator and the conic differ by well under 1 % over the Métropole).
  await page.waitForSelector(`.atlas-label[data-code="38545"][data-offset]`);
  const after = { a: await labelAnchor(page, '38185'), b: await labelAnchor(page, '38545') };
  const dist = (p: { x: number; y: number }, q: { x: number; y: number }) =>
    Math.hypot(p.x - q.x, p.y - q.y);
  const ratio = dist(after.a, after.b) / dist(before.a, before.b);
  assert.ok(ratio > 0.98 && ratio < 1.02, `same scale (ratio ${ratio.toFixed(3)})`);
  assert.ok(dist(before.a, after.a) < 6, `Grenoble stays in place (${dist(before.a, after.a)} px)`);
  // The + button zooms around the part of the map beside the legend (not the empty space behind
  // it): two clicks later the Métropole's centre is still in view, named.
  for (let i = 0; i < 2; i++) {
    await page.click('.maplibregl-ctrl-zoom-in');
    // The zoom's easing (300 ms) ends before the next click.
    await page.waitForTimeout(500);
  }
  await page.waitForFunction(
    () => document.querySelectorAll('.atlas-label:not(.is-hidden)').length >= 8,
    undefined,
    { timeout: 10_000 }
  );
  assert.equal(
    await page.getAttribute('[data-testid="explorer-map"]', 'data-renderer'),
    'maplibre'
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('without WebGL: / draws its map with names, clicks open sheets, the notice is in French', async ({
  baseURL
}) => {
  await withOwnBrowser(false, null, async ({ page, errors }) => {
    await page.goto(`${baseURL}/?couches=qpv,noms`);
    const drawn = await waitForSvgMap(page);
    assert.equal(drawn.names.length, 49);
    await assertSvgMapPainted(page);
    await assertNoEnglishError(page);
    await assertZoomRefused(page);
    // The same for a layer only MapLibre draws.
    await page.click('summary:has-text("Couches")');
    await page.check('input[data-layer="lignes"]');
    assert.equal(await page.getAttribute('[data-testid="explorer-map"]', 'data-renderer'), 'svg');
    await assertNoEnglishError(page);
    await page.click('summary:has-text("Couches")');
    // A QPV opens its sheet, a commune its own. Clicked at its pole of inaccessibility: the
    // centre of its box can fall outside an irregular perimeter.
    const q = [...overview().qpv].sort((x, y) => y.anchorRadius - x.anchorRadius)[0]!;
    const at = await svgPointToScreen(page, q.anchor);
    await page.mouse.click(at.x, at.y);
    await page.waitForURL(new RegExp(`/qpv/${q.code}$`));
    await page.goBack();
    await waitForSvgMap(page);
    await page.click('[data-testid="svg-map"] g.labels text[data-code="38185"]');
    await page.waitForURL(/\/commune\/38185$/);
    assert.deepEqual(errors, []);
  });
});

test('a link with the transit layers hands over to MapLibre, each file downloaded once', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage();
  const requests = new Map<string, number>();
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    const key = /maplibre-gl\.[\w-]+\.mjs$/.test(path) ? 'maplibre-gl.mjs' : path;
    requests.set(key, (requests.get(key) ?? 0) + 1);
  });
  // Every frame of the switch: MapLibre not idle yet and no SVG map would be a blank map.
  // (A string: the test runner's transpiler would wrap named functions in a helper the page lacks.)
  await page.addInitScript({
    content: `window.blankFrames = 0;
      requestAnimationFrame(function check() {
        const stage = document.querySelector('[data-testid="explorer-map"] .stage');
        const atlas = stage && stage.querySelector('[data-testid="atlas-map"]');
        const idle = atlas && atlas.getAttribute('data-state') === 'idle';
        if (stage && !idle && !stage.querySelector('[data-testid="svg-map"] svg')) window.blankFrames++;
        if (!idle) requestAnimationFrame(check);
      });`
  });
  await page.goto(`${baseURL}/?couches=qpv,lignes,arrets,noms`);
  await waitForMap(page);
  assert.equal(
    await page.evaluate(() => (window as unknown as { blankFrames: number }).blankFrames),
    0,
    'the SVG map stays until MapLibre is drawn'
  );
  assert.equal(await page.locator('[data-testid="svg-map"]').count(), 0, 'then it goes');
  assert.equal(
    await page.getAttribute('[data-testid="explorer-map"]', 'data-renderer'),
    'maplibre'
  );
  // MapLibre draws the lines and stops: the legend shows them and cites their datasets.
  assert.match((await page.textContent('[data-testid="legend"]')) ?? '', /Lignes de transport/);
  assert.match(
    (await page.getByTestId('legend-context-source').textContent()) ?? '',
    /lignes de transport en commun — .+ ; arrêts — /
  );
  // Started before hydration (the explorer's module preloads them), then taken over by the map:
  // never fetched twice.
  for (const file of [
    '/geo/communes.geojson',
    '/geo/qpv.geojson',
    '/geo/transit-lines.geojson',
    '/geo/transit-stops.geojson',
    'maplibre-gl.mjs'
  ])
    assert.equal(requests.get(file), 1, `${file} requested once`);
  // MapLibre names every commune as the SVG map did: smaller type, then callouts with a leader
  // line, and no two names overlap.
  await page.waitForSelector('.atlas-label[data-offset]');
  const names = await overlappingNames(
    page,
    '[data-testid="explorer-map"]',
    '.atlas-label:not(.is-hidden)'
  );
  assert.equal(names.count, 49, `names shown: ${names.count}`);
  assert.deepEqual(names.overlaps, []);
  assert.ok(
    (await page.locator('.atlas-label:not(.is-hidden) .atlas-leader line').count()) > 0,
    'callouts drawn with their leader line'
  );
  // The indicator view counts nothing: no badge beside a name.
  assert.equal(await page.locator('.atlas-label .atlas-badge:not([hidden])').count(), 0);
  await assertNoEnglishError(page);
  // « Carte simplifiée »: the SVG map, without the layers it does not draw (or the map would
  // hand over to MapLibre again at once).
  await page.click('[data-testid="map-simple"]');
  assert.equal((await waitForSvgMap(page)).names.length, 49);
  // Back to the default layers (QPV and names), which the URL leaves out.
  await page.waitForFunction(() => !/lignes|arrets/.test(location.search));
  assert.match((await page.textContent('summary:has-text("Couches")')) ?? '', /Couches \(2\)/);
  await page.waitForTimeout(500);
  assert.equal(await page.getAttribute('[data-testid="explorer-map"]', 'data-renderer'), 'svg');
  assert.equal(await page.locator('[data-testid="atlas-map"]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without WebGL, a link with the transit lines keeps the named SVG map and says why', async ({
  baseURL
}) => {
  await withOwnBrowser(
    false,
    /maplibre-gl|transit-(lines|stops)\.geojson/,
    async ({ page, errors, requested }) => {
      await page.goto(`${baseURL}/?couches=qpv,lignes,noms`);
      const notice = page.getByTestId('map-notice');
      await notice.waitFor();
      assert.match(
        (await notice.textContent()) ?? '',
        /Cette fonction demande WebGL, indisponible/
      );
      await page.waitForTimeout(300);
      assert.equal(
        await zoomButtonChanges(page, 1000),
        0,
        'MapLibre is not asked for again and again'
      );
      await assertSvgMapPainted(page);
      await assertNoticeHidesNothing(page);
      assert.equal(await page.getAttribute('[data-testid="explorer-map"]', 'data-renderer'), 'svg');
      // The legend shows and cites what is drawn: the QPV, not the lines the SVG map leaves out.
      const legend = (await page.textContent('[data-testid="legend"]')) ?? '';
      assert.match(legend, /QPV/);
      assert.doesNotMatch(legend, /Lignes de transport|lignes de transport/);
      await page.waitForLoadState('networkidle');
      assert.deepEqual(requested, [], 'nothing of MapLibre downloaded without WebGL');
      await assertNoEnglishError(page);
      assert.deepEqual(errors, []);
    }
  );
});

test('with WebGL 1 only, zooming keeps the named SVG map and says why in French, downloading nothing', async ({
  baseURL
}) => {
  // MapLibre 6 needs WebGL 2: a WebGL 1 context must not count as « WebGL is there ».
  await withOwnBrowser('webgl1-only', /maplibre-gl/, async ({ page, errors, requested }) => {
    assert.equal(
      await page.evaluate(() => document.createElement('canvas').getContext('webgl') !== null),
      true,
      'this browser has WebGL 1'
    );
    await page.goto(`${baseURL}/?couches=qpv,noms`);
    await waitForSvgMap(page);
    await assertZoomRefused(page);
    assert.deepEqual(requested, [], 'nothing of MapLibre downloaded');
    await assertNoEnglishError(page);
    assert.deepEqual(errors, []);
  });
});

test('a MapLibre map that cannot start gives the SVG map back, explorer and sheet, in French', async ({
  newPage,
  baseURL
}) => {
  const { page, context } = await newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  // The probe's canvas gets its context, MapLibre's does not (a driver failing on the second
  // context, a context limit reached): MapLibre throws its English GPUInitializationError.
  await page.addInitScript({
    content: `const getContext = HTMLCanvasElement.prototype.getContext;
      window.mapLibreStarts = 0;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        if (!this.classList.contains('maplibregl-canvas')) return getContext.call(this, type, ...rest);
        window.mapLibreStarts++;
        return null;
      };`
  });
  const starts = () =>
    page.evaluate(() => (window as unknown as { mapLibreStarts: number }).mapLibreStarts);
  // A link with the transit lines asks for MapLibre by itself: once, not again after it failed.
  await page.goto(`${baseURL}/?couches=qpv,lignes,noms`);
  await page.getByTestId('map-notice').waitFor();
  await page.waitForTimeout(1000);
  assert.equal(await starts(), 1, 'one attempt, then the SVG map stays');
  assert.equal(await page.getAttribute('[data-testid="explorer-map"]', 'data-renderer'), 'svg');
  await assertNoEnglishError(page);

  await page.goto(`${baseURL}/`);
  await waitForSvgMap(page);
  await assertZoomRefused(page);
  await assertNoEnglishError(page);

  await page.goto(`${baseURL}/commune/38185`);
  const sheetMap = page.getByTestId('sheet-map');
  await sheetMap.locator('svg').first().waitFor();
  await page.click('[data-testid="sheet-map-explore"]');
  await sheetMap.getByTestId('map-notice').waitFor();
  assert.match(
    (await sheetMap.getByTestId('map-notice').textContent()) ?? '',
    /Cette fonction demande WebGL, indisponible/
  );
  assert.equal(await sheetMap.getAttribute('data-renderer'), 'svg');
  assert.equal(await sheetMap.locator('[data-testid="svg-map"]').count(), 1);
  await assertNoEnglishError(page);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('the map needs no outside origin, and a dead online basemap is reported discreetly', async ({
  newPage,
  baseURL
}) => {
  const { page, context } = await newPage();
  const outside: string[] = [];
  page.on('request', (r) => {
    if (
      !r.url().startsWith(baseURL) &&
      !r.url().startsWith('data:') &&
      !r.url().startsWith('blob:')
    )
      outside.push(r.url());
  });
  await page.goto(`${baseURL}/?couches=qpv,lignes,arrets,noms`);
  await waitForMap(page);
  assert.deepEqual(outside, []);
  // The basemap origin is unreachable here: the map says so and carries on.
  await context.route('https://data.geopf.fr/**', (route) => route.abort('internetdisconnected'));
  await page.click('summary:has-text("Couches")');
  await page.check('input[data-layer="fond"]');
  await page.waitForSelector('text=Fond de carte en ligne injoignable');
  assert.equal(await page.getAttribute('[data-testid="atlas-map"]', 'data-state'), 'idle');
  await context.close();
});

test('the propositions view counts items per commune and lists them with their reason', async ({
  newPage,
  baseURL
}) => {
  const { page, context } = await newPage();
  // Each name carries its count…
  await openPropositionsView(page, baseURL);
  // …where there is room: at 1280×800 every commune is named, a few by their name alone (the
  // legend says so; the table gives every count).
  await page.waitForFunction(
    () =>
      Number(document.querySelector('[data-testid="svg-map"]')?.getAttribute('data-labels')) === 49
  );
  const { count, overlaps } = await overlappingNames(page);
  assert.equal(count, 49);
  assert.deepEqual(overlaps, []);
  const texts = await page.$$eval('[data-testid="svg-map"] g.labels text', (ts) =>
    ts.map((t) => t.textContent?.trim() ?? '')
  );
  const names = new Set(overview().communes.map((c) => c.nom));
  const counted = texts.filter((t) => /^.+ \(\d+( \+ \d+ en réunion)?\)$/.test(t));
  assert.deepEqual(
    new Set(texts.map((t) => t.replace(/ \(\d+( \+ \d+ en réunion)?\)$/, ''))),
    names
  );
  for (const t of texts.filter((x) => !counted.includes(x))) assert.ok(names.has(t), t);
  assert.ok(counted.length >= 30, `${counted.length} names with their count`);
  assert.match(
    (await page.locator('[data-testid="explorer-map"] .legend-box').textContent()) ?? '',
    /Un nom sans nombre : faute de place, voir le tableau\./
  );
  await page.click('tr[data-code="38185"] button.select');
  const panel = page.locator('[data-testid="territory-items"]');
  await panel.waitFor();
  assert.match((await panel.textContent()) ?? '', /Propositions pour Grenoble/);
  assert.match((await panel.textContent()) ?? '', /Affiché car/);
  await page.selectOption('[data-testid="theme-select"]', '1');
  await page.waitForURL(/theme=1/);
  await context.close();
});

test('MapLibre names the communes of the propositions view too, with their count where it fits', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage();
  await page.goto(`${baseURL}/?vue=propositions&couches=qpv,lignes,noms`);
  await page.waitForSelector('[data-testid="atlas-map"][data-state="idle"]', { timeout: 60_000 });
  await page.waitForSelector('.atlas-label[data-offset]');
  const names = await overlappingNames(
    page,
    '[data-testid="explorer-map"]',
    '.atlas-label:not(.is-hidden)'
  );
  // The legend is longer than in the indicator view (the propositions' note, the lines): at
  // 1280×800 one or two names may find no room even without their count.
  assert.ok(names.count >= 47, `names shown: ${names.count}`);
  assert.deepEqual(names.overlaps, []);
  const badges = await page.$$eval('.atlas-label:not(.is-hidden) .atlas-badge', (els) =>
    els.map((b) => ({
      shown: !b.hasAttribute('hidden'),
      count: b.firstChild?.textContent ?? '',
      // The PNG export's « no count » flag.
      short: b.closest('.atlas-label')?.hasAttribute('data-short') ?? false
    }))
  );
  // Every name has a count; the few placed without it hide their badge (as the SVG map does),
  // and are flagged so, for the PNG export's note.
  assert.ok(
    badges.every((b) => /^\s*\d+$/.test(b.count)),
    'a count for every name'
  );
  assert.ok(
    badges.every((b) => b.short === !b.shown),
    'the names without their count, and only those, are flagged'
  );
  const shown = badges.filter((b) => b.shown).length;
  // Its legend takes more room than the SVG map's (the lines' entry and source): fewer counts fit.
  assert.ok(shown >= 15 && shown <= names.count, `${shown} badges shown of ${names.count}`);
  // To the indicator view and back: the badges go, then come back where their counts fit.
  const visibleBadges = () =>
    page.locator('.atlas-label:not(.is-hidden) .atlas-badge:not([hidden])');
  await page.check('input[type="radio"][value="indicateur"]');
  await page.waitForFunction(
    () => document.querySelectorAll('.atlas-label .atlas-badge:not([hidden])').length === 0
  );
  await page.check('input[type="radio"][value="propositions"]');
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('.atlas-label:not(.is-hidden) .atlas-badge:not([hidden])').length >=
      n,
    15
  );
  assert.ok((await visibleBadges().count()) <= names.count);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the map settings popovers (« Classes et couleurs », « Couches ») stay on screen', async ({
  newPage,
  baseURL
}) => {
  const { page, context } = await newPage();
  for (const path of ['/', '/?vue=propositions']) {
    await page.goto(`${baseURL}${path}`);
    await waitForSvgMap(page);
    for (const width of [1280, 1024, 920]) {
      await page.setViewportSize({ width, height: 800 });
      for (const summary of await page.locator('form.controls details > summary').all()) {
        await summary.click();
        const box = await page.locator('form.controls details[open] .popover').boundingBox();
        const screen = await page.evaluate(() => document.documentElement.clientWidth);
        const where = `${path} at ${width} px, « ${await summary.innerText()} »`;
        assert.ok(box, `${where}: no popover`);
        assert.ok(
          box.x >= 0 && box.x + box.width <= screen,
          `${where}: popover from ${box.x} to ${box.x + box.width} px, screen ${screen} px`
        );
        await summary.click();
      }
    }
  }
  await context.close();
});

for (const [name, path] of [
  ['indicator view', '/'],
  ['propositions view', '/?vue=propositions&selection=38185']
] as const) {
  test(`no serious or critical axe-core finding on / (${name})`, async ({ newPage, baseURL }) => {
    const { page, context } = await newPage();
    await page.goto(`${baseURL}${path}`);
    await waitForSvgMap(page);
    // Injected through the page's own context (CDP), not a script tag the CSP would block.
    await page.evaluate(AXE_SOURCE);
    const violations: { id: string; impact: string; help: string; nodes: string }[] =
      await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: () => Promise<{
                violations: { id: string; impact: string; help: string; nodes: unknown[] }[];
              }>;
            };
          }
        ).axe;
        const result = await axe.run();
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => (n as { target: string[] }).target.join(' ')).join(', ')
        }));
      });
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious, [], JSON.stringify(serious, null, 2));
    await context.close();
  });
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'the file is a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Presses « Exporter en PNG »: the file, its size in pixels; no export error shown. */
/** `/` in the propositions view, once its SVG map names the communes with their counts. */
async function openPropositionsView(page: Page, baseURL: string): Promise<void> {
  await page.goto(`${baseURL}/?vue=propositions`);
  await waitForSvgMap(page);
  await page
    .locator('[data-testid="svg-map"] g.labels text', { hasText: /\(\d+\)$/ })
    .first()
    .waitFor({ timeout: 60_000 });
}

async function exportPng(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-png').click()
  ]);
  const bytes = readFileSync(await download.path());
  assert.equal(await page.getByRole('alert').count(), 0, 'no export error shown');
  return { name: download.suggestedFilename(), bytes, ...pngSize(bytes) };
}

test('« Exporter en PNG » downloads the map with its legend, sources and date', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage();
  await page.goto(`${baseURL}/?indicateur=sru_taux_lls&couches=qpv,noms`);
  await waitForSvgMap(page);
  const button = page.getByTestId('export-png');
  assert.equal(await button.textContent(), 'Exporter en PNG');
  // The SVG the export draws as an image: it must carry the names' face (an image loads nothing).
  await page.evaluate(() => {
    const create = URL.createObjectURL.bind(URL);
    const w = window as unknown as { exportedSvg: Promise<string>[] };
    w.exportedSvg = [];
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      if (obj instanceof Blob && obj.type === 'image/svg+xml') w.exportedSvg.push(obj.text());
      return create(obj);
    };
  });
  const { name, bytes, width, height } = await exportPng(page);
  const svgs = await page.evaluate(() =>
    Promise.all((window as unknown as { exportedSvg: Promise<string>[] }).exportedSvg)
  );
  assert.equal(svgs.length, 1);
  const faces = svgs[0]!.match(/@font-face\{font-family:'Source Sans 3';[^}]*\}/g) ?? [];
  assert.deepEqual(
    faces.map((f) => /font-weight:([\d ]+);/.exec(f)?.[1]),
    ['200 900']
  );
  assert.ok(
    faces.every((f) => /src:url\("data:font\/woff2;base64,[A-Za-z0-9+/]{20000,}=*"\)/.test(f)),
    'the face inlined as data'
  );
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  assert.equal(name, `atlas-plh-sru_taux_lls-${today}.png`);
  // The SVG map rasterised at 2×, cropped to the EPCI and its names: taller than wide here.
  assert.ok(width > 500 && height > width, `PNG ${width}×${height}`);
  // A blank canvas compresses to almost nothing; a drawn map with text does not.
  assert.ok(bytes.length > 80_000, `PNG of ${bytes.length} bytes`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the PNG of the propositions view is wide enough for its title and legend', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage();
  await openPropositionsView(page, baseURL);
  // The names fit close to the territory here: cropped to them alone, the image (at 2×) was
  // 704 px wide and cut its title off.
  const { name, width, height } = await exportPng(page);
  assert.match(name, /^atlas-plh-propositions-/);
  assert.ok(width >= 2 * 480 && height > width / 2, `PNG ${width}×${height}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the PNG of the MapLibre map is cropped to the territory, wide enough for its title and legend', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage();
  await page.goto(`${baseURL}/?couches=qpv,lignes,arrets,noms`);
  await waitForMap(page);
  const canvasWidth = await page.evaluate(
    () => document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')?.width ?? 0
  );
  const { bytes, width, height } = await exportPng(page);
  // Cropped to the EPCI and its names (the room left on screen for the legend is not in it),
  // and still wide enough for the title and the legend.
  assert.ok(width < canvasWidth - 100 && width >= 480, `PNG ${width} px wide, map ${canvasWidth}`);
  assert.ok(height > width, `PNG ${width}×${height}`);
  assert.ok(bytes.length > 80_000, `PNG of ${bytes.length} bytes`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a QPV sheet frames the QPV perimeter, not its whole commune', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage();
  const q = overview().qpv[0];
  assert.ok(q, 'the build has QPV');
  await page.goto(`${baseURL}/qpv/${q.code}`);
  // The sheet's map is the prerendered SVG one (MapLibre only on « Explorer la carte »).
  await waitForSvgMap(page);
  // Framed on the QPV: its box is inside the view and the view is centred on it, not on its
  // commune (the view is at least 3,5 km wide so that the neighbouring names show).
  const vb = ((await page.getAttribute('[data-testid="svg-map"] svg', 'viewBox')) ?? '')
    .split(' ')
    .map(Number) as [number, number, number, number];
  const [x0, y0, x1, y1] = q.bbox;
  assert.ok(
    x0 >= vb[0] && y0 >= vb[1] && x1 <= vb[0] + vb[2] && y1 <= vb[1] + vb[3],
    `QPV box ${q.bbox.join(' ')} inside the view ${vb.join(' ')}`
  );
  const dx = Math.abs(vb[0] + vb[2] / 2 - (x0 + x1) / 2);
  const dy = Math.abs(vb[1] + vb[3] / 2 - (y0 + y1) / 2);
  assert.ok(dx < vb[2] * 0.1 && dy < vb[3] * 0.1, `view centred on the QPV (${dx}, ${dy})`);
  // The emphasised outline is QPV-coloured and thick: visibly painted.
  const colours = await elementColours(page, '[data-testid="svg-map"]');
  const { QPV_COLOR } = await import('../../src/lib/map/layer-colors');
  const c = (i: number) => parseInt(QPV_COLOR.slice(1 + 2 * i, 3 + 2 * i), 16);
  const outline = near(colours, [c(0), c(1), c(2)], 40);
  const total = [...colours.values()].reduce((a, b) => a + b, 0);
  assert.ok(
    outline / total > 0.003,
    `QPV outline covers ${((100 * outline) / total).toFixed(1)} % of the map`
  );
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * « Zoomer » where MapLibre cannot start: the French notice says why, and the SVG map stays with
 * every name.
 */
async function assertZoomRefused(page: Page): Promise<void> {
  await page.click('[data-testid="map-explore"]');
  const notice = page.getByTestId('map-notice');
  await notice.waitFor();
  assert.match((await notice.textContent()) ?? '', /Cette fonction demande WebGL, indisponible/);
  assert.equal(await page.getAttribute('[data-testid="explorer-map"]', 'data-renderer'), 'svg');
  await assertNoticeHidesNothing(page);
}

/**
 * The SVG map stays whole beside the map's notice: framed below it, no commune nor name under it
 * (polled: the names are placed again, in the worker, once the map is framed anew). Closing the
 * notice gives the map its room back, with all 49 names.
 */
async function assertNoticeHidesNothing(page: Page): Promise<void> {
  await waitForSvgMap(page);
  const underNotice = () =>
    page.evaluate(() => {
      const note = document.querySelector('[data-testid="map-notice"]')!.getBoundingClientRect();
      const map = document.querySelector('[data-testid="svg-map"]')!;
      return [...map.querySelectorAll('.communes a[data-code], g.labels text')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.top < note.bottom - 1 && r.bottom > note.top && r.left < note.right;
        })
        .map((el) => `${el.tagName} ${el.getAttribute('data-code')}`);
    });
  const deadline = Date.now() + 10_000;
  let hidden = await underNotice();
  while (hidden.length > 0 && Date.now() < deadline) {
    await page.waitForTimeout(200);
    hidden = await underNotice();
  }
  assert.deepEqual(hidden, [], 'communes or names under the notice');
  await page.getByTestId('map-notice').getByRole('button', { name: 'Fermer le message' }).click();
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="svg-map"] g.labels text').length === 49,
    null,
    { timeout: 10_000 }
  );
}

/** Screen point of the anchor a MapLibre name is placed from: its centre less its offset. */
async function labelAnchor(page: Page, code: string): Promise<{ x: number; y: number }> {
  const label = page.locator(`.atlas-label[data-code="${code}"]`);
  const box = await label.boundingBox();
  assert.ok(box, `label of ${code}`);
  const [dx, dy] = ((await label.getAttribute('data-offset')) ?? '0 0').split(' ').map(Number);
  return { x: box.x + box.width / 2 - dx!, y: box.y + box.height / 2 - dy! };
}

/**
 * Screen position of a longitude/latitude on the map, from the anchors of the commune names
 * (Web Mercator: x is linear in longitude, y in the Mercator ordinate of latitude). Each label
 * carries its anchor (`data-at`, lon lat) and how far the placement moved it from there
 * (`data-offset`, px). Needs the `noms` layer on.
 */
async function labelProjection(
  page: Page
): Promise<(lonLat: [number, number]) => { x: number; y: number }> {
  const merc = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  // The two anchors farthest apart east–west give the x scale, the two farthest apart
  // north–south the y scale (two close ones would turn a pixel of rounding into hundreds of
  // metres).
  const anchors = (
    await page.$$eval('.atlas-label:not(.is-hidden)', (els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        const [lon, lat] = ((el as HTMLElement).dataset.at ?? '').split(' ').map(Number);
        const [dx, dy] = ((el as HTMLElement).dataset.offset ?? '0 0').split(' ').map(Number);
        return {
          lon: lon!,
          lat: lat!,
          sx: r.x + r.width / 2 - dx!,
          sy: r.y + r.height / 2 - dy!
        };
      })
    )
  ).map((a) => ({ lon: a.lon, y: merc(a.lat), sx: a.sx, sy: a.sy }));
  assert.ok(anchors.length >= 2, `${anchors.length} labels shown`);
  const byLon = [...anchors].sort((p, q) => p.lon - q.lon);
  const byY = [...anchors].sort((p, q) => p.y - q.y);
  const [w, e] = [byLon[0]!, byLon[byLon.length - 1]!];
  const [s, n] = [byY[0]!, byY[byY.length - 1]!];
  return ([lon, lat]) => ({
    x: w.sx + ((lon - w.lon) * (e.sx - w.sx)) / (e.lon - w.lon),
    y: s.sy + ((merc(lat) - s.y) * (n.sy - s.sy)) / (n.y - s.y)
  });
}

test('clicking inside a QPV opens the QPV sheet, not its commune’s', async ({
  newPage,
  baseURL
}) => {
  const { page, context, errors } = await newPage();
  await page.goto(`${baseURL}/?couches=qpv`);
  await waitForSvgMap(page);
  // The pole of inaccessibility of the largest QPV (by its anchor's free radius).
  const largest = [...overview().qpv].sort((x, y) => y.anchorRadius - x.anchorRadius)[0];
  assert.ok(largest, 'the build has QPV');
  const p = await svgPointToScreen(page, largest.anchor);
  await page.mouse.move(p.x, p.y);
  const tooltip = page.locator('[data-testid="svg-map-tooltip"]');
  await tooltip.waitFor();
  assert.match((await tooltip.textContent()) ?? '', new RegExp(largest.nom.slice(0, 12)));
  await page.mouse.click(p.x, p.y);
  await page.waitForURL(new RegExp(`/qpv/${largest.code}$`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('hovering a stop names it, its mode and its lines', async ({ newPage, baseURL }) => {
  const { page, context, errors } = await newPage();
  await page.goto(`${baseURL}/?couches=arrets,noms`);
  await waitForMap(page);
  const toScreen = await labelProjection(page);
  const stops = JSON.parse(readFileSync('build/geo/transit-stops.geojson', 'utf8')) as {
    features: {
      geometry: { coordinates: [number, number] };
      properties: { name: string; mode: string; lines: string[] };
    }[];
  };
  // A stop whose circle no other stop's touches at this zoom (12 px apart on screen, the largest
  // circles being ~5 px across), so the pointer finds that one: 150 m apart on the ground was not
  // enough at the zoom the panel's height gives (two tram stops 239 m apart, 4 px on screen).
  const screen = stops.features.map((s) => toScreen(s.geometry.coordinates));
  const apart = (i: number) =>
    screen.every((q, j) => j === i || Math.hypot(q.x - screen[i]!.x, q.y - screen[i]!.y) > 12);
  // Tram first (the largest circles), then Chrono, then bus: the tooltip's own order of modes.
  const order: string[] = Object.keys(STOP_MODE_LABELS);
  const candidates = stops.features
    .map((s, i) => ({ s, i }))
    .filter(({ i }) => apart(i))
    .sort((a, b) => order.indexOf(a.s.properties.mode) - order.indexOf(b.s.properties.mode));
  // The first one in plain view: the map's canvas itself under the pointer (no name, no legend).
  const onCanvas = await page.evaluate(
    (points) =>
      points.map((q) =>
        document.elementFromPoint(q.x, q.y)?.classList.contains('maplibregl-canvas')
      ),
    candidates.map(({ i }) => screen[i]!)
  );
  const pick = candidates.find((_, k) => onCanvas[k]);
  assert.ok(pick, 'a stop with no other within 12 px, in plain view');
  const stop = pick.s;
  const p = screen[pick.i]!;
  await page.mouse.move(p.x, p.y);
  const tooltip = page.locator('[data-testid="map-tooltip"]');
  await tooltip.waitFor();
  const text = (await tooltip.innerText()).replace(/\s+/g, ' ');
  assert.ok(text.includes(stop.properties.name), `${text} names ${stop.properties.name}`);
  const mode = STOP_MODE_LABELS[stop.properties.mode as keyof typeof STOP_MODE_LABELS];
  assert.ok(mode, `a known mode: ${stop.properties.mode}`);
  assert.ok(text.includes(mode), `${text} says ${mode}`);
  for (const line of stop.properties.lines) assert.ok(text.includes(line), `${text} lists ${line}`);
  assert.deepEqual(errors, []);
  await context.close();
});
