/**
 * Contracts of the parameter files of `data/parameters/`: rates, radii and thresholds kept as data
 * so that the indicators code carries no legal or policy literal.
 */
import { z } from './zod';

/** `data/parameters/sru-rules.json`: triennial catch-up rules of CCH L302-8 (3DS law). */
export const sruRulesSchema = z.object({
  version: z.literal(1),
  /** Legal text the rates come from. */
  source: z.string().min(1),
  url: z.url(),
  /** Length of an SRU period, in years (triennial). */
  periodYears: z.number().int().positive(),
  /** Half-width of the rounding of the published SRU rate, in percent points (0.05 for 0.1-point rounding). */
  publishedRateRoundingPoints: z.number().nonnegative(),
  /** Share of the missing LLS to produce per period, general rule, in percent. */
  generalCatchUpPct: z.number().positive().max(100),
  /** Modulation for communes close to their target: applies when gap (points) < maxGapPoints; first match wins after sorting by maxGapPoints. */
  nearTarget: z.array(
    z.object({
      maxGapPoints: z.number().positive(),
      catchUpPct: z.number().positive().max(100)
    })
  ),
  /** Reduced rates for communes newly subject, by rank of the period since they became subject (1 = first). */
  newlySubject: z.array(
    z.object({
      period: z.number().int().positive(),
      catchUpPct: z.number().positive().max(100)
    })
  ),
  notes: z.string()
});
export type SruRules = z.infer<typeof sruRulesSchema>;

/**
 * Plausible walking radius around a stop, metres: below 50 m a stop covers its own platform only,
 * above 2 000 m (25 minutes on foot) it no longer measures walking access. A value outside is a typo.
 */
export const WALKING_RADIUS_RANGE_M = { min: 50, max: 2000 } as const;

const walkingRadiusM = z
  .number()
  .min(WALKING_RADIUS_RANGE_M.min, {
    error: (iss) =>
      `rayon de marche de ${String(iss.input)} m, inférieur à ${WALKING_RADIUS_RANGE_M.min} m (plage plausible : 50–2 000 m)`
  })
  .max(WALKING_RADIUS_RANGE_M.max, {
    error: (iss) =>
      `rayon de marche de ${String(iss.input)} m, supérieur à ${WALKING_RADIUS_RANGE_M.max} m (plage plausible : 50–2 000 m)`
  });

/** `data/parameters/coverage.json`: default walking radii and the sampling of territories. */
export const coverageDefaultsSchema = z.object({
  version: z.literal(1),
  radiusTramM: walkingRadiusM,
  radiusChronoM: walkingRadiusM,
  radiusBusM: walkingRadiusM,
  sampling: z.object({
    /** Samples aimed at per territory: step = sqrt(area / targetSamples), clamped. */
    targetSamples: z.number().int().positive(),
    minStepM: z.number().positive(),
    maxStepM: z.number().positive()
  }),
  notes: z.string()
});
export type CoverageDefaults = z.infer<typeof coverageDefaultsSchema>;
export type SamplingParams = CoverageDefaults['sampling'];

/** `data/parameters/tags.json`: thresholds of the territory tags (project choices, not official). */
export const tagThresholdsSchema = z.object({
  version: z.literal(1),
  /** SRU gap (points below target) at which `sru_deficitaire` reaches strength 1. */
  sruDeficitFullStrengthPoints: z.number().positive(),
  /** SRU margin (points above target) at which `sru_conforme` reaches strength 1. */
  sruConformeFullStrengthPoints: z.number().positive(),
  /** Share of the commune's area inside a QPV (%) at which `qpv` reaches strength 1. */
  qpvFullStrengthAreaSharePct: z.number().positive(),
  /** `desserte_tc_forte` from this share (%) of population within walking distance of a stop. */
  transitStrongMinPopulationSharePct: z.number().min(0).max(100),
  /** `desserte_tc_faible` below this share (%). */
  transitWeakMaxPopulationSharePct: z.number().min(0).max(100),
  povertyHighMinPct: z.number().positive(),
  povertyFullStrengthPct: z.number().positive(),
  vacancyHighMinPct: z.number().positive(),
  vacancyFullStrengthPct: z.number().positive(),
  /** `parc_social`: at least this many LLS in the SRU inventory; strength 1 at the full level. */
  socialHousingMinLls: z.number().positive(),
  socialHousingFullStrengthLls: z.number().positive(),
  /** `revenus_eleves`: median disposable income (€/UC, INSEE Filosofi) from this level. */
  incomeHighMinEur: z.number().positive(),
  incomeFullStrengthEur: z.number().positive(),
  /** `habitat_collectif`: share of households living in a flat (grid), %. */
  collectiveHighMinPct: z.number().min(0).max(100),
  collectiveFullStrengthPct: z.number().min(0).max(100),
  /** `coproprietes_probables`: owner-occupiers in a flat / households (grid, central estimate), %. */
  ownerCollectiveHighMinPct: z.number().min(0).max(100),
  ownerCollectiveFullStrengthPct: z.number().min(0).max(100),
  /** …and at least this many such households (a village with three flats is not a copropriété area). */
  ownerCollectiveMinHouseholds: z.number().nonnegative(),
  /** `familles_monoparentales` / `grands_menages`: share of households (grid), %. */
  singleParentHighMinPct: z.number().min(0).max(100),
  singleParentFullStrengthPct: z.number().min(0).max(100),
  largeHouseholdsHighMinPct: z.number().min(0).max(100),
  largeHouseholdsFullStrengthPct: z.number().min(0).max(100),
  /** Poverty pockets outside the QPV: cell rules (see grid-profile.ts) and tag thresholds. */
  pocketMinPoorSharePct: z.number().min(0).max(100),
  pocketMinHouseholds: z.number().nonnegative(),
  pocketMaxQpvCoverPct: z.number().min(0).max(100),
  pocketMinPoorHouseholds: z.number().nonnegative(),
  pocketFullStrengthPoorHouseholds: z.number().positive(),
  notes: z.string()
});
export type TagThresholds = z.infer<typeof tagThresholdsSchema>;

/** `data/parameters/qpv.json`: when the 2015 outline of a redrawn QPV is kept as a separate output. */
export const qpvPerimeterParamsSchema = z.object({
  version: z.literal(1),
  /** Keep the 2015 outline when area(2015 Δ 2024) / area(2015 ∪ 2024) exceeds this, in %. */
  outline2015MinSymDiffSharePct: z.number().min(0).max(100),
  notes: z.string()
});
export type QpvPerimeterParams = z.infer<typeof qpvPerimeterParamsSchema>;
