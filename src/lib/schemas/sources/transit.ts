/**
 * Schemas of the raw M réso (SEM) transit sources, as mirrored (see the indicators PROVENANCE, sections 3
 * and 6), and of the editable mode-classification rules `data/parameters/transit-modes.json`.
 *
 * CSV cells arrive as strings (papaparse with `dynamicTyping: false`, so ids like `0001` keep their
 * zeros); the row schemas turn them into typed values. Columns prefixed `derived_` were added while
 * mirroring and are not official: they are deliberately absent here, so nothing can rely on them.
 */
import { z } from '../zod';
import { lineGeometrySchema } from '../common';

const received = (input: unknown): string => `reçu « ${String(input)} »`;

/** A decimal number written with a dot (GTFS convention), e.g. `45.14629`. */
const decimalCell = z
  .string()
  .refine((s) => /^-?\d+(\.\d+)?$/.test(s.trim()), {
    error: (iss) => `nombre attendu, ${received(iss.input)}`
  })
  .transform((s) => Number(s.trim()));

const integerCell = z
  .string()
  .refine((s) => /^\d+$/.test(s.trim()), {
    error: (iss) => `entier attendu, ${received(iss.input)}`
  })
  .transform((s) => Number(s.trim()));

const nonEmptyCell = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, { error: 'valeur non vide attendue' });

/** `a|b|c` list of the extraction; an empty cell is an empty list. */
const pipeListCell = z.string().transform((s) =>
  s.trim() === ''
    ? []
    : s
        .split('|')
        .map((v) => v.trim())
        .filter((v) => v !== '')
);

/**
 * GTFS colour without `#` (`3376B8`). GTFS makes it optional, so an empty cell stays empty and the
 * consumer applies the GTFS default.
 */
const gtfsColorCell = z
  .string()
  .refine((s) => /^([0-9A-Fa-f]{6})?$/.test(s.trim()), {
    error: (iss) => `couleur hexadécimale à 6 chiffres attendue, ${received(iss.input)}`
  })
  .transform((s) => s.trim().toUpperCase());

/** One row of `sem_stops_with_lines.csv`: a GTFS stop with the routes whose trips stop there. */
export const transitStopRowSchema = z
  .object({
    stop_id: nonEmptyCell,
    stop_code: z.string().transform((s) => s.trim()),
    stop_name: nonEmptyCell,
    lon: decimalCell.refine((v) => v >= -180 && v <= 180, {
      error: 'longitude hors de [-180, 180]'
    }),
    lat: decimalCell.refine((v) => v >= -90 && v <= 90, { error: 'latitude hors de [-90, 90]' }),
    n_lines: integerCell,
    /** route_short_name of each route, aligned with `route_ids`. */
    line_names: pipeListCell,
    route_ids: pipeListCell,
    /** Distinct route_type values of the serving routes (not aligned with `route_ids`). */
    route_types: pipeListCell
  })
  .refine((row) => row.n_lines === row.route_ids.length, {
    error: (iss) => {
      const row = iss.input as { n_lines: number; route_ids: string[] };
      return `n_lines (${row.n_lines}) ne correspond pas au nombre de route_ids (${row.route_ids.length})`;
    },
    path: ['n_lines']
  })
  .refine((row) => row.line_names.length === row.route_ids.length, {
    error: 'line_names et route_ids n’ont pas le même nombre d’éléments',
    path: ['line_names']
  });
export type TransitStopRow = z.infer<typeof transitStopRowSchema>;

/** Columns `sem_stops_with_lines.csv` must have (the `derived_` ones are ignored). */
export const TRANSIT_STOP_COLUMNS = Object.keys(transitStopRowSchema.shape) as string[];

/** One row of `sem_routes.csv` (GTFS routes.txt subset). */
export const transitRouteRowSchema = z.object({
  route_id: nonEmptyCell,
  route_short_name: nonEmptyCell,
  route_type: integerCell,
  route_color: gtfsColorCell,
  route_text_color: gtfsColorCell
});
export type TransitRouteRow = z.infer<typeof transitRouteRowSchema>;
export const TRANSIT_ROUTE_COLUMNS = Object.keys(transitRouteRowSchema.shape) as string[];

/** One feature of `lignes_tag_sem.geojson` (Mobilités M lines API): `CODE` is `SEM_<short name>`. */
export const transitLineFeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.looseObject({ CODE: z.string().min(1) }),
  geometry: lineGeometrySchema
});
export type TransitLineFeature = z.infer<typeof transitLineFeatureSchema>;

export const transitLinesSourceSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown())
});

/** A JavaScript regular expression given as text in the parameters file. */
const regexText = z.string().refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { error: (iss) => `expression régulière invalide, ${received(iss.input)}` }
);

/**
 * `data/parameters/transit-modes.json`: how routes are classified, editable by a planner.
 * Order of the rules: shuttle pattern first (a shuttle is a bus whatever its route_type), then
 * tram route types, then the Chrono pattern, else bus.
 */
export const transitModeRulesSchema = z.object({
  version: z.literal(1),
  /** GTFS route_type values that mean tram (0 = tram, streetcar, light rail). */
  tramRouteTypes: z.array(z.number().int().nonnegative()).min(1),
  /** Pattern of Chrono line short names (`^C\d+$`). */
  chronoShortNamePattern: regexText,
  /** Pattern of temporary tram-replacement shuttles (`^NAV[A-Z]$`): counted as bus, flagged. */
  temporaryShuttlePattern: regexText,
  /** Prefix of the geometry `CODE` before the route short name (`SEM_` in `SEM_C1`). */
  lineCodePrefix: z.string(),
  /** Stops outside the EPCI farther than this from its outline (metres) are dropped. */
  nearBorderM: z.number().nonnegative(),
  /**
   * Douglas–Peucker tolerance applied to the line geometries, in metres (0 keeps every vertex).
   * Drawing only: no indicator reads the line shapes.
   */
  lineSimplifyToleranceM: z.number().nonnegative().default(0),
  /** Why these values, for the people who edit the file. */
  notes: z.string().optional()
});
export type TransitModeRules = z.infer<typeof transitModeRulesSchema>;
