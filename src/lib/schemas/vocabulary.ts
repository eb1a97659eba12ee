/**
 * The closed lists of the data contracts (indicator ids, workshop columns, territory tags, vote
 * kinds, the INSEE code pattern) as plain constants with type guards. The schemas build their
 * enums from these lists; the browser checks URL parameters and writes labels with them without
 * evaluating zod, whose schemas cost a few hundred milliseconds of a phone's main thread to build.
 * No zod here, on purpose (type imports only).
 */
import type { ContributionsStore } from './contributions';

/** Ids of the indicators of `indicators.json`, in their display order. */
export const INDICATOR_IDS = [
  'population',
  'surface_ha',
  'sru_taux_lls',
  'sru_taux_cible',
  'sru_ecart_cible_points',
  'sru_lls',
  'sru_rp_estimees',
  'sru_lls_manquants',
  'sru_objectif_triennal',
  'sru_prelevement',
  'qpv_nombre',
  'qpv_part_surface',
  'qpv_population',
  'tc_couverture_surface',
  'tc_couverture_population',
  'tc_couverture_pop_tram',
  'tc_couverture_pop_chrono',
  'tc_couverture_pop_bus',
  'tc_distance_tram_chrono',
  'tc_arrets_pour_1000',
  'logement_vacance',
  'logement_proprietaires',
  'revenu_median',
  'taux_pauvrete',
  'population_evolution_annuelle',
  'menages_collectif_part',
  'menages_proprietaires_collectif',
  'menages_pauvres_part',
  'familles_monoparentales_part',
  'grands_menages_part',
  'poches_pauvrete_menages'
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/**
 * Territory tags: named conditions derived from the indicators (thresholds in
 * `data/parameters/tags.json`), used to link workshop items to territories.
 */
export const TERRITORY_TAGS = [
  'sru_soumise',
  'sru_deficitaire',
  'sru_carencee',
  'sru_conforme',
  'sru_exemptee',
  'sru_nouvellement_soumise',
  'non_soumise_sru',
  'parc_social',
  'qpv',
  'sans_qpv',
  'poches_pauvrete_hors_qpv',
  'pauvrete_elevee',
  'revenus_eleves',
  'habitat_collectif',
  'coproprietes_probables',
  'familles_monoparentales',
  'grands_menages',
  'vacance_elevee',
  'desserte_tc_forte',
  'desserte_tc_moyenne',
  'desserte_tc_faible',
  'sans_tc'
] as const;
export type TerritoryTag = (typeof TERRITORY_TAGS)[number];
/** `tous` is not a territory tag: a workshop item tagged `tous` concerns every territory. */
export type WorkshopTag = TerritoryTag | 'tous';

/** French labels of the tags, for the UI. */
export const TAG_LABELS: Record<WorkshopTag, string> = {
  sru_soumise: 'Commune soumise à la loi SRU',
  sru_deficitaire: 'Commune déficitaire SRU',
  sru_carencee: 'Commune carencée SRU',
  sru_conforme: 'Commune soumise SRU atteignant son objectif',
  sru_exemptee: 'Commune exemptée SRU',
  sru_nouvellement_soumise: 'Commune nouvellement soumise à la loi SRU',
  non_soumise_sru: 'Commune non soumise à la loi SRU',
  parc_social: 'Parc locatif social important (inventaire SRU)',
  qpv: 'Commune comptant un quartier prioritaire (QPV)',
  sans_qpv: 'Commune sans quartier prioritaire',
  poches_pauvrete_hors_qpv: 'Poches de pauvreté hors QPV (carreaux INSEE)',
  pauvrete_elevee: 'Taux de pauvreté élevé',
  revenus_eleves: 'Revenu médian élevé',
  habitat_collectif: 'Habitat collectif dominant',
  coproprietes_probables: 'Copropriétés probables (approximation)',
  familles_monoparentales: 'Familles monoparentales nombreuses',
  grands_menages: 'Grands ménages nombreux',
  vacance_elevee: 'Logements vacants, tous parcs (INSEE), élevés',
  desserte_tc_forte: 'Bonne desserte par le réseau M réso',
  desserte_tc_moyenne: 'Desserte moyenne par le réseau M réso',
  desserte_tc_faible: 'Faible desserte par le réseau M réso',
  sans_tc: 'Aucun arrêt du réseau M réso',
  tous: 'Tous les territoires'
};

/** The three columns of a workshop table, in their order, left to right. */
export const WORKSHOP_COLUMNS = ['probleme', 'ideal', 'action'] as const;
export type WorkshopColumn = (typeof WORKSHOP_COLUMNS)[number];

/** Column headings as the workshop tables write them. */
export const WORKSHOP_COLUMN_LABELS: Record<WorkshopColumn, string> = {
  probleme: "C'est quoi le problème ?",
  ideal: "Dans l'idéal il faudrait que ?",
  action: 'Concrètement on fait quoi dans le PLH ?'
};

/** Id prefix of each column (`T1-PB-07`). */
export const WORKSHOP_COLUMN_CODES: Record<WorkshopColumn, string> = {
  probleme: 'PB',
  ideal: 'ID',
  action: 'AC'
};

/** Version of the contributions store kept in the browser. */
export const CONTRIBUTIONS_STORE_VERSION = 1;

/** A store with no meeting, contribution, vote or import yet. */
export function emptyContributionsStore(): ContributionsStore {
  return {
    version: CONTRIBUTIONS_STORE_VERSION,
    meeting: { date: '', lieu: '' },
    contributions: [],
    votes: {},
    imported: []
  };
}

export const VOTE_KINDS = ['pour', 'contre', 'debat'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];
export const VOTE_LABELS: Record<VoteKind, string> = {
  pour: 'pour',
  contre: 'contre',
  debat: 'à débattre'
};

/** INSEE commune code: five digits, or Corsica's 2A/2B and three digits (always a string). */
export const INSEE_CODE_PATTERN = /^(\d{5}|2[AB]\d{3})$/;

const has = (list: readonly string[], value: unknown): boolean =>
  typeof value === 'string' && list.includes(value);

export const isIndicatorId = (value: unknown): value is IndicatorId => has(INDICATOR_IDS, value);
export const isTerritoryTag = (value: unknown): value is TerritoryTag => has(TERRITORY_TAGS, value);
export const isWorkshopTag = (value: unknown): value is WorkshopTag =>
  value === 'tous' || isTerritoryTag(value);
export const isWorkshopColumn = (value: unknown): value is WorkshopColumn =>
  has(WORKSHOP_COLUMNS, value);
export const isInseeCode = (value: unknown): value is string =>
  typeof value === 'string' && INSEE_CODE_PATTERN.test(value);
