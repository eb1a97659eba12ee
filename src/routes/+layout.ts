import { base } from '$app/paths';
import { loadData, settle } from '$lib/data/app-data';
import type { LayoutLoad } from './$types';

export const prerender = true;
export const trailingSlash = 'never';

/** The EPCI of this build names the site in the header; a broken meta file must not blank it. */
export const load: LayoutLoad = async ({ fetch }) => {
  const meta = await settle(loadData(fetch, 'meta', base));
  return { epciName: meta.ok ? meta.data.epci.nom : null };
};
