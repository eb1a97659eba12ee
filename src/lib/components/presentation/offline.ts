/**
 * Completes the service worker's cache with what the page loaded before the worker controlled
 * it: on a first visit the app installs its worker while the page is already loading, and some
 * files are not in the worker's build list (MapLibre's own worker script, emitted by Vite). The
 * page hands their URLs to the worker, which caches them; resolves true once done.
 */
import { MAPLIBRE_URL, MAPLIBRE_WORKER_URL } from '../../map/maplibre';

export const CACHE_URLS_MESSAGE = 'atlas-plh:cache-urls';

export async function completeOfflineCache(timeoutMs = 20_000): Promise<boolean> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return false;
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (!worker) return false;
  const urls = new Set<string>(
    [MAPLIBRE_URL, MAPLIBRE_WORKER_URL].map((u) => new URL(u, location.href).href)
  );
  for (const entry of performance.getEntriesByType('resource')) {
    const url = new URL(entry.name);
    if (url.origin === location.origin) urls.add(url.href);
  }
  return new Promise<boolean>((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(false), timeoutMs);
    channel.port1.onmessage = (event: MessageEvent<{ ok?: boolean }>) => {
      clearTimeout(timer);
      resolve(event.data.ok === true);
    };
    worker.postMessage({ type: CACHE_URLS_MESSAGE, urls: [...urls] }, [channel.port2]);
  });
}
