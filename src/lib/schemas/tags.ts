import { z } from 'zod';

/**
 * Territory tags: named conditions derived from the indicators (thresholds in
 * `data/parameters/tags.json`), used to link workshop items to territories.
 * `tous` is not a territory tag: a workshop item tagged `tous` concerns every territory.
 */
export const territoryTagSchema = z.enum([
  'sru_soumise',
  'sru_deficitaire',
  'sru_carencee',
  'sru_conforme',
  'sru_exemptee',
  'non_soumise_sru',
  'qpv',
  'sans_qpv',
  'desserte_tc_forte',
  'desserte_tc_faible',
  'sans_tc',
  'pauvrete_elevee',
  'vacance_elevee'
]);
export type TerritoryTag = z.infer<typeof territoryTagSchema>;

export const workshopTagSchema = z.union([territoryTagSchema, z.literal('tous')]);
export type WorkshopTag = z.infer<typeof workshopTagSchema>;

/** French labels of the tags, for the UI. */
export const TAG_LABELS: Record<WorkshopTag, string> = {
  sru_soumise: 'Commune soumise à la loi SRU',
  sru_deficitaire: 'Commune déficitaire SRU',
  sru_carencee: 'Commune carencée SRU',
  sru_conforme: 'Commune soumise SRU atteignant son objectif',
  sru_exemptee: 'Commune exemptée SRU',
  non_soumise_sru: 'Commune non soumise à la loi SRU',
  qpv: 'Commune comptant un quartier prioritaire (QPV)',
  sans_qpv: 'Commune sans quartier prioritaire',
  desserte_tc_forte: 'Bonne desserte en transports en commun',
  desserte_tc_faible: 'Faible desserte en transports en commun',
  sans_tc: 'Aucun arrêt de transport en commun',
  pauvrete_elevee: 'Taux de pauvreté élevé',
  vacance_elevee: 'Vacance des logements élevée',
  tous: 'Tous les territoires'
};
