/**
 * Regular sampling of a territory, the geometric core of the coverage and QPV-share indicators.
 *
 * Method: the territory is projected to a local equirectangular plane centred on its bounding box
 * (metres; scale error < 0.1 % over a commune), then covered by a square grid of step `step`
 * metres. A sample (the centre of a grid cell) belongs to the territory when it lies inside the
 * polygon (even-odd rule, scanline fill, holes and multipolygons handled). Each sample stands for
 * `sx × sy` m² (≈ step²) and for the population of the 1 km cell it falls in, pro rata of area (population
 * assumed uniform within a 1 km cell). Shares computed on samples converge to exact area shares
 * as the step shrinks; the error is that of a Riemann sum, about (boundary length × step) / area.
 *
 * Pure functions: no I/O, no map, no clock.
 */
import type { SamplingParams } from '$lib/schemas/parameters';

export type Position = [number, number];
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

/**
 * Mean Earth radius, metres (IUGG; the one d3-geo's great-circle distances assume): the one
 * radius of the app's distances, projections and map scales.
 */
export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Local equirectangular projection: metres east / north of (lon0, lat0). */
export interface LocalProjection {
  lon0: number;
  lat0: number;
  /** Metres per degree of longitude at lat0. */
  kx: number;
  /** Metres per degree of latitude. */
  ky: number;
}

export function localProjection(lon0: number, lat0: number): LocalProjection {
  const ky = EARTH_RADIUS_M * RAD;
  return { lon0, lat0, ky, kx: ky * Math.cos(lat0 * RAD) };
}

/** Great-circle distance in metres (haversine). */
export function haversineM(a: Position, b: Position): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Polygons of a geometry as arrays of rings. */
export function polygonsOf(geometry: AreaGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** [minLon, minLat, maxLon, maxLat]. */
export type BBox = [number, number, number, number];

export function bboxOf(geometry: AreaGeometry): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    // The outer ring bounds the polygon.
    for (const [x, y] of polygon[0] ?? []) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Rings projected to flat arrays [x0, y0, x1, y1, …] in metres. */
export function projectRings(polygon: Position[][], p: LocalProjection): Float64Array[] {
  return polygon.map((ring) => {
    const out = new Float64Array(ring.length * 2);
    for (let k = 0; k < ring.length; k++) {
      const pt = ring[k] as Position;
      out[2 * k] = (pt[0] - p.lon0) * p.kx;
      out[2 * k + 1] = (pt[1] - p.lat0) * p.ky;
    }
    return out;
  });
}

/** Planar area (m²) of projected rings, even-odd: outer ring minus holes. */
function ringsArea(rings: Float64Array[]): number {
  let total = 0;
  rings.forEach((r, k) => {
    let s = 0;
    for (let i = 0; i + 3 < r.length; i += 2) {
      s += (r[i] as number) * (r[i + 3] as number) - (r[i + 2] as number) * (r[i + 1] as number);
    }
    total += k === 0 ? Math.abs(s / 2) : -Math.abs(s / 2);
  });
  return total;
}

/**
 * A regular grid of sample centres: centre of cell (i, j) is (x0 + (i + ½)·sx, y0 + (j + ½)·sy).
 * sx and sy are the chosen step stretched so that whole cells tile the territory's bounding box
 * (no partial row or column, hence no bias on rectangles aligned with it).
 */
export interface SampleGrid {
  x0: number;
  y0: number;
  sx: number;
  sy: number;
  nx: number;
  ny: number;
}

/**
 * Scanline fill: calls `visit(rowOffset, iStart, iEnd)` for each run of sample centres inside the
 * polygon (even-odd over all its rings), `iEnd` exclusive. Cost O(edges + rows + crossings).
 */
export function scanPolygon(
  rings: Float64Array[],
  grid: SampleGrid,
  visit: (rowOffset: number, iStart: number, iEnd: number) => void
): void {
  const { x0, y0, sx, sy, nx, ny } = grid;
  const rows: number[][] = [];
  for (const r of rings) {
    for (let k = 0; k + 3 < r.length; k += 2) {
      const ax = r[k] as number;
      const ay = r[k + 1] as number;
      const bx = r[k + 2] as number;
      const by = r[k + 3] as number;
      if (ay === by) continue;
      const lo = Math.min(ay, by);
      const hi = Math.max(ay, by);
      // Rows whose centre y satisfies lo <= y < hi (half-open: shared vertices counted once).
      const jStart = Math.max(0, Math.ceil((lo - y0) / sy - 0.5));
      const jEnd = Math.min(ny - 1, Math.ceil((hi - y0) / sy - 0.5) - 1);
      const slope = (bx - ax) / (by - ay);
      for (let j = jStart; j <= jEnd; j++) {
        const yc = y0 + (j + 0.5) * sy;
        (rows[j] ??= []).push(ax + (yc - ay) * slope);
      }
    }
  }
  for (let j = 0; j < ny; j++) {
    const xs = rows[j];
    if (!xs) continue;
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const iStart = Math.max(0, Math.ceil(((xs[k] as number) - x0) / sx - 0.5));
      const iEnd = Math.min(nx, Math.ceil(((xs[k + 1] as number) - x0) / sx - 0.5));
      if (iEnd > iStart) visit(j * nx, iStart, iEnd);
    }
  }
}

