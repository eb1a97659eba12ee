/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline support (meeting rooms often have no network): at install, precache the app's build,
 * the static files (including the generated geo/data files) and every prerendered page; serve
 * them cache-first. `build` holds every file of _app/immutable/, the workers' too (Vite's
 * manifest leaves those out: scripts/vite/manifest-lists-every-file.ts adds them). Anything else
 * goes to the network, falling back to the cache.
 *
 * Redeploys: each build has its own id (`version`, also `build.id` of the published meta.json)
 * and its own cache. A new worker precaches the new build completely (addAll is all or nothing),
 * then WAITS: the open pages keep the old build and its cache, offline included, and show
 * « Données mises à jour — recharger ». Only when the user asks does the new worker take over
 * (`atlas-plh:skip-waiting`), delete the old cache and let the page reload: one build at a time,
 * never a mix of old pages and new data. Pages ask `atlas-plh:check-update` from time to time:
 * the worker reads the server's meta.json and, when its build id differs, fetches the new worker.
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `atlas-plh-${version}`;
const META_URL = new URL('data/meta.json', sw.registration.scope).href;
const PRECACHE = [...new Set([...build, ...files, ...prerendered])];
const PRECACHED = new Set(PRECACHE);

sw.addEventListener('install', (event) => {
  event.waitUntil(
    // No skipWaiting: the first worker activates at once anyway, a later one waits for the user.
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE))
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      // Only the caches of this app's previous builds (the origin may host others).
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('atlas-plh-') && k !== CACHE).map((k) => caches.delete(k))
        )
      )
      .then(() => sw.clients.claim())
  );
});

/** Build id of the deployed site, read from the network (null when offline or unreadable). */
async function deployedBuildId(): Promise<string | null> {
  try {
    const response = await fetch(META_URL, { cache: 'no-store' });
    if (!response.ok) return null;
    const meta: unknown = await response.json();
    if (typeof meta !== 'object' || meta === null || !('build' in meta)) return null;
    const build: unknown = meta.build;
    if (typeof build !== 'object' || build === null || !('id' in build)) return null;
    return typeof build.id === 'string' ? build.id : null;
  } catch {
    return null;
  }
}

sw.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown; urls?: unknown } | null;
  if (data?.type === 'atlas-plh:skip-waiting') {
    event.waitUntil(sw.skipWaiting());
    return;
  }
  if (data?.type === 'atlas-plh:check-update') {
    event.waitUntil(
      (async () => {
        const latest = await deployedBuildId();
        const changed = latest !== null && latest !== version;
        // The browser compares the worker script and installs the new one (which then waits).
        if (changed) await sw.registration.update().catch(() => undefined);
        event.ports[0]?.postMessage({ current: version, latest, changed });
      })()
    );
    return;
  }
  // Files the page loaded before this worker controlled it (see `completeOfflineCache`).
  if (data?.type !== 'atlas-plh:cache-urls' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter(
    (u): u is string =>
      typeof u === 'string' && new URL(u, sw.location.href).origin === sw.location.origin
  );
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      const results = await Promise.all(
        urls.map(async (u) => {
          if (await cache.match(u, { ignoreSearch: true })) return true;
          return cache.add(u).then(
            () => true,
            () => false
          );
        })
      );
      event.ports[0]?.postMessage({ ok: results.every(Boolean) });
    })
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Only the app's own origin: the optional online basemap is left to the browser.
  if (url.origin !== sw.location.origin) return;

  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Prerendered pages are keyed by path; the query (e.g. ?territoires=…) is read in the page.
      if (PRECACHED.has(url.pathname)) {
        const hit = await cache.match(url.pathname);
        if (hit) return hit;
      }
      try {
        const response = await fetch(request);
        if (response.ok && response.type === 'basic') void cache.put(request, response.clone());
        return response;
      } catch (error) {
        const hit =
          (await cache.match(request)) ?? (await cache.match(request, { ignoreSearch: true }));
        if (hit) return hit;
        throw error;
      }
    })()
  );
});
