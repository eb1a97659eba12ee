/**
 * Pipeline step: computes `static/data/indicators.json` from the in-memory outputs, with the
 * parameters of `data/parameters/` and the vintages of `data/sources.json`.
 */
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import {
  computeIndicators,
  type IndicatorsDiagnostics,
  type IndicatorsInput,
  type IndicatorsOptions
} from '../../src/lib/indicators/compute';
import { jsonSyntaxDetail } from '../../src/lib/data/json-error';
import { readTextOr } from '../../src/lib/data/read-text';
import { indicatorsFileSchema, type IndicatorsFile } from '../../src/lib/schemas/indicators';
import {
  coverageDefaultsSchema,
  sruRulesSchema,
  tagThresholdsSchema
} from '../../src/lib/schemas/parameters';
import { sourcesManifestSchema } from '../../src/lib/schemas/sources-manifest';

const root = new URL('../../', import.meta.url);

/** Reads and validates a JSON file of the repo; errors name the file and the field. */
export function readJson<T>(relativePath: string, schema: z.ZodType<T>): T {
  const path = fileURLToPath(new URL(relativePath, root));
  const text = readTextOr(
    path,
    (cause) => new Error(`${relativePath} : fichier illisible (${cause})`)
  );
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${relativePath} : ${jsonSyntaxDetail(text, e)}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path[issue.path.length - 1];
    const at = typeof key === 'string' ? text.indexOf(`"${key}"`) : -1;
    const line = at >= 0 ? `, ligne ${text.slice(0, at).split('\n').length}` : '';
    throw new Error(
      `${relativePath}${line}, champ « ${issue?.path.join('.') ?? '?'} » : ${issue?.message ?? 'valeur invalide'}`
    );
  }
  return parsed.data;
}

/** Default options from data/parameters/ (radii may be overridden). */
export function loadIndicatorsOptions(
  overrides: Partial<IndicatorsOptions> = {}
): IndicatorsOptions {
  const coverage = readJson('data/parameters/coverage.json', coverageDefaultsSchema);
  return {
    coverage: {
      radiusTramM: coverage.radiusTramM,
      radiusChronoM: coverage.radiusChronoM,
      radiusBusM: coverage.radiusBusM
    },
    sampling: coverage.sampling,
    sruRules: readJson('data/parameters/sru-rules.json', sruRulesSchema),
    tagThresholds: readJson('data/parameters/tags.json', tagThresholdsSchema),
    ...overrides
  };
}

/** Vintage of every source id of data/sources.json. */
export function loadSourceVintages(): Record<string, string> {
  const manifest = readJson('data/sources.json', sourcesManifestSchema);
  return Object.fromEntries(manifest.sources.map((s) => [s.id, s.vintage]));
}

export type IndicatorsStepInput = Omit<IndicatorsInput, 'sourceVintages'>;

/** Indicators file plus join diagnostics, validated against the contract. */
export function buildIndicatorsFileWithDiagnostics(
  outputs: IndicatorsStepInput,
  params?: Partial<IndicatorsOptions>
): { file: IndicatorsFile; diagnostics: IndicatorsDiagnostics } {
  const { file, diagnostics } = computeIndicators(
    { ...outputs, sourceVintages: loadSourceVintages() },
    loadIndicatorsOptions(params)
  );
  const checked = indicatorsFileSchema.safeParse(file);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new Error(
      `indicators.json, champ « ${issue?.path.join('.') ?? '?'} » : ${issue?.message ?? 'valeur invalide'}`
    );
  }
  return { file: checked.data, diagnostics };
}

export function buildIndicatorsFile(
  outputs: IndicatorsStepInput,
  params?: Partial<IndicatorsOptions>
): IndicatorsFile {
  return buildIndicatorsFileWithDiagnostics(outputs, params).file;
}
