/**
 * QPV sheet, prerendered for every QPV of the indicators file (and every perimeter drawn). The load
 * runs at build time and keeps only this QPV's figures.
 */
import { error } from '@sveltejs/kit';
import { readFileSync } from 'node:fs';
import { loadData, loadSources, parseJson, validateData } from '$lib/data/app-data';
import { readIndicatorsAtBuild } from '$lib/components/sheet/prerender-entries';
import { loadSheetWorkshop } from '$lib/components/sheet/sheet-workshop';
import { ALL_QPV, communeGroup, contextTexts } from '$lib/components/sheet/context-text';
import { COMMUNE_CONTEXT_IDS, SHEET_FIGURE_IDS } from '$lib/components/sheet/sheet-sections';
import { qpvCollectionSchema } from '$lib/schemas/outputs';
import { loadSheetMap } from '$lib/components/sheet/sheet-map-load';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => {
  const codes = new Set(readIndicatorsAtBuild().qpv.map((q) => q.code));
  const file = 'static/geo/qpv.geojson';
  const qpv = validateData(file, qpvCollectionSchema, parseJson(file, readFileSync(file, 'utf8')));
  for (const f of qpv.features) codes.add(f.properties.code);
  return [...codes].sort().map((code) => ({ code }));
};

export const load: PageServerLoad = async ({ params, fetch }) => {
  const [indicators, qpv] = await Promise.all([
    loadData(fetch, 'indicators'),
    loadData(fetch, 'qpv')
  ]);
  const entry = indicators.qpv.find((q) => q.code === params.code) ?? null;
  const properties =
    qpv.features.find((f) => f.properties.code === params.code)?.properties ?? null;
  if (!entry && !properties) error(404, `QPV ${params.code} absent des données générées`);
  const communeCodes = entry?.communes ?? properties?.communes ?? [];
  const definitions = Object.fromEntries(indicators.definitions.map((d) => [d.id, d]));
  const sources = loadSources().sources;
  const inQpv = indicators.communes.filter((c) => communeCodes.includes(c.code));
  const communes = inQpv.map((c) => ({ code: c.code, nom: c.nom }));
  // The commune's key figures in brief, ranked among the Métropole's communes.
  const communeContext = inQpv.map((c) => ({
    code: c.code,
    nom: c.nom,
    sruStatus: c.sruStatus,
    values: Object.fromEntries(COMMUNE_CONTEXT_IDS.map((id) => [id, c.values[id]])),
    contexts: contextTexts(
      c.code,
      COMMUNE_CONTEXT_IDS,
      indicators.communes,
      definitions,
      communeGroup
    )
  }));
  return {
    code: params.code,
    // Rank among the Métropole's QPV and their overall value, as text.
    contexts: entry
      ? contextTexts(
          entry.code,
          [...SHEET_FIGURE_IDS, 'surface_ha'],
          indicators.qpv,
          definitions,
          () => ALL_QPV
        )
      : {},
    nom: entry?.nom ?? properties?.nom ?? params.code,
    values: entry?.values ?? {},
    properties,
    communes,
    communeContext,
    definitions: indicators.definitions,
    params: indicators.params,
    sources,
    // The perimeter in its surroundings (SheetMap frames 3,5 km), cut at build time.
    map: await loadSheetMap(fetch, [params.code], sources, 3500, communeCodes),
    workshop: entry
      ? await loadSheetWorkshop(entry.profile)
      : { themes: [], error: 'pas d’indicateurs calculés pour ce QPV', rejected: [] }
  };
};
