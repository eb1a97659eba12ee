/**
 * `/presentation/diapositives/<code>.json`: one meeting-mode slide (a commune or a QPV), written
 * at build time. The page fetches only the slides of its sequence, instead of carrying all of
 * them in its HTML; the service worker precaches every file, so any territory still shows offline.
 */
import { error, json } from '@sveltejs/kit';
import { buildSlides } from '$lib/components/presentation/slides';
import { readIndicatorsAtBuild } from '$lib/components/sheet/prerender-entries';
import { loadData } from '$lib/data/app-data';
import { loadBundledWorkshop } from '$lib/data/workshop';
import type { SlideData } from '$lib/schemas/slides';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => {
  const indicators = readIndicatorsAtBuild();
  return [...indicators.communes, ...indicators.qpv].map(({ code }) => ({ code }));
};

// Every file of the build comes from the same deck: built once per prerendering process.
let deck: Promise<Map<string, SlideData>> | undefined;

function buildDeck(fetchFn: typeof fetch): Promise<Map<string, SlideData>> {
  deck ??= Promise.all([
    loadData(fetchFn, 'indicators'),
    loadData(fetchFn, 'qpv'),
    loadBundledWorkshop()
  ]).then(([indicators, qpv, workshop]) => {
    const generation = new Map(
      qpv.features.map((f) => [f.properties.code, f.properties.generation])
    );
    return buildSlides(indicators, workshop.items, { qpvGeneration: generation });
  });
  deck.catch(() => (deck = undefined));
  return deck;
}

export const GET: RequestHandler = async ({ params, fetch }) => {
  const slide = (await buildDeck(fetch)).get(params.code);
  if (!slide) error(404, `Aucune diapositive pour le territoire ${params.code}`);
  return json(slide);
};
