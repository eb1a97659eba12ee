import { z } from './zod';
import { TERRITORY_TAGS, type TerritoryTag, type WorkshopTag } from './vocabulary';

export { TAG_LABELS, TERRITORY_TAGS } from './vocabulary';
export type { TerritoryTag, WorkshopTag };

/**
 * Territory tags: named conditions derived from the indicators (thresholds in
 * `data/parameters/tags.json`), used to link workshop items to territories.
 * `tous` is not a territory tag: a workshop item tagged `tous` concerns every territory.
 */
export const territoryTagSchema = z.enum(TERRITORY_TAGS);

export const workshopTagSchema = z.union([territoryTagSchema, z.literal('tous')]);

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

/** A territory by name only: what a page needs to list, name and find territories. */
export const territoryRefSchema = territoryProfileSchema.pick({
  code: true,
  nom: true,
  kind: true
});
export type TerritoryRef = z.infer<typeof territoryRefSchema>;
