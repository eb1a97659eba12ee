/**
 * Shared checks for pages drawing the SVG map (SvgMap.svelte), reusable by every journey:
 * `/`, the commune and QPV sheets, the slides. Use with a browser from
 * `launchChromium({ webgl: false })` to check a page on a PC without WebGL.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** Waits for the SVG map and returns what it draws. */
export async function waitForSvgMap(
  page: Page,
  selector = '[data-testid="svg-map"]'
): Promise<{ territories: number; names: string[]; filled: number }> {
  // Hydrated, not just prerendered: clicks and hovers need the handlers.
  await page.waitForSelector(`${selector}[data-hydrated="true"] svg .communes path`, {
    timeout: 60_000
  });
  // The page's other islands (its controls) too: see components/island/islands.ts.
  await page.waitForFunction(() => document.documentElement.dataset.islands !== 'pending', null, {
    timeout: 60_000
  });
  return page.$eval(selector, (root) => ({
    territories: root.querySelectorAll('.communes a[data-code]').length,
    names: [...root.querySelectorAll('g.labels text')].map((t) => t.textContent ?? ''),
    // Paths with a real fill (not none / transparent).
    filled: [...root.querySelectorAll('.communes path')].filter((p) => {
      const f = getComputedStyle(p).fill;
      return f !== 'none' && !f.includes('rgba(0, 0, 0, 0)');
    }).length
  }));
}

/**
 * The map is really painted: a screenshot of it holds more than `minColours` distinct colours
 * over a visible share of its pixels (an empty box or a pink error box has one or two).
 */
export async function assertSvgMapPainted(
  page: Page,
  selector = '[data-testid="svg-map"]',
  minColours = 4
): Promise<Map<string, number>> {
  const colours = await elementColours(page, selector);
  const total = [...colours.values()].reduce((a, b) => a + b, 0);
  const significant = [...colours.values()].filter((n) => n > total * 0.003).length;
  assert.ok(significant >= minColours, `${significant} colours painted on the SVG map`);
  return colours;
}

/** Colours of an element's pixels (decoded from a screenshot in a blank page, away from the CSP). */
export async function elementColours(page: Page, selector: string): Promise<Map<string, number>> {
  const png = await page.locator(selector).first().screenshot();
  const scratch = await page.context().newPage();
  const counts: [string, number][] = await scratch.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, c.width, c.height).data;
    const out = new Map<string, number>();
    for (let i = 0; i < data.length; i += 4) {
      const hex = `#${[data[i]!, data[i + 1]!, data[i + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
      out.set(hex, (out.get(hex) ?? 0) + 1);
    }
    return [...out.entries()];
  }, png.toString('base64'));
  await scratch.close();
  return new Map(counts);
}

/**
 * Boxes of the map's names that intersect (pairs of names), and how many names: the SVG map's
 * texts by default, or `names` (e.g. MapLibre's shown labels) under `selector`.
 */
export async function overlappingNames(
  page: Page,
  selector = '[data-testid="svg-map"]',
  names = 'g.labels text'
): Promise<{ count: number; overlaps: string[] }> {
  return page.$eval(
    selector,
    (root, names) => {
      const boxes = [...root.querySelectorAll(names)].map((t) => ({
        name: t.textContent ?? '',
        r: t.getBoundingClientRect()
      }));
      const overlaps: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.r;
          const b = boxes[j]!.r;
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
            overlaps.push(`${boxes[i]!.name} × ${boxes[j]!.name}`);
        }
      return { count: boxes.length, overlaps };
    },
    names
  );
}

/** No English library error (MapLibre's « WebGL2 is required… », « Failed to… ») in the page. */
export async function assertNoEnglishError(page: Page): Promise<void> {
  const text = await page.evaluate(() => document.body.innerText);
  for (const pattern of [/WebGL2? is required/i, /Failed to/i, /is not supported/i, /Error:/]) {
    assert.doesNotMatch(text, pattern, `English error text on ${page.url()}`);
  }
}

/** Screen point (CSS px) of a viewBox point of the SVG map. */
export async function svgPointToScreen(
  page: Page,
  at: readonly [number, number],
  selector = '[data-testid="svg-map"] svg'
): Promise<{ x: number; y: number }> {
  return page.$eval(
    selector,
    (svg, [x, y]) => {
      const s = svg as SVGSVGElement;
      const p = s.createSVGPoint();
      p.x = x!;
      p.y = y!;
      const q = p.matrixTransform(s.getScreenCTM()!);
      return { x: q.x, y: q.y };
    },
    [at[0], at[1]] as [number, number]
  );
}
