import { loadData, settle } from '$lib/data/app-data';
import type { LayoutServerLoad } from './$types';

export const prerender = true;
export const trailingSlash = 'never';

/**
 * The EPCI of this build names the site in the header, and the footer dates the data; a broken
 * meta file must not blank the page. Read at build time: every page carries the two strings, and
 * the browser neither fetches nor validates the file.
 */
export const load: LayoutServerLoad = async ({ fetch }) => {
  const meta = await settle(loadData(fetch, 'meta'));
  return {
    epciName: meta.ok ? meta.data.epci.nom : null,
    /** When the pipeline built the data (ISO 8601), for the footer. */
    dataBuiltAt: meta.ok ? meta.data.builtAt : null
  };
};
