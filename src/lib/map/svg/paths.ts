/**
 * Planar geometry → SVG path data (pure). Coordinates are already projected to viewBox units
 * (y down); the path is written with d3-geo's `geoPath` on the identity projection, rounded to
 * `digits` decimals (1 decimal = 0.1 unit, invisible at the sizes the maps are drawn).
 */
import { geoPath } from 'd3-geo';
import type { Geometry, Position } from 'geojson';

/**
 * SVG path data of a planar geometry (Polygon, MultiPolygon, LineString, MultiLineString);
 * "" for an empty geometry. Polygons are closed with `Z`; holes are drawn as extra subpaths, so
 * fill them with `fill-rule="evenodd"`.
 * @example geometryToPath({ type: 'LineString', coordinates: [[0, 0], [10.04, 5]] }) // "M0,0L10,5"
 */
export function geometryToPath(geometry: Geometry, digits = 1): string {
  return geoPath(null).digits(digits)(geometry) ?? '';
}

/** Bounding box `[x0, y0, x1, y1]` of planar positions (viewBox units), or null when empty. */
export function planarBBox(positions: Iterable<Position>): [number, number, number, number] | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of positions) {
    const x = p[0]!;
    const y = p[1]!;
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  return Number.isFinite(x0) ? [x0, y0, x1, y1] : null;
}

/** Every position of a geometry (any nesting). */
export function* positionsOf(geometry: Geometry): Generator<Position> {
  switch (geometry.type) {
    case 'Point':
      yield geometry.coordinates;
      return;
    case 'MultiPoint':
    case 'LineString':
      yield* geometry.coordinates;
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of geometry.coordinates) yield* line;
      return;
    case 'MultiPolygon':
      for (const poly of geometry.coordinates) for (const ring of poly) yield* ring;
      return;
    case 'GeometryCollection':
      for (const g of geometry.geometries) yield* positionsOf(g);
  }
}

/** Maps every position of a geometry through `f` (same structure, new arrays). */
export function mapPositions<G extends Geometry>(geometry: G, f: (p: Position) => Position): G {
  const g = geometry as Geometry;
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: f(g.coordinates) } as G;
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: g.coordinates.map(f) } as G;
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((l) => l.map(f)) } as G;
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) } as G;
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map((x) => mapPositions(x, f)) } as G;
  }
}

/** Rounds a number to `digits` decimals (for stored anchors and boxes). */
export function round(n: number, digits = 1): number {
  const k = 10 ** digits;
  return Math.round(n * k) / k;
}
