/**
 * Versioned contract of the arbitration scenarios: what is saved in the browser (one
 * localStorage entry per scenario) and exported / imported as JSON.
 * Bump `SCENARIO_FILE_VERSION` on any breaking change and keep a migration for the old version.
 */
import { z } from './zod';
import { inseeCodeSchema } from './common';

export const SCENARIO_FILE_FORMAT = 'atlas-plh-scenarios';
export const SCENARIO_FILE_VERSION = 1;
export const SUPPORTED_SCENARIO_VERSIONS: readonly number[] = [SCENARIO_FILE_VERSION];

/** Plan of one SRU commune. */
export const scenarioCommuneSchema = z.object({
  code: inseeCodeSchema,
  /** LLS to produce each PLH year, dwellings per year (six years, index 0 = startYear). */
  production: z
    .array(z.number().finite().nonnegative('production négative').max(100_000))
    .length(6, 'six années de production attendues'),
  /** Assumed yearly growth of résidences principales, percent per year. */
  rpGrowthPct: z.number().finite().min(-20).max(20),
  /**
   * Catch-up rate of a contrat de mixité sociale, % of the missing LLS per triennial period,
   * replacing the L302-8 rate; a user hypothesis (the contracts' rates are not published).
   * Absent or null: the legal rate. Optional, so files of version 1 without it stay valid.
   */
  cmsCatchUpPct: z.number().finite().min(0).max(100).nullable().optional()
});
export type ScenarioCommune = z.infer<typeof scenarioCommuneSchema>;

export const scenarioSchema = z.object({
  /** Stable id (also the localStorage key suffix). */
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'identifiant invalide'),
  name: z.string().trim().min(1, 'nom vide').max(120),
  /** ISO timestamps, informative. */
  createdAt: z.string(),
  updatedAt: z.string(),
  /** First year of the six-year PLH period. */
  startYear: z.number().int().min(2000).max(2100),
  communes: z.array(scenarioCommuneSchema)
});
export type Scenario = z.infer<typeof scenarioSchema>;

/** Envelope read first, so an unknown version gets its own clear message. */
export const scenarioEnvelopeSchema = z.object({
  format: z.literal(SCENARIO_FILE_FORMAT),
  version: z.number().int()
});

/** An exported file: one or more scenarios. */
export const scenarioFileSchema = z.object({
  format: z.literal(SCENARIO_FILE_FORMAT),
  version: z.literal(SCENARIO_FILE_VERSION),
  exportedAt: z.string(),
  scenarios: z.array(scenarioSchema).min(1, 'aucun scénario')
});
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

/** One stored entry: the scenario wrapped with its schema version. */
export const storedScenarioSchema = z.object({
  version: z.literal(SCENARIO_FILE_VERSION),
  scenario: scenarioSchema
});
export type StoredScenario = z.infer<typeof storedScenarioSchema>;
