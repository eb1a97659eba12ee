import type { IndicatorId } from '../../schemas/indicators';

/**
 * The figures of a territory sheet, by section: the on-screen blocks and the printed tables (sheet
 * and atlas) list the same indicators in the same order.
 */
export const SHEET_SECTIONS = {
  sru: {
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
  transit: {
    title: 'Desserte en transports en commun',
    ids: [
      'tc_couverture_population',
      'tc_couverture_surface',
      'tc_couverture_pop_tram',
      'tc_couverture_pop_chrono',
      'tc_couverture_pop_bus',
      'tc_distance_tram_chrono',
      'tc_arrets_pour_1000'
    ]
  },
  qpv: {
    title: 'Quartiers prioritaires (QPV)',
    ids: ['qpv_nombre', 'qpv_part_surface', 'qpv_population']
  },
  housing: {
    title: 'Logement et revenus',
    ids: ['logement_vacance', 'logement_proprietaires', 'revenu_median', 'taux_pauvrete']
  }
} as const satisfies Record<string, { title: string; ids: readonly IndicatorId[] }>;

/** Every indicator a sheet shows as a figure: the population, then the sections' ids. */
export const SHEET_FIGURE_IDS: readonly IndicatorId[] = [
  'population',
  ...Object.values(SHEET_SECTIONS).flatMap((s) => s.ids)
];

/** The commune's figures a QPV sheet recalls, for context. */
export const COMMUNE_CONTEXT_IDS: readonly IndicatorId[] = [
  'population',
  'sru_taux_lls',
  'taux_pauvrete',
  'revenu_median',
  'logement_vacance',
  'logement_proprietaires'
];
