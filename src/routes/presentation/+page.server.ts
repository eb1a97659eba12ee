/**
 * Meeting mode: the page carries the list of territories and the themes; the slides of a sequence
 * (prepared at build time, one file per territory: `diapositives/[code].json`) and their map are
 * fetched when the sequence opens, and cached offline by the service worker like the page.
 */
import { sourceTitles } from '$lib/components/presentation/source-titles';
import { loadData } from '$lib/data/app-data';
import { loadBundledWorkshop } from '$lib/data/workshop';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const [indicators, workshop] = await Promise.all([
    loadData(fetch, 'indicators'),
    loadBundledWorkshop()
  ]);
  const themes = new Map(workshop.items.map((i) => [i.theme, i.themeQuestion]));
  return {
    /** Short titles of the datasets, by id, for the slides' source lines. */
    sourceTitles: sourceTitles(),
    territories: [
      ...indicators.communes.map((c) => ({ code: c.code, nom: c.nom, kind: 'commune' as const })),
      ...indicators.qpv.map((q) => ({ code: q.code, nom: q.nom, kind: 'qpv' as const }))
    ],
    themes: [...themes]
      .sort((a, b) => a[0] - b[0])
      .map(([theme, question]) => ({ theme, question }))
  };
};
