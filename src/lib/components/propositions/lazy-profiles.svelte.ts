/**
 * The territories' linking profiles for `/propositions`, loaded when the page first needs them:
 * an item chosen, or a territory named. They are about 80 KB of the indicators file: inlined in
 * the prerendered page, the browser compiled them on every first view, before anyone asked
 * where an item applies. The file comes from the service worker's cache when offline.
 */
import { base } from '$app/paths';
import { loadFailureMessage } from '../../data/app-data-error';
import type { TerritoryProfile } from '../../schemas/tags';

export class LazyProfiles {
  /** Communes then QPV; null until loaded. */
  list = $state.raw<TerritoryProfile[] | null>(null);
  /** French message of a failed load (names the file, or says to check the connection). */
  error = $state<string | null>(null);
  #loading = false;

  /** Starts the download once; again after a failure. */
  load(): void {
    if (this.#loading || this.list) return;
    this.#loading = true;
    this.error = null;
    import('../../data/app-data')
      .then(({ loadData }) => loadData(fetch, 'indicators', base))
      .then((indicators) => {
        this.list = [
          ...indicators.communes.map((c) => c.profile),
          ...indicators.qpv.map((q) => q.profile)
        ];
      })
      .catch((e: unknown) => {
        this.error = loadFailureMessage(e, 'Les profils des territoires n’ont pas pu être chargés');
      })
      .finally(() => {
        this.#loading = false;
      });
  }
}
