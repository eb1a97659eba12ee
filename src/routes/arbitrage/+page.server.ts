/**
 * Arbitration page: the baselines are computed at build time from the generated SRU file and
 * the L302-8 parameters, so the page ships a small table instead of the whole files.
 */
import rulesJson from '../../../data/parameters/sru-rules.json';
import { calendarOf, legalCatchUpPct, sruBaselines } from '$lib/arbitration/baseline';
import { loadData, loadSources, validateData } from '$lib/data/app-data';
import { sruRulesSchema } from '$lib/schemas/parameters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const [sru, communes, cms] = await Promise.all([
    loadData(fetch, 'sru'),
    loadData(fetch, 'communes'),
    loadData(fetch, 'cms')
  ]);
  const rules = validateData('data/parameters/sru-rules.json', sruRulesSchema, rulesJson);
  const names = new Map(communes.features.map((f) => [f.properties.code, f.properties.nom]));
  const { baselines, unprojectable } = sruBaselines(sru, rules, names);
  const manifest = loadSources();
  // Officials read producers and vintages, never file names or source ids.
  const sourceOf = (id: string) => {
    const s = manifest.sources.find((x) => x.id === id);
    return s ? { id: s.id, producer: s.producer, vintage: s.vintage, title: s.title } : null;
  };
  return {
    baselines,
    unprojectable,
    calendar: calendarOf(sru, rules),
    rules,
    legalRates: Object.fromEntries(baselines.map((b) => [b.code, legalCatchUpPct(b, rules)])),
    sruSource: sourceOf(sru.ref.source),
    cms,
    cmsSource: sourceOf(cms.ref.source),
    published: Object.fromEntries(
      sru.records
        .filter((r) => r.subject)
        .map((r) => [
          r.code,
          {
            ratePct: r.ratePct,
            carencee: r.carencee,
            deficitaire: r.deficitaire,
            levyEur: r.levyEur
          }
        ])
    )
  };
};
