import { z } from './zod';
import { INDICATOR_IDS, INSEE_CODE_PATTERN } from './vocabulary';

/** INSEE commune code: always a string, never a number (keeps leading zeros and Corsica's 2A/2B). */
export const inseeCodeSchema = z.string().regex(INSEE_CODE_PATTERN, 'code INSEE invalide');
export type InseeCode = z.infer<typeof inseeCodeSchema>;

/** SIREN of an intercommunality (EPCI). */
export const sirenSchema = z.string().regex(/^\d{9}$/, 'SIREN invalide');

/** Where a figure comes from: an id of `data/sources.json` and the vintage of the figure. */
export const sourceRefSchema = z.object({
  source: z.string().min(1),
  vintage: z.string().min(1)
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

/**
 * A statistic as published: a number, `'secret'` for INSEE statistical secrecy (« s »),
 * or `null` when the dataset does not cover the territory (« pas de donnée », never 0).
 */
export const publishedNumberSchema = z.union([z.number(), z.literal('secret'), z.null()]);
export type PublishedNumber = z.infer<typeof publishedNumberSchema>;

/** A GeoJSON position, longitude then latitude. */
export type Position = [number, number];

/** First problem of a nested coordinate array, or null: `mins[d]` = minimum length at depth d. */
function coordinateProblem(
  value: unknown,
  mins: readonly number[],
  what: string,
  depth = 0,
  at = ''
): string | null {
  if (depth === mins.length) {
    return Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'number' &&
      Number.isFinite(value[0]) &&
      typeof value[1] === 'number' &&
      Number.isFinite(value[1])
      ? null
      : `position invalide${at ? ` en ${at}` : ''} : [longitude, latitude] attendu`;
  }
  if (!Array.isArray(value)) return `tableau attendu${at ? ` en ${at}` : ''} (${what})`;
  const min = mins[depth] ?? 0;
  if (value.length < min)
    return `au moins ${min} élément(s) attendu(s)${at ? ` en ${at}` : ''} (${what})`;
  for (let i = 0; i < value.length; i++) {
    const problem = coordinateProblem(value[i], mins, what, depth + 1, `${at}[${i}]`);
    if (problem) return problem;
  }
  return null;
}

/**
 * Coordinate arrays are checked by one plain walk rather than per-point zod tuple schemas: same
 * rules, an order of magnitude faster on the transit files (thousands of points validated before
 * the map can draw). The message names the bad element (`position invalide en [0][12]`), the
 * issue path the feature's `geometry.coordinates`.
 */
function coordinates<T>(mins: readonly number[], what: string) {
  return z.custom<T>((v) => coordinateProblem(v, mins, what) === null, {
    error: (issue) => coordinateProblem(issue.input, mins, what) ?? 'coordonnées invalides'
  });
}

const ring = [4];
export const polygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: coordinates<Position[][]>([1, ...ring], 'anneaux de polygone')
});
export const multiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: coordinates<Position[][][]>([1, 1, ...ring], 'polygones')
});
export const areaGeometrySchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema]);
export const pointSchema = z.object({
  type: z.literal('Point'),
  coordinates: coordinates<Position>([], 'point')
});
export const lineGeometrySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('LineString'),
    coordinates: coordinates<Position[]>([2], 'ligne')
  }),
  z.object({
    type: z.literal('MultiLineString'),
    coordinates: coordinates<Position[][]>([0, 2], 'lignes')
  })
]);

export function featureCollectionSchema<G extends z.ZodType, P extends z.ZodType>(
  geometry: G,
  properties: P
) {
  return z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.union([z.string(), z.number()]).optional(),
        properties,
        geometry
      })
    )
  });
}

// The enums below are shared by the big file contracts (outputs, indicators) and the small ones a
// page loads on its own (the SVG map, the slides): here, a page validating a slide does not build
// every contract of the pipeline (zod schemas cost a long task to construct on a slow phone).

/** QPV generation of a perimeter: 2015 (décret 2014-1750) or 2024 (décret 2023-1314). */
export const qpvGenerationSchema = z.enum(['2015', '2024']);

/** Transit mode, best first. Temporary tram-replacement shuttles count as `bus`. */
export const transitModeSchema = z.enum(['tram', 'chrono', 'bus']);

/** Id of an indicator of `static/data/indicators.json`. */
export const indicatorIdSchema = z.enum(INDICATOR_IDS);
