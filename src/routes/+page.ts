import { browser } from '$app/environment';
import { base } from '$app/paths';
import { loadData, settle } from '$lib/data/app-data';
import { loadMapLibre } from '$lib/map/maplibre';
import type { PageLoad } from './$types';

// The indicators are loaded (and prerendered into the page) so that the headings and the table
// paint before the map library arrives; the map fetches its own geometry.
export const load: PageLoad = async ({ fetch }) => {
  if (browser) {
    // Start the map library and geometry downloads now, in parallel with hydration; the map
    // component picks up the same (cached) promises. Failures surface there, not here.
    loadMapLibre().catch(() => undefined);
    loadData(globalThis.fetch, 'communes', base).catch(() => undefined);
  }
  const [indicators, meta] = await Promise.all([
    settle(loadData(fetch, 'indicators', base)),
    settle(loadData(fetch, 'meta', base))
  ]);
  return { indicators, meta };
};
