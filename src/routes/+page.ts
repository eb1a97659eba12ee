import { base } from '$app/paths';
import { loadData, settle } from '$lib/data/app-data';
import type { PageLoad } from './$types';

// The indicators and the pre-projected SVG geometry are loaded here, so both are prerendered into
// the page: the map paints with the HTML, with no map library. MapLibre is downloaded only when
// the user asks for what it alone does (see ExplorerMap).
export const load: PageLoad = async ({ fetch }) => {
  const [indicators, meta, geometry] = await Promise.all([
    settle(loadData(fetch, 'indicators', base)),
    settle(loadData(fetch, 'meta', base)),
    settle(loadData(fetch, 'svgOverview', base))
  ]);
  return { indicators, meta, geometry };
};
