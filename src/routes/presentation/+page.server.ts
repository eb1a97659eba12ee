/**
 * Meeting mode: every possible slide (each commune and QPV) is prepared at build time, so the
 * page needs no data fetch to show a territory and keeps working offline once cached.
 */
import { buildSlides } from '$lib/components/presentation/slides';
import { sourceTitles } from '$lib/components/presentation/source-titles';
import { loadData, settle } from '$lib/data/app-data';
import { loadBundledWorkshop } from '$lib/data/workshop';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const [indicators, qpv, workshop, geometry] = await Promise.all([
    loadData(fetch, 'indicators'),
    loadData(fetch, 'qpv'),
    loadBundledWorkshop(),
    // The slides' SVG map (no WebGL needed); a broken file leaves a French message in its place.
    settle(loadData(fetch, 'svgOverview'))
  ]);
  const generation = new Map(qpv.features.map((f) => [f.properties.code, f.properties.generation]));
  const slides = buildSlides(indicators, workshop.items, { qpvGeneration: generation });
  const themes = new Map(workshop.items.map((i) => [i.theme, i.themeQuestion]));
  return {
    geometry,
    /** Short titles of the datasets, by id, for the slides' source lines. */
    sourceTitles: sourceTitles(),
    slides: Object.fromEntries(slides),
    territories: [...slides.values()].map((s) => ({ code: s.code, nom: s.nom, kind: s.kind })),
    themes: [...themes]
      .sort((a, b) => a[0] - b[0])
      .map(([theme, question]) => ({ theme, question }))
  };
};
