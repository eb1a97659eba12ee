/**
 * Printable atlas: one sheet per commune of the EPCI (SRU, QPV, transit, housing, and the top
 * workshop problems and actions with their « why »), prepared at build time.
 */
import { buildSlides } from '$lib/components/presentation/slides';
import { loadData, loadSources } from '$lib/data/app-data';
import { loadBundledWorkshop } from '$lib/data/workshop';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const [indicators, qpv, meta, workshop] = await Promise.all([
    loadData(fetch, 'indicators'),
    loadData(fetch, 'qpv'),
    loadData(fetch, 'meta'),
    loadBundledWorkshop()
  ]);
  const slides = buildSlides(indicators, workshop.items, { perColumn: 3 });
  const communes = [...indicators.communes].sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
  return {
    epciNom: meta.epci.nom,
    definitions: indicators.definitions,
    sources: loadSources().sources,
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
