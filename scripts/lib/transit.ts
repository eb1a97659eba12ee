/**
 * Builds `geo/transit-lines.geojson` and `geo/transit-stops.geojson` from the M réso sources:
 * GTFS-derived stop and route tables (`mreso-gtfs`, `mreso-routes`) and the Mobilités M line
 * geometries (`mreso-lignes-geo`).
 *
 * Method:
 * - A route's mode comes from `data/parameters/transit-modes.json`: a short name matching the
 *   shuttle pattern (NAVA, NAVE: temporary tram-replacement shuttles) is `bus` with
 *   `temporaryShuttle`, whatever its route_type; else a tram route_type gives `tram`; else a short name
 *   matching the Chrono pattern gives `chrono`; else `bus`.
 * - A stop's mode is the best mode of the routes serving it (tram > chrono > bus), so a stop served
 *   only by a shuttle is not a tram stop. Routes are joined through the stop's `route_ids`.
 * - Rows without any serving route are GTFS stop areas (parent stations): not stop points, dropped.
 * - The commune of a stop is found by point-in-polygon in the commune contours (never from its name),
 *   after rounding to 5 decimals (≈ 1 m) so the output is self-consistent. A point on a shared border
 *   goes to the commune with the smallest code.
 * - Stops outside the EPCI outline are kept when within `nearBorderM` metres of it (they serve its
 *   inhabitants) and flagged; the distance is to the nearest edge of the outline, in metres, on a local
 *   equirectangular projection (error far below 1 m at these distances).
 * - A line geometry `CODE` (`SEM_A`) is joined to the route whose short name is `CODE` minus the prefix.
 * - Line shapes are simplified (Douglas–Peucker, `lineSimplifyToleranceM`): the GTFS shapes carry
 *   a vertex every few metres, which the map's worker would otherwise tile at every load. Drawing
 *   only; no indicator reads them.
 */
import { readFileSync } from 'node:fs';
import { bbox as turfBbox, booleanPointInPolygon, lineString, simplify } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { EARTH_RADIUS_M } from '../../src/lib/indicators/sampling';
import { z } from '../../src/lib/schemas/zod';
import {
  parseTransitLinesGeojson,
  parseTransitModeRules,
  parseTransitRoutesCsv,
  parseTransitStopsCsv
} from '../../src/lib/data/transit';
import {
  transitLinesCollectionSchema,
  transitStopsCollectionSchema,
  type TransitLinesCollection,
  type TransitMode,
  type TransitStopsCollection
} from '../../src/lib/schemas/outputs';
import type { TransitModeRules, TransitRouteRow } from '../../src/lib/schemas/sources/transit';
import { TRANSIT_SOURCE_IDS } from '../../src/lib/map/context-sources';
import { assertFeaturesInBbox, assertStopsInBbox, type Bbox as DepartementBbox } from './validate';

/** Source ids of `data/sources.json`, shared with the app's legends. */
export { TRANSIT_SOURCE_IDS };

const MODE_RANK: Record<TransitMode, number> = { tram: 0, chrono: 1, bus: 2 };
/** GTFS defaults when route_color / route_text_color are empty. */
const GTFS_DEFAULT_COLOR = 'FFFFFF';
const GTFS_DEFAULT_TEXT_COLOR = '000000';
/** Mean Earth radius (IUGG), metres. */

export interface TransitInput {
  stopsCsv: string;
  routesCsv: string;
  linesGeojson: string;
  /** File names used in error messages. */
  files: { stops: string; routes: string; lines: string };
  /** Commune contours (may extend beyond the EPCI, so stops outside it get their commune too). */
  contours: FeatureCollection<Polygon | MultiPolygon, { code: string }>;
  epciOutline: Feature<Polygon | MultiPolygon>;
  /** Stops outside the EPCI farther than this (metres) from its outline are dropped. */
  nearBorderM: number;
  /** Defaults to `data/parameters/transit-modes.json`. */
  modes?: TransitModeRules;
  /**
   * Box of the EPCI's département(s), from the commune contours: a stop or line vertex outside it
   * stops the build (swapped or corrupted coordinates). Omitted: not checked.
   */
  departementBox?: { bbox: DepartementBbox; departements: string[] };
}

