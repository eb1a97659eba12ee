/**
 * Contract of `static/data/indicators.json`, precomputed by the pipeline with the pure functions of
 * `src/lib/indicators/` (and recomputed in the browser when the user changes a parameter).
 */
import { z } from './zod';
import type { IndicatorId } from './vocabulary';
import { indicatorIdSchema, inseeCodeSchema } from './common';
import { territoryProfileSchema } from './tags';

export { indicatorIdSchema };
export type { IndicatorId };

/**
 * One value of one indicator for one territory.
 * `status`: `ok` (value is a number), `secret` (INSEE statistical secrecy), `no_data` (the source
 * does not cover the territory), `not_applicable` (e.g. SRU rate of a commune not subject to SRU).
 * Only `ok` carries a number: no-data is never 0.
 */
export const indicatorValueSchema = z.object({
  value: z.number().nullable(),
  status: z.enum(['ok', 'secret', 'no_data', 'not_applicable']),
  /** True for an estimate; then `low` and `high` bound it. */
  estimate: z.boolean(),
  low: z.number().nullable(),
  high: z.number().nullable()
});
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

export const indicatorDefinitionSchema = z.object({
  id: indicatorIdSchema,
  /** French label for the UI (« Taux de LLS (SRU) »). */
  label: z.string(),
  /** Unit shown after the value: '%', '€', 'logements', 'm', 'hab.', 'QPV', 'arrêts pour 1 000 hab.' */
  unit: z.string(),
  /** Decimals for display. */
  decimals: z.number().int().min(0).max(3),
  /** One-line method note in French, shown in the UI. */
  method: z.string(),
  /** Source ids from data/sources.json. */
  sources: z.array(z.string()).min(1),
  vintage: z.string(),
  /** For colour ramps: whether a higher value is the "better" situation, or null if neutral. */
  higherIsBetter: z.boolean().nullable()
});
export type IndicatorDefinition = z.infer<typeof indicatorDefinitionSchema>;

export const sruStatusSchema = z.enum([
  'carencee',
  'deficitaire',
  'conforme',
  'exemptee',
  'non_soumise'
]);
export type SruStatus = z.infer<typeof sruStatusSchema>;

const valuesSchema = z.record(indicatorIdSchema, indicatorValueSchema);

export const communeIndicatorsSchema = z.object({
  code: inseeCodeSchema,
  nom: z.string(),
  sruStatus: sruStatusSchema,
  qpvCodes: z.array(z.string()),
  values: valuesSchema,
  profile: territoryProfileSchema
});
export type CommuneIndicators = z.infer<typeof communeIndicatorsSchema>;

export const qpvIndicatorsSchema = z.object({
  code: z.string(),
  nom: z.string(),
  communes: z.array(inseeCodeSchema),
  values: valuesSchema,
  profile: territoryProfileSchema
});
export type QpvIndicators = z.infer<typeof qpvIndicatorsSchema>;

/** Parameters the indicators were computed with (the user can change radii in the browser). */
export const coverageParamsSchema = z.object({
  radiusTramM: z.number().positive(),
  radiusChronoM: z.number().positive(),
  radiusBusM: z.number().positive()
});
export type CoverageParams = z.infer<typeof coverageParamsSchema>;

export const indicatorsFileSchema = z.object({
  epci: z.string(),
  params: coverageParamsSchema,
  definitions: z.array(indicatorDefinitionSchema),
  communes: z.array(communeIndicatorsSchema),
  qpv: z.array(qpvIndicatorsSchema)
});
export type IndicatorsFile = z.infer<typeof indicatorsFileSchema>;

/**
 * The indicators without the territories' linking profiles: what the explorer's first view needs
 * (the profiles are about half the file and serve only the « propositions » view).
 */
export const explorerIndicatorsSchema = indicatorsFileSchema.extend({
  communes: z.array(communeIndicatorsSchema.omit({ profile: true })),
  qpv: z.array(qpvIndicatorsSchema.omit({ profile: true }))
});
export type ExplorerIndicators = z.infer<typeof explorerIndicatorsSchema>;
export type ExplorerCommune = ExplorerIndicators['communes'][number];

/** Drops the linking profiles (see `explorerIndicatorsSchema`). */
export function withoutProfiles(file: IndicatorsFile): ExplorerIndicators {
  return {
    ...file,
    communes: file.communes.map(({ profile: _profile, ...c }) => c),
    qpv: file.qpv.map(({ profile: _profile, ...q }) => q)
  };
}
