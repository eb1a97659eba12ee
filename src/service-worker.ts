/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline support (meeting rooms often have no network): at install, precache the app's build,
 * the static files (including the generated geo/data files) and every prerendered page; serve
 * them cache-first. Anything else goes to the network, falling back to the cache.
 * A new deployment gets a new cache (`version`); old caches are removed on activation.
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `atlas-plh-${version}`;
const PRECACHE = [...new Set([...build, ...files, ...prerendered])];
const PRECACHED = new Set(PRECACHE);

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => sw.skipWaiting())
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim())
  );
});

// Files the page loaded before this worker controlled it (see `completeOfflineCache`).
sw.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown; urls?: unknown } | null;
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
