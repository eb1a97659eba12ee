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

/**
 * Why a territory carries a tag: how strongly the condition holds and the figure behind it.
 * Produced by the indicators layer (`src/lib/indicators/tags.ts`), consumed by the linking layer.
 */
export const tagEvidenceSchema = z.object({
  tag: territoryTagSchema,
  /** 0 (barely) to 1 (strongly): e.g. a large SRU deficit or a very low transit coverage. */
  strength: z.number().min(0).max(1),
  /**
   * French clause citing the figure, completing « Affiché car la commune … », e.g.
   * « est déficitaire SRU (14,3 % de LLS pour un objectif de 20 %) ».
   */
  reason: z.string().min(1),
  source: z.string().min(1),
  vintage: z.string().min(1)
});
export type TagEvidence = z.infer<typeof tagEvidenceSchema>;

export const territoryKindSchema = z.enum(['commune', 'qpv']);
export type TerritoryKind = z.infer<typeof territoryKindSchema>;

/** The tags of one territory with their evidence: the input of workshop linking. */
export const territoryProfileSchema = z.object({
  code: z.string(),
  nom: z.string(),
  kind: territoryKindSchema,
  evidence: z.array(tagEvidenceSchema)
});
export type TerritoryProfile = z.infer<typeof territoryProfileSchema>;
