import { base } from '$app/paths';
import { loadData, settle } from '$lib/data/app-data';
import type { PageLoad } from './$types';

// The indicators are loaded (and prerendered into the page) so that the headings and the table
// paint before the map library arrives; the map fetches its own geometry.
export const load: PageLoad = async ({ fetch }) => {
  const [indicators, meta] = await Promise.all([
    settle(loadData(fetch, 'indicators', base)),
    settle(loadData(fetch, 'meta', base))
  ]);
  return { indicators, meta };
};
