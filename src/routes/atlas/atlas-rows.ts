/**
 * Compact rows of a printed commune sheet (pure): each figure with its value in words when
 * missing, and a per-sheet numbered list of the sources it cites (title and vintage), so that a
 * sheet fits one A4 page while every figure keeps its source and vintage.
 */
import { formatIndicatorValue } from '$lib/map/indicator-format';
import type { CommuneIndicators, IndicatorDefinition, IndicatorId } from '$lib/schemas/indicators';

export const ATLAS_SECTIONS: readonly { title: string; ids: readonly IndicatorId[] }[] = [
  {
    title: 'Logement social (loi SRU)',
    ids: [
      'sru_taux_lls',
      'sru_taux_cible',
      'sru_lls',
      'sru_rp_estimees',
      'sru_lls_manquants',
      'sru_objectif_triennal',
      'sru_prelevement'
    ]
  },
  {
    title: 'Quartiers prioritaires (QPV)',
    ids: ['qpv_nombre', 'qpv_part_surface', 'qpv_population']
  },
  {
    title: 'Desserte en transports en commun',
    ids: [
      'tc_couverture_population',
      'tc_couverture_surface',
      'tc_distance_tram_chrono',
      'tc_arrets_pour_1000'
    ]
  },
  {
    title: 'Logement et revenus',
    ids: ['logement_vacance', 'logement_proprietaires', 'revenu_median', 'taux_pauvrete']
  }
];

export interface AtlasRow {
  id: IndicatorId;
  label: string;
  value: string;
  estimate: boolean;
  /** 1-based numbers into `notes`. */
  refs: number[];
}

export interface AtlasSheetRows {
  sections: { title: string; rows: AtlasRow[] }[];
  /** « Title — vintage », numbered in order of first citation. */
  notes: string[];
}

export function atlasRows(
  commune: CommuneIndicators,
  definitions: readonly IndicatorDefinition[],
  sourceTitles: Readonly<Record<string, string>>
): AtlasSheetRows {
  const defs = new Map(definitions.map((d) => [d.id, d]));
  const notes: string[] = [];
  const noteOf = (text: string) => {
    let i = notes.indexOf(text);
    if (i < 0) i = notes.push(text) - 1;
    return i + 1;
  };
  const sections = ATLAS_SECTIONS.map((s) => ({
    title: s.title,
    rows: s.ids.flatMap((id): AtlasRow[] => {
      const def = defs.get(id);
      if (!def) return [];
      const v = commune.values[id];
      // A vintage lists one part per source when there are several (« A ; B »).
      const vintages = def.vintage.split(' ; ');
      return [
        {
          id,
          label: def.label,
          value: formatIndicatorValue(v, def),
          estimate: v?.estimate ?? false,
          refs: def.sources.map((src, i) =>
            noteOf(
              `${sourceTitles[src] ?? src} — ${vintages.length === def.sources.length ? (vintages[i] ?? def.vintage) : def.vintage}`
            )
          )
        }
      ];
    })
  }));
  return { sections, notes };
}
