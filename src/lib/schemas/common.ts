import { z } from 'zod';

/** INSEE commune code: always a string, never a number (keeps leading zeros and Corsica's 2A/2B). */
export const inseeCodeSchema = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'code INSEE invalide');
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

const position = z.tuple([z.number(), z.number()]);
const ring = z.array(position).min(4);
export const polygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(ring).min(1)
});
export const multiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ring).min(1)).min(1)
});
export const areaGeometrySchema = z.union([polygonSchema, multiPolygonSchema]);
export const pointSchema = z.object({ type: z.literal('Point'), coordinates: position });
export const lineGeometrySchema = z.union([
  z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2) }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(position).min(2)) })
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