/** Marks with `value` the samples of `mask` lying inside `geometry`. */
export function fillGeometry(
  mask: Uint8Array,
  geometry: AreaGeometry,
  projection: LocalProjection,
  grid: SampleGrid,
  value = 1
): void {
  for (const polygon of polygonsOf(geometry)) {
    scanPolygon(projectRings(polygon, projection), grid, (row, a, b) =>
      mask.fill(value, row + a, row + b)
    );
  }
}

/** Planar area in m² of a geometry in a local projection. */
export function projectedArea(geometry: AreaGeometry, projection: LocalProjection): number {
  let a = 0;
  for (const polygon of polygonsOf(geometry)) a += ringsArea(projectRings(polygon, projection));
  return a;
}

/** A population cell: its outline and the individuals it holds (uniform density assumed). */
export interface PopulationCell {
  geometry: AreaGeometry;
  bbox: BBox;
  population: number;
}

export interface TerritorySamples {
  projection: LocalProjection;
  grid: SampleGrid;
  /** Row-major indices (j·nx + i) of the samples inside the territory. */
  inside: Uint32Array;
  /** Population carried by each inside sample (same order as `inside`). */
  population: Float64Array;
  /** Area carried by one sample, m². */
  sampleAreaM2: number;
  /** Sum of `population`: the territory's population according to the grid (0 if no cell). */
  populationTotal: number;
  /** Area centroid of the samples, [lon, lat]. */
  centroid: Position;
  bbox: BBox;
}

/**
 * Scratch buffers reused across calls: sampling many territories in a row would otherwise
 * allocate (and garbage-collect) a full grid per territory. Cleared before each use, so no state
 * leaks from one call to the next.
 */
let scratchMask = new Uint8Array(0);
let scratchDensity = new Float32Array(0);

export function scratchBytes(size: number): Uint8Array {
  if (scratchMask.length < size) scratchMask = new Uint8Array(Math.ceil(size * 1.5));
  scratchMask.fill(0, 0, size);
  return scratchMask;
}

function scratchFloats(size: number): Float32Array {
  if (scratchDensity.length < size) scratchDensity = new Float32Array(Math.ceil(size * 1.5));
  scratchDensity.fill(0, 0, size);
  return scratchDensity;
}

export function chooseStep(areaM2: number, sampling: SamplingParams): number {
  const ideal = Math.sqrt(Math.max(areaM2, 0) / sampling.targetSamples);
  return Math.min(sampling.maxStepM, Math.max(sampling.minStepM, ideal));
}

/**
 * Samples a territory on a regular grid (see the module note), weighting samples with `cells`.
 * `step` overrides the automatic step (used by tests to measure accuracy against the step).
 */
export function sampleTerritory(
  geometry: AreaGeometry,
  cells: readonly PopulationCell[],
  sampling: SamplingParams,
  step?: number
): TerritorySamples {
  const bbox = bboxOf(geometry);
  const projection = localProjection((bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2);
  const areaM2 = projectedArea(geometry, projection);
  const s = step ?? chooseStep(areaM2, sampling);
  const x0 = (bbox[0] - projection.lon0) * projection.kx;
  const y0 = (bbox[1] - projection.lat0) * projection.ky;
  const width = (bbox[2] - bbox[0]) * projection.kx;
  const height = (bbox[3] - bbox[1]) * projection.ky;
  const nx = Math.max(1, Math.round(width / s));
  const ny = Math.max(1, Math.round(height / s));
  const grid: SampleGrid = { x0, y0, nx, ny, sx: width / nx || s, sy: height / ny || s };
  const size = grid.nx * grid.ny;
  const mask = scratchBytes(size);
  fillGeometry(mask, geometry, projection, grid);

  // Population density (individuals per m²) of each sample, from the cell that holds it.
  const density = scratchFloats(size);
  for (const cell of cells) {
    const b = cell.bbox;
    if (b[0] > bbox[2] || b[2] < bbox[0] || b[1] > bbox[3] || b[3] < bbox[1]) continue;
    if (cell.population <= 0) continue;
    const d = cell.population / projectedArea(cell.geometry, projection);
    for (const polygon of polygonsOf(cell.geometry)) {
      scanPolygon(projectRings(polygon, projection), grid, (row, a, z) =>
        density.fill(d, row + a, row + z)
      );
    }
  }

  let count = 0;
  for (let k = 0; k < size; k++) count += mask[k] as number;
  const inside = new Uint32Array(count);
  const population = new Float64Array(count);
  const sampleAreaM2 = grid.sx * grid.sy;
  let n = 0;
  let sumI = 0;
  let sumJ = 0;
  let popTotal = 0;
  for (let k = 0; k < size; k++) {
    if (mask[k] !== 1) continue;
    inside[n] = k;
    const pop = (density[k] as number) * sampleAreaM2;
    population[n] = pop;
    popTotal += pop;
    sumI += (k % grid.nx) + 0.5;
    sumJ += Math.floor(k / grid.nx) + 0.5;
    n++;
  }
  const centroid: Position =
    n > 0
      ? [
          projection.lon0 + (x0 + (sumI / n) * grid.sx) / projection.kx,
          projection.lat0 + (y0 + (sumJ / n) * grid.sy) / projection.ky
        ]
      : [projection.lon0, projection.lat0];
  return {
    projection,
    grid,
    inside,
    population,
    sampleAreaM2,
    populationTotal: popTotal,
    centroid,
    bbox
  };
}

/** Even-odd point-in-polygon test in lon/lat (fine at commune scale). */
export function pointInGeometry(point: Position, geometry: AreaGeometry): boolean {
  const [px, py] = point;
  let inside = false;
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i] as Position;
        const [xj, yj] = ring[j] as Position;
        if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}
