/**
 * Printable atlas: one sheet per commune of the EPCI (SRU, QPV, transit, housing, the top
 * workshop problems and actions with their « why », and its map), prepared at build time. The
 * map geometry is carried once (the whole overview and the tram and Chrono lines, no stops): each
 * page cuts its own map from it, rather than 49 cut copies in the page data.
 */
import { buildSlides } from '$lib/components/presentation/slides';
import { loadData, loadSources, type Loaded } from '$lib/data/app-data';
import type { SvgOverview, SvgTransit } from '$lib/schemas/svg-map';
import { loadBundledWorkshop } from '$lib/data/workshop';
import type { PageServerLoad } from './$types';
import { compareFrench } from '$lib/format/collate';

export const load: PageServerLoad = async ({ fetch }) => {
  const [indicators, qpv, meta, workshop] = await Promise.all([
    loadData(fetch, 'indicators'),
    loadData(fetch, 'qpv'),
    loadData(fetch, 'meta'),
    loadBundledWorkshop()
  ]);
  const geometry = await loadAtlasGeometry(fetch);
  const slides = buildSlides(indicators, workshop.items, { perColumn: 3 });
  const communes = [...indicators.communes].sort((a, b) => compareFrench(a.nom, b.nom));
  return {
    epciNom: meta.epci.nom,
    definitions: indicators.definitions,
    sources: loadSources().sources,
    geometry,
    sheets: communes.map((c) => {
      const slide = slides.get(c.code);
      return {
        commune: c,
        perimeters: qpv.features
          .map((f) => f.properties)
          .filter((q) => q.communes.includes(c.code)),
        problems: slide?.problems ?? [],
        actions: slide?.actions ?? []
      };
    })
  };
};

/** The overview and the tram and Chrono lines (what the printed maps draw), or the error. */
async function loadAtlasGeometry(
  fetchFn: typeof fetch
): Promise<Loaded<{ overview: SvgOverview; transit: SvgTransit }>> {
  try {
    const [overview, transit] = await Promise.all([
      loadData(fetchFn, 'svgOverview'),
      loadData(fetchFn, 'svgTransit')
    ]);
    const lines = transit.lines.filter((l) => l.mode !== 'bus');
    return { ok: true, data: { overview, transit: { ...transit, lines, stops: [] } } };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
