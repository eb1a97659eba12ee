/**
 * The build served by a real nginx with the sample configuration deploy/nginx.conf: headers
 * (CSP with frame-ancestors, precompressed brotli/gzip, cache rules), the app, its service
 * worker and offline mode. Skipped when nginx is missing, except under CI where .ci/run installs
 * it: there a missing nginx fails. Also (static server): the service worker precaches every file of
 * the build's _app/immutable/, workers included.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join, relative, resolve, sep } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { test } from './harness';
import { findNginx, startNginx, type NginxServer } from './nginx';
import { waitForSvgMap } from './svg-map';

const BUILD = resolve('build');

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET whose body is NOT decoded, to see what the server really sent. */
function get(url: string, acceptEncoding = ''): Promise<RawResponse> {
  return new Promise((ok, fail) => {
    const req = request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
      );
    });
    req.on('error', fail);
    req.end();
  });
}

/** Serves the build with nginx, or says why not (fails under CI). */
async function withNginx(fn: (nginx: NginxServer) => Promise<void>): Promise<void> {
  if (!findNginx()) {
    const message =
      'deploy.e2e: nginx is not installed (apt-get install nginx; .ci/run installs it)';
    if (process.env.CI) throw new Error(`${message}: required under CI.`);
    console.log(`    skipped — ${message}`);
    return;
  }
  const nginx = await startNginx(BUILD);
  try {
    await fn(nginx);
  } finally {
    await nginx.dispose();
  }
}

async function appShown(page: Page): Promise<void> {
  const drawn = await waitForSvgMap(page);
  assert.equal(drawn.territories, 49);
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="communes-table"] tbody tr').length > 10
  );
}

test('nginx with deploy/nginx.conf sends the CSP, precompressed files and cache rules', async () => {
  await withNginx(async (nginx) => {
    const page = await get(`${nginx.url}/`, 'gzip');
    assert.equal(page.status, 200);
    const csp = String(page.headers['content-security-policy'] ?? '');
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /worker-src 'self' blob:/);
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.equal(page.headers['cache-control'], 'no-cache');
    assert.match(String(page.headers['content-type']), /^text\/html; charset=utf-8/);
    // The page's own <meta> CSP (script hashes) still comes with it.
    assert.match(gunzipSync(page.body).toString(), /http-equiv="content-security-policy"/);

    // A hashed script: precompressed brotli (or gzip without the module), cached for a year.
    const immutable = join(BUILD, '_app/immutable/entry');
    const entry = readdirSync(immutable).find((f) => /^app\.[\w-]+\.js$/.test(f));
    assert.ok(entry, 'the build has its entry script');
    const original = readFileSync(join(immutable, entry));
    const url = `${nginx.url}/_app/immutable/entry/${entry}`;
    const br = await get(url, 'br, gzip');
    assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(String(br.headers['vary']), /Accept-Encoding/i);
    if (nginx.brotli) {
      assert.equal(br.headers['content-encoding'], 'br');
      assert.deepEqual(brotliDecompressSync(br.body), original);
      // The very file written by adapter-static, not an on-the-fly compression.
      assert.deepEqual(br.body, readFileSync(join(immutable, `${entry}.br`)));
    } else {
      console.log('    brotli_static module absent: gzip only');
    }
    const gz = await get(url, 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gz.body), original);
    const plain = await get(url);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.body, original);

    // MapLibre is an ES module (.mjs): browsers refuse it with a non-JavaScript type.
    const assets = join(BUILD, '_app/immutable/assets');
    const mjs = readdirSync(assets).find((f) => f.endsWith('.mjs'));
    assert.ok(mjs, 'the build ships MapLibre as an .mjs asset');
    const lib = await get(`${nginx.url}/_app/immutable/assets/${mjs}`, 'gzip');
    assert.match(String(lib.headers['content-type']), /^text\/javascript/);
    assert.equal(lib.headers['content-encoding'], 'gzip');

    // Never from a cache: what announces a redeploy.
    for (const path of ['/service-worker.js', '/data/meta.json', '/_app/version.json']) {
      const r = await get(`${nginx.url}${path}`, 'gzip');
      assert.equal(r.status, 200, path);
      assert.equal(r.headers['cache-control'], 'no-store', path);
    }
    // Generated data keeps its name across deployments: revalidated, and compressed.
    const geo = await get(`${nginx.url}/geo/communes.geojson`, 'br, gzip');
    assert.equal(geo.headers['cache-control'], 'no-cache');
    assert.match(String(geo.headers['content-type']), /^application\/geo\+json/);
    assert.ok(['br', 'gzip'].includes(String(geo.headers['content-encoding'])));
    // Prerendered pages without their extension, as the app links them.
    const sheet = await get(`${nginx.url}/sources`);
    assert.equal(sheet.status, 200);
  });
});

