import { loadData, loadSources, settle } from '$lib/data/app-data';
import { formatLongDateFr } from '$lib/format/date';
import type { LayoutServerLoad } from './$types';

export const prerender = true;
export const trailingSlash = 'never';

/**
 * The EPCI of this build names the site in the header, and the footer dates the data and lists
 * the datasets; a broken meta file must not blank the page. Read, validated and formatted at
 * build time: every page carries plain strings, and the browser neither fetches, validates nor
 * formats them (a time-zoned `Intl.DateTimeFormat` alone costs 50–70 ms of main thread).
 */
export const load: LayoutServerLoad = async ({ fetch }) => {
  const meta = await settle(loadData(fetch, 'meta'));
  const builtAt = meta.ok ? meta.data.builtAt : null;
  return {
    epciName: meta.ok ? meta.data.epci.nom : null,
    /** When the pipeline built the data (ISO 8601), for the footer. */
    dataBuiltAt: builtAt,
    /** The same day in French (« 29 novembre 2026 », Paris time), or null. */
    dataBuiltOn: builtAt === null ? null : formatLongDateFr(builtAt),
    /** Producer and vintage of every dataset, for the footer. */
    footerSources: loadSources().sources.map(({ id, attribution, vintage }) => ({
      id,
      attribution,
      vintage
    }))
  };
};
