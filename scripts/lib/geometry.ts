/**
 * Geometry helpers of the build: coordinate rounding, validity checks and repair, areas, unions.
 * Pure functions of GeoJSON (Turf, WGS84 lon/lat).
 */
import {
  area,
  booleanValid,
  featureCollection,
  kinks,
  polygon as turfPolygon,
  union,
  unkinkPolygon
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { z } from 'zod';
import type { areaGeometrySchema } from '../../src/lib/schemas/common';

export type AreaGeometry = Polygon | MultiPolygon;
/** The contract's geometry type (positions are [lon, lat] tuples). */
export type ContractGeometry = z.infer<typeof areaGeometrySchema>;
type Pair = [number, number];

/** 5 decimals of a degree ≈ 1.1 m in latitude: the precision of the simplified IGN contours. */
export const COORD_DECIMALS = 5;

function roundRing(ring: Position[], decimals: number): Pair[] {
  const f = 10 ** decimals;
  const out: Pair[] = [];
  for (const p of ring) {
    const q: Pair = [Math.round((p[0] ?? 0) * f) / f, Math.round((p[1] ?? 0) * f) / f];
    const last = out[out.length - 1];
    // Rounding can merge neighbouring vertices: drop the repeats.
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1]))
    out.push([first[0], first[1]]);
  return out;
}

function roundPolygonRings(rings: Position[][], decimals: number): Pair[][] | null {
  const out: Pair[][] = [];
  for (const [i, ring] of rings.entries()) {
    const r = roundRing(ring, decimals);
    if (r.length >= 4) out.push(r);
    else if (i === 0) return null; // the outer ring collapsed: the polygon is too small to keep
  }
  return out;
}

/** Round coordinates, dropping collapsed rings and polygons; null when nothing remains. */
export function roundGeometry(
  geometry: AreaGeometry,
  decimals = COORD_DECIMALS
): ContractGeometry | null {
  if (geometry.type === 'Polygon') {
    const rings = roundPolygonRings(geometry.coordinates, decimals);
    return rings ? { type: 'Polygon', coordinates: rings } : null;
  }
  const polys = geometry.coordinates
    .map((p) => roundPolygonRings(p, decimals))
    .filter((p): p is Pair[][] => p !== null);
  if (polys.length === 0) return null;
  if (polys.length === 1 && polys[0]) return { type: 'Polygon', coordinates: polys[0] };
  return { type: 'MultiPolygon', coordinates: polys };
}

/** Self-intersection points of each polygon of a geometry (Turf `kinks`), summed. */
export function countKinks(geometry: AreaGeometry): number {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polys.reduce(
    (n, coordinates) =>
      n +
      kinks({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } })
        .features.length,
    0
  );
}

export interface CheckedGeometry {
  geometry: AreaGeometry;
  /** Set when the geometry was invalid and was repaired, saying what was done. */
  repaired: string | null;
}

function parts(geometry: AreaGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Kinks and validity per polygon: Turf flags multipolygon parts touching at a point, which OGC allows. */
function partsValid(geometry: AreaGeometry): boolean {
  return parts(geometry).every((coords) => {
    const f: Feature<Polygon> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: coords }
    };
    return kinks(f).features.length === 0 && booleanValid(f);
  });
}

/**
 * Check a geometry with Turf `booleanValid` and `kinks` (polygon by polygon); a self-intersecting
 * polygon is repaired by splitting it at its kinks (`unkinkPolygon`). Throws, naming `label`, when
 * that is not enough.
 */
export function checkGeometry(geometry: AreaGeometry, label: string): CheckedGeometry {
  if (partsValid(geometry)) return { geometry, repaired: null };
  const k = countKinks(geometry);
  const pieces: Position[][][] = [];
  for (const coords of parts(geometry)) {
    for (const piece of unkinkPolygon(turfPolygon(coords)).features) {
      pieces.push(piece.geometry.coordinates);
    }
  }
  const fixed: AreaGeometry =
    pieces.length === 1 && pieces[0]
      ? { type: 'Polygon', coordinates: pieces[0] }
      : { type: 'MultiPolygon', coordinates: pieces };
  if (!partsValid(fixed)) {
    throw new Error(
      `${label} : polygone invalide (${k} auto-intersection(s)) qui n’a pas pu être réparé`
    );
  }
  return { geometry: fixed, repaired: `découpé à ses ${k} auto-intersection(s)` };
}

/** Geodesic area in km² (Turf). */
export function areaKm2(geometry: AreaGeometry): number {
  return area({ type: 'Feature', properties: {}, geometry }) / 1e6;
}

/** Geodesic area in hectares (Turf). */
export function areaHa(geometry: AreaGeometry): number {
  return area({ type: 'Feature', properties: {}, geometry }) / 1e4;
}

/** Union of area geometries (null for an empty list). */
export function unionAll(geometries: readonly AreaGeometry[]): AreaGeometry | null {
  if (geometries.length === 0) return null;
  if (geometries.length === 1) return geometries[0] ?? null;
  const merged = union(
    featureCollection(
      geometries.map((g) => ({ type: 'Feature' as const, properties: {}, geometry: g }))
    )
  );
  return merged ? merged.geometry : null;
}

/**
 * Remove interior rings smaller than `minKm2`: slivers left between simplified neighbouring
 * contours when they are merged, which are artefacts of the simplification, not holes.
 */
export function dropSliverHoles(geometry: AreaGeometry, minKm2: number): AreaGeometry {
  const keep = (rings: Position[][]) =>
    rings.filter((r, i) => i === 0 || areaKm2({ type: 'Polygon', coordinates: [r] }) >= minKm2);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: keep(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(keep) };
}
