/**
 * Household profile of a territory from the Filosofi 1 km grid (INSEE, Filosofi 2019 carroyé,
 * aggregated to 1 km), and the poverty pockets outside the QPV.
 *
 * Method: each 1 km cell is apportioned to a territory pro rata of the share of the cell's area
 * that lies inside it, measured on the territory's samples (see `sampling.ts`): households are
 * assumed uniform within a cell, as for the population. Counts are therefore estimates (INSEE
 * imputes small cells too); they are good for weighting and ranking, not for exact figures.
 *
 * Owner-occupied collective housing (a PROXY for copropriétés): the grid gives owners
 * (`men_prop`), households in a house (`men_mais`) and in a flat (`men_coll`), not their cross.
 * Per cell, owners living in a flat are at least `men_prop − men_mais` (every house-dweller an
 * owner) and at most `min(men_prop, men_coll)`; the central value assumes the same owner share in
 * houses and flats (`men_prop × men_coll / men`), clamped to the bounds. An owner in a flat
 * usually lives in a copropriété, but not always (single-owner buildings), and a copropriété may
 * be wholly rented: this is a proxy, not a count of copropriétés (RNIC is not in the sources).
 *
 * Pure functions: no I/O.
 */
import type { PopulationGrid } from '$lib/schemas/outputs';
import {
  bboxOf,
  fillGeometry,
  polygonsOf,
  projectedArea,
  projectRings,
  sampleTerritory,
  scanPolygon,
  scratchBytes,
  type AreaGeometry,
  type BBox,
  type TerritorySamples
} from './sampling';
import type { SamplingParams } from '$lib/schemas/parameters';

/** One grid cell with the household counts the profile uses. */
export interface HouseholdCell {
  id: string;
  geometry: AreaGeometry;
  bbox: BBox;
  population: number;
  households: number;
  poor: number;
  owners: number;
  collective: number;
  houses: number;
  singleParent: number;
  large: number;
}

export function householdCells(grid: PopulationGrid): HouseholdCell[] {
  return grid.features.map((f) => {
    const p = f.properties;
    return {
      id: p.id,
      geometry: f.geometry,
      bbox: bboxOf(f.geometry),
      population: p.population,
      households: p.households,
      poor: p.poorHouseholds,
      owners: p.ownerHouseholds,
      collective: p.collectiveHouseholds,
      houses: p.houseHouseholds,
      singleParent: p.singleParentHouseholds,
      large: p.largeHouseholds
    };
  });
}

/** Index of a cell in the list and the share (0–1) of its area inside the territory. */
export interface CellShare {
  index: number;
  share: number;
}

/** Share of each overlapping cell's area inside the territory, measured on its samples. */
export function cellShares(
  samples: TerritorySamples,
  cells: readonly HouseholdCell[]
): CellShare[] {
  const { grid, projection, bbox } = samples;
  const size = grid.nx * grid.ny;
  const mask = scratchBytes(size);
  for (const k of samples.inside) mask[k] = 1;
  const out: CellShare[] = [];
  cells.forEach((cell, index) => {
    const b = cell.bbox;
    if (b[0] > bbox[2] || b[2] < bbox[0] || b[1] > bbox[3] || b[3] < bbox[1]) return;
    let count = 0;
    for (const polygon of polygonsOf(cell.geometry)) {
      scanPolygon(projectRings(polygon, projection), grid, (row, a, z) => {
        for (let k = row + a; k < row + z; k++) count += mask[k] as number;
      });
    }
    if (count === 0) return;
    const cellArea = projectedArea(cell.geometry, projection);
    if (cellArea <= 0) return;
    out.push({ index, share: Math.min(1, (count * samples.sampleAreaM2) / cellArea) });
  });
  return out;
}

export interface Bounded {
  value: number;
  low: number;
  high: number;
}

/** Owners in a flat in one cell: bounds and central value (see the module note). */
export function ownerCollectiveBounds(c: {
  households: number;
  owners: number;
  collective: number;
  houses: number;
}): Bounded {
  const low = Math.max(0, c.owners - c.houses);
  const high = Math.max(low, Math.min(c.owners, c.collective));
  const central = c.households > 0 ? (c.owners * c.collective) / c.households : 0;
  return { value: Math.min(high, Math.max(low, central)), low, high };
}

/** Household counts of a territory (sums of cells × share). */
export interface GridProfile {
  population: number;
  households: number;
  poor: number;
  owners: number;
  collective: number;
  singleParent: number;
  large: number;
  /** Owner-occupied households in a flat: proxy for copropriétés (estimate with bounds). */
  ownerCollective: Bounded;
  /** Population of the cells fully inside / touching the territory: bounds of its grid population. */
  populationBounds: { low: number; high: number };
}

