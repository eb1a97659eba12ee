import { loadData, loadSources, settle } from '$lib/data/app-data';
import { packIndicators } from '$lib/data/values-pack';
import { withoutProfiles } from '$lib/schemas/indicators';
import type { PageServerLoad } from './$types';

/**
 * The indicators and the pre-projected SVG geometry are read and validated at build time, so the
 * prerendered page carries them as plain data: the map paints with the HTML, with no map library
 * and no parsing or validation in the browser. The linking profiles are left out (the
 * « propositions » view loads them with the workshop base), and the values are packed (+page.ts
 * unpacks them). MapLibre is downloaded only when the
 * user asks for what it alone does (see ExplorerMap).
 */
export const load: PageServerLoad = async ({ fetch }) => {
  const [indicators, meta, geometry] = await Promise.all([
    settle(loadData(fetch, 'indicators')),
    settle(loadData(fetch, 'meta')),
    settle(loadData(fetch, 'svgOverview'))
  ]);
  return {
    indicators: indicators.ok
      ? { ok: true as const, data: packIndicators(withoutProfiles(indicators.data)) }
      : indicators,
    epciName: meta.ok ? meta.data.epci.nom : null,
    geometry,
    /**
     * Titles, producers and vintages of the datasets, to cite them (validated here, not in the
     * browser).
     */
    sources: loadSources().sources.map(({ id, title, producer, vintage, attribution }) => ({
      id,
      title,
      producer,
      vintage,
      attribution
    }))
  };
};
