/**
 * Commune sheet, prerendered for every commune of the indicators file. The load runs at build
 * time and keeps only this commune's figures, so the page carries a few kilobytes of data instead
 * of the whole generated files.
 */
import { error } from '@sveltejs/kit';
import { loadData, loadSources } from '$lib/data/app-data';
import { readIndicatorsAtBuild } from '$lib/components/sheet/prerender-entries';
import { loadSheetWorkshop } from '$lib/components/sheet/sheet-workshop';
import { communeGroup, contextTexts } from '$lib/components/sheet/context-text';
import { SHEET_FIGURE_IDS } from '$lib/components/sheet/sheet-sections';
import { loadSheetMap } from '$lib/components/sheet/sheet-map-load';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
  readIndicatorsAtBuild().communes.map((c) => ({ code: c.code }));

export const load: PageServerLoad = async ({ params, fetch }) => {
  const [indicators, communes, qpv, sru, meta] = await Promise.all([
    loadData(fetch, 'indicators'),
    loadData(fetch, 'communes'),
    loadData(fetch, 'qpv'),
    loadData(fetch, 'sru'),
    loadData(fetch, 'meta')
  ]);
  const commune = indicators.communes.find((c) => c.code === params.code);
  if (!commune) error(404, `Commune ${params.code} absente de data/indicators.json`);
  const feature = communes.features.find((f) => f.properties.code === params.code);
  const sources = loadSources().sources;
  const perimeters = qpv.features
    .map((f) => f.properties)
    .filter((q) => q.communes.includes(params.code));
  const definitions = Object.fromEntries(indicators.definitions.map((d) => [d.id, d]));
  return {
    commune,
    // Rank and Métropole value of each figure, as text: the page does not carry every commune.
    contexts: contextTexts(
      commune.code,
      SHEET_FIGURE_IDS,
      indicators.communes,
      definitions,
      communeGroup
    ),
    properties: feature?.properties ?? null,
    definitions: indicators.definitions,
    params: indicators.params,
    sru: sru.records.find((r) => r.code === params.code) ?? null,
    sruRef: sru.ref,
    perimeters,
    list2024: meta.qpv2024.filter((e) => e.communes.includes(params.code)),
    epciNom: meta.epci.nom,
    sources,
    // The SVG map cut at build time around the commune: no map library on the sheet.
    map: await loadSheetMap(fetch, [commune.code], sources),
    workshop: await loadSheetWorkshop(commune.profile)
  };
};
