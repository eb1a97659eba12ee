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

/**
 * Why a territory carries a tag: how strongly the condition holds and the figure behind it.
 * Produced by the indicators layer (`src/lib/indicators/tags.ts`), consumed by the linking layer.
 */
export const tagEvidenceSchema = z.object({
  tag: territoryTagSchema,
  /** 0 (barely) to 1 (strongly): e.g. a large SRU deficit or a very low transit coverage. */
  strength: z.number().min(0).max(1),
  /**
   * French clause citing the figure, its source and vintage, completing « Affiché car la
   * commune … », e.g. « est déficitaire SRU avec 14,3 % de LLS pour un objectif de 20 %
   * (inventaire SRU au 1er janvier 2024) ». No final full stop (clauses are joined).
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