export interface TransitOutput {
  lines: TransitLinesCollection;
  stops: TransitStopsCollection;
  report: { dataset: string; read: number; kept: number }[];
  diagnostics: Record<string, string[]>;
}

/** Reads the default mode rules shipped with the repo. */
export function loadDefaultTransitModeRules(): TransitModeRules {
  const url = new URL('../../data/parameters/transit-modes.json', import.meta.url);
  return parseTransitModeRules(readFileSync(url, 'utf8'), 'data/parameters/transit-modes.json');
}

export interface ClassifiedRoute {
  id: string;
  name: string;
  mode: TransitMode;
  temporaryShuttle: boolean;
  color: string;
  textColor: string;
}

/** Mode of one GTFS route under the rules (see the module comment for the order of the rules). */
export function classifyRoute(
  route: Pick<TransitRouteRow, 'route_short_name' | 'route_type'>,
  rules: TransitModeRules
): { mode: TransitMode; temporaryShuttle: boolean } {
  const name = route.route_short_name;
  if (new RegExp(rules.temporaryShuttlePattern).test(name)) {
    return { mode: 'bus', temporaryShuttle: true };
  }
  if (rules.tramRouteTypes.includes(route.route_type))
    return { mode: 'tram', temporaryShuttle: false };
  if (new RegExp(rules.chronoShortNamePattern).test(name)) {
    return { mode: 'chrono', temporaryShuttle: false };
  }
  return { mode: 'bus', temporaryShuttle: false };
}

/** Best (lowest-rank) mode among those given: tram > chrono > bus. */
export function bestMode(modes: readonly TransitMode[]): TransitMode | null {
  let best: TransitMode | null = null;
  for (const m of modes) if (best === null || MODE_RANK[m] < MODE_RANK[best]) best = m;
  return best;
}

const round5 = (v: number): number => Math.round(v * 1e5) / 1e5;

function roundLine(coords: Position[]): [number, number][] {
  const out: [number, number][] = [];
  for (const p of coords) {
    const q: [number, number] = [round5(p[0] ?? NaN), round5(p[1] ?? NaN)];
    const last = out[out.length - 1];
    // Rounding can make consecutive vertices equal: keep one.
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/** Metres per degree of latitude (mean Earth radius 6 371 km). */
const METRES_PER_DEGREE = (Math.PI * 6_371_000) / 180;

/**
 * Douglas–Peucker simplification of a rounded line, tolerance in metres. Degrees of longitude are
 * shorter than degrees of latitude, so a tolerance converted at the latitude's scale is, east-west,
 * at most 1/cos(latitude) times larger (1.4× at Grenoble): still under 1.5 m for 1 m.
 */
export function simplifyLine(coords: [number, number][], toleranceM: number): [number, number][] {
  if (toleranceM <= 0 || coords.length <= 2) return coords;
  const simplified = simplify(lineString(coords), {
    tolerance: toleranceM / METRES_PER_DEGREE,
    highQuality: true
  });
  return simplified.geometry.coordinates.map((p): [number, number] => [p[0] ?? NaN, p[1] ?? NaN]);
}

const compareNames = (a: string, b: string): number =>
  a.localeCompare(b, 'fr', { numeric: true, sensitivity: 'base' });

type Bbox = [number, number, number, number];

/**
 * Point-in-polygon lookup over many polygons with a bounding-box prefilter (most communes are
 * rejected by four comparisons). Candidates are tested in code order, so a point on a shared
 * border always goes to the same (smallest) code.
 */
export function communeLocator(
  contours: FeatureCollection<Polygon | MultiPolygon, { code: string }>
): (lon: number, lat: number) => string | null {
  const index = contours.features
    .map((f) => ({ code: f.properties.code, box: turfBbox(f) as Bbox, feature: f }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return (lon, lat) => {
    for (const { code, box, feature } of index) {
      if (lon < box[0] || lat < box[1] || lon > box[2] || lat > box[3]) continue;
      if (booleanPointInPolygon([lon, lat], feature)) return code;
    }
    return null;
  };
}

/**
 * Distance in metres from a point to the boundary of an (multi)polygon: the smallest distance to
 * any ring edge, on an equirectangular projection centred on the point.
 */
export function distanceToBoundaryM(
  lon: number,
  lat: number,
  area: Feature<Polygon | MultiPolygon>
): number {
  const k = (Math.PI / 180) * EARTH_RADIUS_M;
  const kx = k * Math.cos((lat * Math.PI) / 180);
  const polygons =
    area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
  let best = Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1];
        const b = ring[i];
        if (!a || !b) continue;
        const ax = ((a[0] ?? 0) - lon) * kx;
        const ay = ((a[1] ?? 0) - lat) * k;
        const bx = ((b[0] ?? 0) - lon) * kx;
        const by = ((b[1] ?? 0) - lat) * k;
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        // Projection of the origin (the point) on the segment, clamped to it.
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
        const d = Math.hypot(ax + t * dx, ay + t * dy);
        if (d < best) best = d;
      }
    }
  }
  return best;
}

