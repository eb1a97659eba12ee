/**
 * Accessibility audit: axe-core run in the page on every route, after the map has loaded.
 * No `serious` or `critical` finding is allowed. The CSP forbids injected scripts, so the audit
 * context (and only it) bypasses the CSP; the app's own pages are served unchanged.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { indicatorsFileSchema } from '../../src/lib/schemas/indicators';
import { test, type TestContext } from './harness';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/** Routes to audit: the fixed ones, a commune and a QPV from the build's data, optional routes if built. */
function routes(): string[] {
  const file = indicatorsFileSchema.parse(
    JSON.parse(readFileSync('build/data/indicators.json', 'utf8'))
  );
  const withQpv = file.communes.find((c) => c.qpvCodes.length > 0) ?? file.communes[0];
  const deficitaire = file.communes.find((c) => c.sruStatus === 'deficitaire');
  const list = ['/', '/propositions', '/sources'];
  if (withQpv) list.push(`/commune/${withQpv.code}`);
  if (deficitaire) list.push(`/commune/${deficitaire.code}`);
  if (file.qpv[0]) list.push(`/qpv/${file.qpv[0].code}`);
  for (const optional of ['/arbitrage', '/presentation']) {
    if (existsSync(`build${optional}.html`)) list.push(optional);
  }
  return list;
}

async function audit(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        // wcag22aa: target-size, which Lighthouse checks on its 412 px phone.
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
      }
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .slice(0, 5)
        .map((n) => ({ target: n.target, failureSummary: n.failureSummary }))
    }));
  });
}

function describeViolations(route: string, violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${route}: [${v.impact}] ${v.id} — ${v.help}\n` +
        v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')
    )
    .join('\n');
}

async function auditRoute(
  ctx: TestContext,
  route: string,
  size: { width: number; height: number }
): Promise<AxeViolation[]> {
  const context = await ctx.browser.newContext({
    viewport: size,
    locale: 'fr-FR',
    bypassCSP: true
  });
  const page = await context.newPage();
  await page.goto(`${ctx.baseURL}${route}`);
  // Audit the page as people use it: hydrated, with its map (and focusable labels) in place.
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () =>
      // The maps on screen: the sheets' print-only copy hydrates when printing, not before.
      [...document.querySelectorAll('[data-testid="svg-map"]')]
        .filter((m) => m.getClientRects().length > 0)
        .every((m) => m.getAttribute('data-hydrated') === 'true') &&
      [...document.querySelectorAll('[data-testid="atlas-map"]')].every((m) =>
        ['idle', 'error'].includes(m.getAttribute('data-state') ?? '')
      ),
    undefined,
    { timeout: 30_000 }
  );
  await page.waitForTimeout(300);
  const violations = await audit(page);
  await context.close();
  return violations;
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 }
]) {
  test(`no serious or critical axe-core finding on any route at ${size.width}×${size.height}`, async (ctx) => {
    const serious: string[] = [];
    const minor: string[] = [];
    for (const route of routes()) {
      const violations = await auditRoute(ctx, route, size);
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      if (bad.length > 0) serious.push(describeViolations(route, bad));
      const rest = violations.filter((v) => !bad.includes(v));
      if (rest.length > 0) minor.push(describeViolations(route, rest));
    }
    if (minor.length > 0) console.log(`    (moderate/minor findings)\n${minor.join('\n')}`);
    assert.equal(serious.length, 0, `axe-core findings:\n${serious.join('\n')}`);
  });
}

test('the propositions browser stays accessible with an item selected', async (ctx) => {
  const context = await ctx.browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'fr-FR',
    bypassCSP: true
  });
  const page = await context.newPage();
  await page.goto(`${ctx.baseURL}/propositions`);
  await page.locator('[data-testid="proposition"] button').first().click();
  await page.waitForSelector('[data-testid="item-territories"]:not([aria-busy="true"])');
  // The panel heading takes the focus so keyboard and screen-reader users land on the answer.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'territories-title');
  await page.waitForTimeout(1000);
  const bad = (await audit(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.equal(bad.length, 0, describeViolations('/propositions (item selected)', bad));
  await context.close();
});
