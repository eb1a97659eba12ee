/**
 * Arbitration page: the baselines are computed at build time from the generated SRU file and
 * the L302-8 parameters, so the page ships a small table instead of the whole files.
 */
import rulesJson from '../../../data/parameters/sru-rules.json';
import { calendarOf, sruBaselines } from '$lib/arbitration/baseline';
import { loadData, validateData } from '$lib/data/app-data';
import { sruRulesSchema } from '$lib/schemas/parameters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const [sru, communes] = await Promise.all([loadData(fetch, 'sru'), loadData(fetch, 'communes')]);
  const rules = validateData('data/parameters/sru-rules.json', sruRulesSchema, rulesJson);
  const names = new Map(communes.features.map((f) => [f.properties.code, f.properties.nom]));
  const { baselines, unprojectable } = sruBaselines(sru, rules, names);
  return {
    baselines,
    unprojectable,
    calendar: calendarOf(sru, rules),
    rules,
    sruRef: sru.ref,
    published: Object.fromEntries(
      sru.records
        .filter((r) => r.subject)
        .map((r) => [
          r.code,
          { ratePct: r.ratePct, carencee: r.carencee, deficitaire: r.deficitaire }
        ])
    )
  };
};