function validated<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const res = schema.safeParse(value);
  if (!res.success) throw new Error(`${what} : sortie invalide\n${z.prettifyError(res.error)}`);
  return res.data;
}

export function buildTransit(input: TransitInput): TransitOutput {
  const rules = input.modes ?? loadDefaultTransitModeRules();
  const stopRows = parseTransitStopsCsv(input.stopsCsv, input.files.stops);
  const routeRows = parseTransitRoutesCsv(input.routesCsv, input.files.routes);
  const lineFeatures = parseTransitLinesGeojson(input.linesGeojson, input.files.lines);
  if (input.departementBox) {
    assertStopsInBbox(stopRows, { file: input.files.stops, ...input.departementBox });
    assertFeaturesInBbox(lineFeatures, {
      file: input.files.lines,
      idProperty: 'CODE',
      ...input.departementBox
    });
  }

  const diagnostics: Record<string, string[]> = {
    /** Line geometries whose CODE matches no route short name. */
    'lines.unmatched': [],
    /** Routes with no line geometry. */
    'lines.unused': [],
    /** Geometries left with no segment after rounding. */
    'lines.emptyGeometry': [],
    /** Short names carried by several routes (the first one gives mode and colour). */
    'routes.duplicateShortName': [],
    /** `stop_id: route_id` pairs whose route is not in the route table. */
    'stops.unknownLines': [],
    /** `stop_id: line_name ≠ route_short_name` where the two columns disagree. */
    'stops.lineNameMismatch': [],
    /** Stops whose serving routes are all unknown: dropped. */
    'stops.withoutKnownLine': [],
    /** Stop areas (parent stations, no line): not stop points, dropped. */
    'stops.stopAreas': [],
    /** Stops outside the EPCI farther than nearBorderM: dropped. */
    'stops.farOutsideEpci': [],
    /** Kept stops lying in no commune contour. */
    'stops.withoutCommune': []
  };

  // Routes
  const routes = new Map<string, ClassifiedRoute>();
  const routeByName = new Map<string, ClassifiedRoute>();
  for (const row of routeRows) {
    const route: ClassifiedRoute = {
      id: row.route_id,
      name: row.route_short_name,
      ...classifyRoute(row, rules),
      color: `#${row.route_color || GTFS_DEFAULT_COLOR}`,
      textColor: `#${row.route_text_color || GTFS_DEFAULT_TEXT_COLOR}`
    };
    routes.set(route.id, route);
    if (routeByName.has(route.name)) {
      diagnostics['routes.duplicateShortName']?.push(`${route.name} (${route.id})`);
    } else {
      routeByName.set(route.name, route);
    }
  }
  const usedRouteIds = new Set<string>();

  // Lines
  const lineFeaturesOut: TransitLinesCollection['features'] = [];
  const namesWithGeometry = new Set<string>();
  for (const f of lineFeatures) {
    const code = f.properties.CODE;
    const name = code.startsWith(rules.lineCodePrefix)
      ? code.slice(rules.lineCodePrefix.length)
      : null;
    const route = name === null ? undefined : routeByName.get(name);
    if (!route || name === null) {
      diagnostics['lines.unmatched']?.push(code);
      continue;
    }
    namesWithGeometry.add(name);
    const parts = (
      f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates
    )
      .map((part) => simplifyLine(roundLine(part), rules.lineSimplifyToleranceM))
      .filter((p) => p.length >= 2);
    const first = parts[0];
    if (!first) {
      diagnostics['lines.emptyGeometry']?.push(code);
      continue;
    }
    usedRouteIds.add(route.id);
    lineFeaturesOut.push({
      type: 'Feature',
      properties: {
        id: code,
        name: route.name,
        mode: route.mode,
        temporaryShuttle: route.temporaryShuttle,
        color: route.color,
        textColor: route.textColor
      },
      geometry:
        f.geometry.type === 'LineString'
          ? { type: 'LineString', coordinates: first }
          : { type: 'MultiLineString', coordinates: parts }
    });
  }
  for (const route of routeByName.values()) {
    if (!namesWithGeometry.has(route.name)) diagnostics['lines.unused']?.push(route.name);
  }

  // Stops
  const locate = communeLocator(input.contours);
  const stopFeatures: TransitStopsCollection['features'] = [];
  for (const row of stopRows) {
    if (row.route_ids.length === 0) {
      diagnostics['stops.stopAreas']?.push(row.stop_id);
      continue;
    }
    const serving: ClassifiedRoute[] = [];
    row.route_ids.forEach((routeId, i) => {
      const route = routes.get(routeId);
      if (!route) {
        diagnostics['stops.unknownLines']?.push(`${row.stop_id} : ${routeId}`);
        return;
      }
      const listed = row.line_names[i];
      if (listed !== route.name) {
        diagnostics['stops.lineNameMismatch']?.push(
          `${row.stop_id} : ${listed ?? '?'} ≠ ${route.name}`
        );
      }
      serving.push(route);
    });
    const mode = bestMode(serving.map((r) => r.mode));
    if (mode === null) {
      diagnostics['stops.withoutKnownLine']?.push(row.stop_id);
      continue;
    }
    const lon = round5(row.lon);
    const lat = round5(row.lat);
    const outsideEpci = !booleanPointInPolygon([lon, lat], input.epciOutline);
    const distance = outsideEpci ? distanceToBoundaryM(lon, lat, input.epciOutline) : 0;
    if (distance > input.nearBorderM) {
      diagnostics['stops.farOutsideEpci']?.push(
        `${row.stop_id} (${row.stop_name}) : ${Math.round(distance)} m`
      );
      continue;
    }
    const commune = locate(lon, lat);
    if (commune === null) diagnostics['stops.withoutCommune']?.push(row.stop_id);
    for (const r of serving) usedRouteIds.add(r.id);
    const lines = [...new Set(serving.map((r) => r.name))].sort((a, b) => {
      const ra = MODE_RANK[routeByName.get(a)?.mode ?? 'bus'];
      const rb = MODE_RANK[routeByName.get(b)?.mode ?? 'bus'];
      return ra - rb || compareNames(a, b);
    });
    stopFeatures.push({
      type: 'Feature',
      properties: {
        id: row.stop_id,
        name: row.stop_name,
        lines,
        mode,
        commune,
        outsideEpci,
        distanceToEpciM: Math.round(distance)
      },
      geometry: { type: 'Point', coordinates: [lon, lat] }
    });
  }

  const lines = validated(
    transitLinesCollectionSchema,
    { type: 'FeatureCollection', features: lineFeaturesOut },
    'transit-lines.geojson'
  );
  const stops = validated(
    transitStopsCollectionSchema,
    { type: 'FeatureCollection', features: stopFeatures },
    'transit-stops.geojson'
  );

  return {
    lines,
    stops,
    report: [
      { dataset: TRANSIT_SOURCE_IDS.stops, read: stopRows.length, kept: stopFeatures.length },
      { dataset: TRANSIT_SOURCE_IDS.routes, read: routeRows.length, kept: usedRouteIds.size },
      { dataset: TRANSIT_SOURCE_IDS.lines, read: lineFeatures.length, kept: lineFeaturesOut.length }
    ],
    diagnostics
  };
}
