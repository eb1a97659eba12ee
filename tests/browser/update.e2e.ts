/**
 * Redeploy while a page is open: serve build A, open the page, swap the served directory for
 * build B (a copy of A whose build id and data date were rewritten everywhere, service worker
 * included, as a real rebuild changes them). The page keeps showing A (offline too) and says
 * « Données mises à jour — recharger »; the button switches to B in one go.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { formatLongDateFr } from '../../src/lib/format/date';
import { test } from './harness';
import { startStaticServer, type StaticServer } from './static-server';

const BUILD = resolve('build');

function readMeta(dir: string): { builtAt: string; build?: { id: string } } {
  return JSON.parse(readFileSync(join(dir, 'data/meta.json'), 'utf8')) as {
    builtAt: string;
    build?: { id: string };
  };
}

/** Copies a build without its precompressed files (the test server does not serve them). */
function copyBuild(from: string, to: string): void {
  cpSync(from, to, { recursive: true, filter: (f) => !/\.(br|gz)$/.test(f) });
}

/** The CSP hashes of a page's inline scripts, in page order. */
function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}'`
  );
}

/**
 * Rewrites every text file of `dir` (pages, scripts, JSON), as a new build would: a page whose
 * inline script changed gets that script's new hash in its Content-Security-Policy.
 */
function rewrite(dir: string, replacements: [string, string][]): number {
  let changed = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(html|js|json)$/.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    let next = text;
    for (const [a, b] of replacements) next = next.replaceAll(a, b);
    if (entry.name.endsWith('.html')) {
      const before = inlineScriptHashes(text);
      const after = inlineScriptHashes(next);
      before.forEach((hash, i) => (next = next.replace(hash, after[i] ?? hash)));
    }
    if (next !== text) {
      writeFileSync(file, next);
      changed++;
    }
  }
  return changed;
}

async function footer(page: Page): Promise<{ id: string; date: string }> {
  await page.waitForSelector('[data-testid="build-id"]');
  return {
    id: ((await page.textContent('[data-testid="build-id"]')) ?? '').trim(),
    date: ((await page.textContent('[data-testid="data-built-at"]')) ?? '').trim()
  };
}

/**
 * The footer once it shows build `want.id` with its data date `want.date`, through the reloads
 * of a hand-over (else, after 30 s, the last one read), and the footers read on the way that
 * mixed the two builds (one's id with the other's date).
 */
async function settledFooter(
  page: Page,
  want: { id: string; date: string }
): Promise<{ last: { id: string; date: string }; mixed: { id: string; date: string }[] }> {
  let last = { id: '', date: '' };
  const mixed: { id: string; date: string }[] = [];
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    try {
      await tableShown(page);
      last = await footer(page);
      if ((last.id === want.id) !== (last.date === want.date)) mixed.push(last);
      if (last.id === want.id && last.date === want.date) break;
    } catch {
      // A reload under way destroyed the page being read: read the next one.
    }
    await page.waitForTimeout(250);
  }
  return { last, mixed };
}

async function tableShown(page: Page): Promise<void> {
  // The rows are prerendered: also wait for the page to be hydrated (its islands included), so
  // that the update check listens before the test sends « online ».
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid="communes-table"] tbody tr').length > 10 &&
      document.documentElement.dataset.islands === 'hydrated',
    undefined,
    { timeout: 30_000 }
  );
}

test('a redeploy is announced; the old build stays, offline too, until « recharger »', async ({
  browser,
  screenshot
}) => {
  const meta = readMeta(BUILD);
  const idA = meta.build?.id;
  assert.ok(idA, 'the build stamps its id into data/meta.json');
  const idB = `${idA}-b`;
  const builtAtB = '2027-01-15T10:00:00.000Z';

  const root = mkdtempSync(join(tmpdir(), 'atlas-plh-update-'));
  const site = join(root, 'site');
  const next = join(root, 'next');
  copyBuild(BUILD, site);
  copyBuild(BUILD, next);
  // The data date is also in the prerendered pages as French text, and in their data as a
  // string (hydration shows the data's), as a real rebuild writes them.
  const dateA = formatLongDateFr(meta.builtAt);
  const dateB = formatLongDateFr(builtAtB);
  assert.ok(dateA && dateB);
  const rewritten = rewrite(next, [
    [idA, idB],
    [meta.builtAt, builtAtB],
    [`>${dateA}<`, `>${dateB}<`],
    [`"${dateA}"`, `"${dateB}"`]
  ]);
  assert.ok(rewritten > 3, `build B differs from A in ${rewritten} files`);
  assert.match(readFileSync(join(next, 'service-worker.js'), 'utf8'), new RegExp(idB));

  let server: StaticServer = await startStaticServer(site);
  const port = server.port;
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'fr-FR',
    serviceWorkers: 'allow'
  });
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    // A blocked inline script (CSP) is only a console error: build B would show, unhydrated.
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${server.url}/`);
    await tableShown(page);
    // First visit: the worker precaches build A and takes control.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 60_000
    });
    const a = await footer(page);
    assert.equal(a.id, idA);
    assert.match(a.date, /^\d{1,2}(er)? \p{L}+ \d{4}$/u, `French date: « ${a.date} »`);
    assert.equal(await page.locator('[data-testid="update-reload"]').count(), 0);

    // Redeploy: the server now serves build B.
    renameSync(site, join(root, 'old'));
    renameSync(next, site);
    // Back online is one of the moments the page checks (also on focus and every 10 min).
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForSelector('[data-testid="update-reload"]', { timeout: 60_000 });
    assert.equal(
      (await page.textContent('[data-testid="update-notice"]'))?.replace(/\s+/g, ' ').trim(),
      'Données mises à jour — recharger'
    );
    await screenshot(page, 'update-notice-1280');
    // Nothing changed under the reader's eyes, and both builds are cached side by side.
    assert.equal((await footer(page)).id, idA);
    const cachesBefore = await page.evaluate(() => caches.keys());
    assert.deepEqual(cachesBefore.sort(), [`atlas-plh-${idA}`, `atlas-plh-${idB}`].sort());

    // Offline before reloading: the old build still works entirely, and the notice stays.
    await server.close();
    await page.reload();
    await tableShown(page);
    assert.equal((await footer(page)).id, idA);
    await page.waitForSelector('[data-testid="update-reload"]', { timeout: 15_000 });

    // Back online, « recharger »: build B, its data date, one cache left.
    server = await startStaticServer(site, port);
    await Promise.all([
      page.waitForEvent('load', { timeout: 30_000 }),
      page.click('[data-testid="update-reload"]')
    ]);
    // The page reloads once the new worker is active, which takes seconds on a busy machine:
    // what the reader ends with is build B, with its data date (never a mix of the two).
    const { last: b, mixed } = await settledFooter(page, { id: idB, date: dateB });
    assert.deepEqual(mixed, [], 'a page of one build with the data date of the other');
    assert.equal(b.id, idB);
    assert.equal(b.date, '15 janvier 2027');
    assert.equal(await page.locator('[data-testid="update-reload"]').count(), 0);
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`atlas-plh-${idB}`]);

    // Offline with the new build.
    await server.close();
    await page.reload();
    await tableShown(page);
    assert.equal((await footer(page)).id, idB);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  }
});
