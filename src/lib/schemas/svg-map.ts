/**
 * Contracts of the pre-projected SVG geometry written by the pipeline (`scripts/lib/svg-geometry.ts`)
 * and read by the SVG map (`src/lib/components/map/svg/SvgMap.svelte`):
 * - `static/geo/svg-overview.json`: communes, QPV and the EPCI outline as SVG path data;
 * - `static/geo/svg-transit.json`: transit lines (path data) and stops (points), for the sheets.
 * Coordinates are viewBox units (x right, y down) of one fixed projection, stored alongside.
 */
import { z } from './zod';
import {
  inseeCodeSchema,
  qpvGenerationSchema,
  sirenSchema,
  sourceRefSchema,
  transitModeSchema
} from './common';

const point = z.tuple([z.number(), z.number()]);
/** `[x0, y0, x1, y1]`, viewBox units. */
const bbox = z.tuple([z.number(), z.number(), z.number(), z.number()]);
/**
 * SVG path data as the pipeline writes it (map/svg/paths.ts): M, then lines (absolute or
 * relative), h for the stops, z; numbers and commas only, starting with a move.
 */
const pathData = z.string().regex(/^(M[-\d.,MmLlhZz]*)?$/, 'données de tracé SVG invalides');

export const svgProjectionSchema = z.object({
  type: z.literal('conicConformal'),
  parallels: z.tuple([z.number(), z.number()]),
  rotate: z.tuple([z.number(), z.number()]),
  scale: z.number().positive(),
  translate: point
});

export const svgTerritorySchema = z.object({
  code: z.string().min(1),
  nom: z.string().min(1),
  /** Path data, holes as extra subpaths (fill-rule evenodd). */
  path: pathData.min(1),
  /** Label anchor: pole of inaccessibility of the largest polygon (polylabel). */
  anchor: point,
  /** Radius (units) of the largest circle around the anchor inside the territory. */
  anchorRadius: z.number().nonnegative(),
  bbox
});

export const svgOverviewSchema = z.object({
  version: z.literal(1),
  /** viewBox `0 0 width height`. */
  width: z.number().positive(),
  height: z.number().positive(),
  projection: svgProjectionSchema,
  /** Ground metres per viewBox unit at the centre of the EPCI (scale bar). */
  metresPerUnit: z.number().positive(),
  /** Minimum triangle area (square units) kept by the Visvalingam simplification. */
  simplifyMinArea: z.number().nonnegative(),
  epci: z.object({ code: sirenSchema, nom: z.string().min(1), path: pathData.min(1), bbox }),
  communes: z.array(svgTerritorySchema.extend({ code: inseeCodeSchema })).min(1),
  qpv: z.array(
    svgTerritorySchema.extend({
      communes: z.array(inseeCodeSchema).min(1),
      generation: qpvGenerationSchema,
      /** Dataset and vintage of this perimeter, cited by the legends. */
      geometryRef: sourceRefSchema
    })
  ),
  /** Datasets the geometry was read from. */
  sources: z.array(sourceRefSchema)
});
export type SvgOverview = z.infer<typeof svgOverviewSchema>;
export type SvgTerritory = z.infer<typeof svgTerritorySchema>;
export type SvgProjection = z.infer<typeof svgProjectionSchema>;

export const svgTransitSchema = z.object({
  version: z.literal(1),
  /** Same projection as svg-overview.json (checked equal by the pipeline). */
  projection: svgProjectionSchema,
  lines: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      mode: transitModeSchema,
      /** Line colour of the network (#rrggbb). */
      color: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
      path: pathData.min(1)
    })
  ),
  stops: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      mode: transitModeSchema,
      commune: inseeCodeSchema.nullable(),
      lines: z.array(z.string()),
      at: point
    })
  )
});
export type SvgTransit = z.infer<typeof svgTransitSchema>;