test('under nginx: the app renders, its service worker registers, offline works', async ({
  browser,
  screenshot
}) => {
  await withNginx(async (nginx) => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'fr-FR',
      serviceWorkers: 'allow'
    });
    const errors: string[] = [];
    try {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      // A CSP violation (header or meta) is reported as a console error.
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(`${nginx.url}/`);
      await appShown(page);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
        timeout: 60_000
      });
      await screenshot(page, 'deploy-nginx-1280');
      assert.deepEqual(errors, []);

      // frame-ancestors 'none': another page cannot frame the app.
      const framer = await context.newPage();
      framer.on('console', () => undefined);
      await framer.setContent(
        `<iframe src="${nginx.url}/sources" width="400" height="300"></iframe>`
      );
      await framer.waitForTimeout(1500);
      const framed = framer.frames().find((f) => f !== framer.mainFrame());
      const framedTitle = framed ? await framed.title().catch(() => '') : '';
      assert.doesNotMatch(framedTitle, /Atlas PLH/, 'the framed page must not render');
      await framer.close();

      // Offline: nginx stopped, the page reloads from the service worker's cache.
      await nginx.stop();
      await page.reload();
      await appShown(page);
      await page.goto(`${nginx.url}/propositions`);
      await page.locator('[data-testid="proposition"]').first().waitFor({ timeout: 30_000 });
      // Where an item applies needs the indicators file, loaded on demand: from the cache too.
      await page.locator('[data-testid="proposition"] button').first().click();
      await page
        .locator('[data-testid="item-territories"]:not([aria-busy="true"]) li a')
        .first()
        .waitFor({ timeout: 30_000 });
      assert.deepEqual(
        errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e)),
        []
      );
      await nginx.start();
    } finally {
      await context.close();
    }
  });
});

/** Every file of the build's `_app/immutable/` (not the .br/.gz copies), as site paths. */
function immutableFiles(): string[] {
  return readdirSync(join(BUILD, '_app/immutable'), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && !/\.(br|gz)$/.test(e.name))
    .map((e) => `/${relative(BUILD, join(e.parentPath, e.name)).split(sep).join('/')}`)
    .sort();
}

test('offline: the service worker precaches every file of _app/immutable, workers included', async ({
  newPage,
  baseURL,
  server
}) => {
  const expected = immutableFiles();
  assert.ok(
    expected.some((f) => f.startsWith('/_app/immutable/workers/')),
    'the build has a worker (names of the SVG map)'
  );
  const { page, context, errors } = await newPage();
  // A page without a map: the names' worker is never fetched, only the precache can hold it.
  await page.goto(`${baseURL}/sources`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 60_000
  });
  const cached = await page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
  assert.deepEqual(
    expected.filter((f) => !cached.includes(f)),
    [],
    'files of _app/immutable missing from the offline cache'
  );
  // Then the map, offline, for the first time: its names are placed.
  await server.stop();
  await page.goto(`${baseURL}/`);
  const drawn = await waitForSvgMap(page);
  assert.equal(drawn.territories, 49);
  await page.waitForSelector('[data-testid="svg-map"] g.labels text', { timeout: 30_000 });
  assert.deepEqual(
    errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e)),
    []
  );
  await server.start();
  await context.close();
});
