import { base } from '$app/paths';
import { loadData, settle } from '$lib/data/app-data';
import type { LayoutLoad } from './$types';

export const prerender = true;
export const trailingSlash = 'never';

/**
 * The EPCI of this build names the site in the header, and the footer dates the data; a broken
 * meta file must not blank the page.
 */
export const load: LayoutLoad = async ({ fetch }) => {
  const meta = await settle(loadData(fetch, 'meta', base));
  return {
    epciName: meta.ok ? meta.data.epci.nom : null,
    /** When the pipeline built the data (ISO 8601), for the footer. */
    dataBuiltAt: meta.ok ? meta.data.builtAt : null
  };
};
