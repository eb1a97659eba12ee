/**
 * `/propositions`: the whole workshop base with the territory profiles needed to say where each
 * item applies (and why). Read at build time; only profiles travel, not the full indicators.
 */
import { loadData, settle } from '$lib/data/app-data';
import { loadBundledWorkshop } from '$lib/data/workshop';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const [workshop, indicators, geometry] = await Promise.all([
    settle(loadBundledWorkshop()),
    settle(loadData(fetch, 'indicators')),
    // The pre-projected SVG map: prerendered with the page, no map library.
    settle(loadData(fetch, 'svgOverview'))
  ]);
  return {
    items: workshop.ok ? workshop.data.items : [],
    rejected: workshop.ok ? workshop.data.errors.map((e) => e.message) : [],
    workshopError: workshop.ok ? null : workshop.error,
    profiles: indicators.ok
      ? [
          ...indicators.data.communes.map((c) => c.profile),
          ...indicators.data.qpv.map((q) => q.profile)
        ]
      : [],
    indicatorsError: indicators.ok ? null : indicators.error,
    geometry
  };
};