export function gridProfile(
  shares: readonly CellShare[],
  cells: readonly HouseholdCell[]
): GridProfile {
  const out: GridProfile = {
    population: 0,
    households: 0,
    poor: 0,
    owners: 0,
    collective: 0,
    singleParent: 0,
    large: 0,
    ownerCollective: { value: 0, low: 0, high: 0 },
    populationBounds: { low: 0, high: 0 }
  };
  for (const { index, share } of shares) {
    const c = cells[index];
    if (!c) continue;
    out.population += c.population * share;
    out.households += c.households * share;
    out.poor += c.poor * share;
    out.owners += c.owners * share;
    out.collective += c.collective * share;
    out.singleParent += c.singleParent * share;
    out.large += c.large * share;
    const oc = ownerCollectiveBounds(c);
    out.ownerCollective.value += oc.value * share;
    out.ownerCollective.low += oc.low * share;
    out.ownerCollective.high += oc.high * share;
    // Uniform density is an assumption: the true population lies between the cells wholly
    // inside and every cell touched.
    if (share >= 0.999) out.populationBounds.low += c.population;
    out.populationBounds.high += c.population;
  }
  return out;
}

/**
 * Share (0–1) of each cell's area inside any of `perimeters` (the 2024 QPV), measured by sampling
 * the cell on a grid of `sampling` (bounding-box reject first).
 */
export function cellCoverageByPerimeters(
  cells: readonly HouseholdCell[],
  perimeters: readonly AreaGeometry[],
  sampling: SamplingParams
): number[] {
  const boxes = perimeters.map(bboxOf);
  return cells.map((cell) => {
    const near = perimeters.filter((_, k) => {
      const b = boxes[k] as BBox;
      const c = cell.bbox;
      return !(b[0] > c[2] || b[2] < c[0] || b[1] > c[3] || b[3] < c[1]);
    });
    if (near.length === 0) return 0;
    const s = sampleTerritory(cell.geometry, [], sampling);
    if (s.inside.length === 0) return 0;
    const mask = new Uint8Array(s.grid.nx * s.grid.ny);
    for (const g of near) fillGeometry(mask, g, s.projection, s.grid);
    let n = 0;
    for (const k of s.inside) n += mask[k] as number;
    return n / s.inside.length;
  });
}

export interface PocketParams {
  /** A cell is a pocket when poor households / households ≥ this, %. */
  minPoorSharePct: number;
  /** …and it holds at least this many households (INSEE imputes tiny cells). */
  minHouseholds: number;
  /** …and no more than this share of its area lies in a QPV, % (« not covered by a QPV »). */
  maxQpvCoverPct: number;
}

export interface PovertyPockets {
  /** Ids of the pocket cells touching the territory (at least `minTerritoryShare` of the cell). */
  cellIds: string[];
  /** Poor households of those cells apportioned to the territory (pro rata of area). */
  poorHouseholds: number;
  /** Bounds: poor households of the pocket cells wholly inside / of every pocket cell touched. */
  low: number;
  high: number;
  /** Highest poor-household share among them, %. */
  maxPoorSharePct: number;
}

/**
 * Poverty pockets outside the QPV: grid cells whose share of poor households reaches the
 * threshold, with enough households, and that no 2024 QPV covers; counted for a territory when
 * at least `minTerritoryShare` (0–1) of the cell lies in it.
 */
export function povertyPockets(
  shares: readonly CellShare[],
  cells: readonly HouseholdCell[],
  qpvCover: readonly number[],
  params: PocketParams,
  minTerritoryShare = 0.1
): PovertyPockets {
  const out: PovertyPockets = {
    cellIds: [],
    poorHouseholds: 0,
    low: 0,
    high: 0,
    maxPoorSharePct: 0
  };
  for (const { index, share } of shares) {
    const c = cells[index];
    if (!c || share < minTerritoryShare) continue;
    if (c.households < params.minHouseholds || c.households <= 0) continue;
    const poorPct = (100 * c.poor) / c.households;
    if (poorPct < params.minPoorSharePct) continue;
    if (100 * (qpvCover[index] ?? 0) > params.maxQpvCoverPct) continue;
    out.cellIds.push(c.id);
    out.poorHouseholds += c.poor * share;
    if (share >= 0.999) out.low += c.poor;
    out.high += c.poor;
    out.maxPoorSharePct = Math.max(out.maxPoorSharePct, poorPct);
  }
  return out;
}
