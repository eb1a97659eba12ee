import { describe, expect, it } from 'vitest';
import {
  cellCoverageByPerimeters,
  cellShares,
  gridProfile,
  householdCells,
  ownerCollectiveBounds,
  povertyPockets
} from '../../../src/lib/indicators/grid-profile';
import { sampleTerritory } from '../../../src/lib/indicators/sampling';
import type { PopulationGrid } from '../../../src/lib/schemas/outputs';
import { squareRing } from '../../fixtures/indicators/synthetic';

const sampling = { targetSamples: 20_000, minStepM: 5, maxStepM: 50 };
const square = (x: number, y: number, size: number) => ({
  type: 'Polygon' as const,
  coordinates: [squareRing(x, y, size)]
});
/** Two made-up 1 km cells side by side: A poor and collective, B houses. */
const grid: PopulationGrid = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {
        id: 'A',
        population: 2000,
        households: 1000,
        poorHouseholds: 300,
        ownerHouseholds: 400,
        collectiveHouseholds: 900,
        houseHouseholds: 100,
        singleParentHouseholds: 150,
        largeHouseholds: 80
      },
      geometry: square(0, 0, 1000)
    },
    {
      type: 'Feature',
      properties: {
        id: 'B',
        population: 500,
        households: 200,
        poorHouseholds: 10,
        ownerHouseholds: 180,
        collectiveHouseholds: 20,
        houseHouseholds: 180,
        singleParentHouseholds: 10,
        largeHouseholds: 20
      },
      geometry: square(1000, 0, 1000)
    }
  ]
};
const cells = householdCells(grid);
/** Within 1 % (the sampling error of a 1 km square at this step, see sampling.ts). */
const near = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThan(0.01 * want);

describe('ownerCollectiveBounds (copropriétés proxy)', () => {
  it.each([
    // households, owners, collective, houses → low, high, value
    [{ households: 1000, owners: 400, collective: 900, houses: 100 }, 300, 400, 360],
    [{ households: 200, owners: 180, collective: 20, houses: 180 }, 0, 20, 18],
    [{ households: 100, owners: 100, collective: 50, houses: 50 }, 50, 50, 50],
    [{ households: 0, owners: 0, collective: 0, houses: 0 }, 0, 0, 0]
  ])('%j → [%d, %d], %d', (c, low, high, value) => {
    const b = ownerCollectiveBounds(c);
    expect(b.low).toBeCloseTo(low, 6);
    expect(b.high).toBeCloseTo(high, 6);
    expect(b.value).toBeCloseTo(value, 6);
  });
});

describe('cellShares and gridProfile', () => {
  it('apportions a cell wholly inside, and half of two cells, by area', () => {
    const inA = cellShares(sampleTerritory(square(0, 0, 1000), [], sampling), cells);
    expect(inA.map((s) => s.index)).toEqual([0]);
    expect(inA[0]?.share).toBeCloseTo(1, 2);
    const half = cellShares(sampleTerritory(square(500, 0, 1000), [], sampling), cells);
    expect(half.map((s) => s.index)).toEqual([0, 1]);
    for (const s of half) expect(s.share).toBeCloseTo(0.5, 2);
    const g = gridProfile(half, cells);
    near(g.households, 600);
    near(g.poor, 155);
    near(g.collective, 460);
    near(g.ownerCollective.low, 150);
    near(g.ownerCollective.high, 210);
    // Sampling error: under 1 % here (see sampling.ts).
    // Population bounds: no cell wholly inside, both touched.
    expect(g.populationBounds).toEqual({ low: 0, high: 2500 });
    near(g.population, 1250);
  });
  it('gives an empty profile outside the grid', () => {
    const away = cellShares(sampleTerritory(square(5000, 5000, 500), [], sampling), cells);
    expect(away).toEqual([]);
    expect(gridProfile(away, cells).households).toBe(0);
  });
});

describe('poverty pockets outside the QPV', () => {
  const params = { minPoorSharePct: 20, minHouseholds: 200, maxQpvCoverPct: 5 };
  const territory = sampleTerritory(square(0, 0, 2000), [], sampling);
  const shares = cellShares(territory, cells);
  it('finds the poor cell when no QPV covers it', () => {
    const p = povertyPockets(shares, cells, [0, 0], params);
    expect(p.cellIds).toEqual(['A']);
    expect(p.poorHouseholds).toBeCloseTo(300, 0);
    expect(p.low).toBe(300);
    expect(p.maxPoorSharePct).toBeCloseTo(30, 6);
  });
  it('drops a cell covered by a QPV beyond the threshold', () => {
    const cover = cellCoverageByPerimeters(cells, [square(0, 0, 300)], sampling);
    expect(cover[0]).toBeCloseTo(0.09, 2);
    expect(cover[1]).toBe(0);
    expect(povertyPockets(shares, cells, cover, params).cellIds).toEqual([]);
    expect(povertyPockets(shares, cells, cover, { ...params, maxQpvCoverPct: 10 }).cellIds).toEqual(
      ['A']
    );
  });
  it('ignores cells below the household or poverty thresholds', () => {
    expect(
      povertyPockets(shares, cells, [0, 0], { ...params, minHouseholds: 1001 }).cellIds
    ).toEqual([]);
    expect(
      povertyPockets(shares, cells, [0, 0], { ...params, minPoorSharePct: 31 }).cellIds
    ).toEqual([]);
  });
});
