/**
 * `/propositions`: the whole workshop base and the territories by name. Where an item applies
 * (and why) needs the territories' linking profiles: the page loads them when first asked
 * (lazy-profiles.svelte.ts), so they are not compiled with every first view.
 */
import { loadData, settle } from '$lib/data/app-data';
import { loadBundledWorkshop } from '$lib/data/workshop';
import { packItems } from '$lib/components/propositions/packed-items';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const [workshop, indicators, geometry] = await Promise.all([
    settle(loadBundledWorkshop()),
    settle(loadData(fetch, 'indicators')),
    // The pre-projected SVG map: prerendered with the page, no map library.
    settle(loadData(fetch, 'svgOverview'))
  ]);
  return {
    // Each theme's question once, not on every item (packed-items.ts).
    packed: packItems(workshop.ok ? workshop.data.items : []),
    rejected: workshop.ok ? workshop.data.errors.map((e) => e.message) : [],
    workshopError: workshop.ok ? null : workshop.error,
    territories: indicators.ok
      ? [...indicators.data.communes, ...indicators.data.qpv].map(({ profile }) => ({
          code: profile.code,
          nom: profile.nom,
          kind: profile.kind
        }))
      : [],
    indicatorsError: indicators.ok ? null : indicators.error,
    geometry
  };
};
