/**
 * Redeploy notice (see src/service-worker.ts): the page keeps the build it was opened with until
 * the user asks for the new one. `available` turns true when a new build is installed and
 * waiting (its files are all cached) — or, without a service worker, when the server's
 * meta.json names another build. `reload()` hands over to the new worker, then reloads.
 * One instance, in the root layout; `start()` in onMount, `stop()` in onDestroy.
 */

/** How often an open page asks whether the site was redeployed (also on focus and when back online). */
const CHECK_EVERY_MS = 10 * 60 * 1000;
/**
 * If the new worker has not even begun to take over within this delay (the message lost), reload
 * anyway: the old build, whole, since its cache is only deleted once the new worker activates.
 */
export const HANDOVER_TIMEOUT_MS = 15_000;

interface CheckReply {
  current: string;
  latest: string | null;
  changed: boolean;
}

function isCheckReply(v: unknown): v is CheckReply {
  return typeof v === 'object' && v !== null && 'changed' in v && typeof v.changed === 'boolean';
}

export class AppUpdate {
  /** A new build is ready: show « Données mises à jour — recharger ». */
  available = $state(false);
  /** Build id the server announced last (null until a check got an answer). */
  latestBuildId = $state<string | null>(null);

  #buildId: string;
  #metaUrl: string;
  #registration: ServiceWorkerRegistration | null = null;
  #reloading = false;
  #cleanup: (() => void)[] = [];

  /** `buildId`: the build this page runs (`version` of $app/environment); `metaUrl`: data/meta.json. */
  constructor(buildId: string, metaUrl: string) {
    this.#buildId = buildId;
    this.#metaUrl = metaUrl;
  }

  async start(): Promise<void> {
    const check = () => void this.check();
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    const timer = setInterval(check, CHECK_EVERY_MS);
    window.addEventListener('online', check);
    document.addEventListener('visibilitychange', onVisible);
    this.#cleanup.push(() => {
      clearInterval(timer);
      window.removeEventListener('online', check);
      document.removeEventListener('visibilitychange', onVisible);
    });

    if ('serviceWorker' in navigator) {
      const container = navigator.serviceWorker;
      // The first worker taking control (first visit) is no new build.
      let hadController = container.controller !== null;
      const onControllerChange = () => {
        if (this.#reloading) window.location.reload();
        // Another tab took the new build: this one now runs under the new worker, say so.
        else if (hadController) this.available = true;
        hadController = true;
      };
      container.addEventListener('controllerchange', onControllerChange);
      this.#cleanup.push(() =>
        container.removeEventListener('controllerchange', onControllerChange)
      );
      check();
      // SvelteKit registers the worker on load; `ready` waits for it.
      this.#watch(await container.ready);
    } else check();
  }

  stop(): void {
    for (const fn of this.#cleanup.splice(0)) fn();
  }

  #watch(registration: ServiceWorkerRegistration): void {
    this.#registration = registration;
    // A worker installed but waiting: only a page that already runs under a worker has an old
    // build to replace (the very first install activates at once).
    const waitingReady = () =>
      registration.waiting !== null && navigator.serviceWorker.controller !== null;
    if (waitingReady()) this.available = true;
    const onUpdateFound = () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && waitingReady()) this.available = true;
      });
    };
    registration.addEventListener('updatefound', onUpdateFound);
    this.#cleanup.push(() => registration.removeEventListener('updatefound', onUpdateFound));
  }

  /** Asks whether the site was redeployed (the service worker reads meta.json's build id). */
  async check(): Promise<void> {
    const controller = navigator.serviceWorker?.controller ?? null;
    if (controller) {
      const reply = await new Promise<unknown>((resolve) => {
        const channel = new MessageChannel();
        const timer = setTimeout(() => resolve(null), 15_000);
        channel.port1.onmessage = (e: MessageEvent<unknown>) => {
          clearTimeout(timer);
          resolve(e.data);
        };
        controller.postMessage({ type: 'atlas-plh:check-update' }, [channel.port2]);
      });
      if (isCheckReply(reply)) this.latestBuildId = reply.latest;
      // `available` follows the new worker's installation (see #watch), not this answer:
      // the banner appears only once the new build is entirely cached.
      return;
    }
    // No worker (unsupported, or not yet in control): the server's meta.json is the only sign,
    // and a plain reload then fetches the new build from the network.
    try {
      const response = await fetch(this.#metaUrl, { cache: 'no-store' });
      if (!response.ok) return;
      const meta: unknown = await response.json();
      const id =
        typeof meta === 'object' &&
        meta !== null &&
        'build' in meta &&
        typeof meta.build === 'object' &&
        meta.build !== null &&
        'id' in meta.build &&
        typeof meta.build.id === 'string'
          ? meta.build.id
          : null;
      this.latestBuildId = id;
      if (id !== null && id !== this.#buildId && this.#registration === null) this.available = true;
    } catch {
      // Offline: nothing to compare, try again later.
    }
  }

  /** Switches to the new build: the waiting worker takes over, then the page reloads. */
  reload(): void {
    const waiting = this.#registration?.waiting ?? null;
    if (!waiting || !navigator.serviceWorker.controller) {
      window.location.reload();
      return;
    }
    this.#reloading = true;
    // Reload once the new worker is in control (controllerchange, see start()) or active, or has
    // failed (redundant: the old build and its cache stay whole). Never while it activates: it
    // deletes the old cache meanwhile, and the old page would reload with files of neither build.
    waiting.addEventListener('statechange', () => {
      if (waiting.state === 'activated' || waiting.state === 'redundant') window.location.reload();
    });
    waiting.postMessage({ type: 'atlas-plh:skip-waiting' });
    setTimeout(() => {
      if (waiting.state !== 'activating') window.location.reload();
    }, HANDOVER_TIMEOUT_MS);
  }
}
