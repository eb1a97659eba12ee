import { describe, expect, it } from 'vitest';
import {
  computeCoverage,
  nearestStopDistanceM,
  type StopPoint
} from '../../../src/lib/indicators/coverage';
import { gridCells } from '../../../src/lib/indicators/compute';
import {
  bboxOf,
  sampleTerritory,
  type AreaGeometry,
  type PopulationCell
} from '../../../src/lib/indicators/sampling';
import { at, cell, commune, grid, squareRing } from '../../fixtures/indicators/synthetic';
import { naiveCoverage } from './naive-coverage';

const PARAMS = { radiusTramM: 500, radiusChronoM: 400, radiusBusM: 300 };
const SAMPLING = { targetSamples: 6000, minStepM: 5, maxStepM: 50 };

function stopAt(id: string, mode: StopPoint['mode'], x: number, y: number): StopPoint {
  const [lon, lat] = at(x, y);
  return { id, mode, lon, lat };
}

const square = (x: number, y: number, size: number): AreaGeometry => ({
  type: 'Polygon',
  coordinates: [squareRing(x, y, size)]
});

describe('coverage on hand-checkable squares', () => {
  const side = 2000;
  const area = side * side;
  it.each([
    ['bus stop at the centre', stopAt('a', 'bus', 1000, 1000), (100 * Math.PI * 300 ** 2) / area],
    ['tram stop at the centre', stopAt('b', 'tram', 1000, 1000), (100 * Math.PI * 500 ** 2) / area],
    ['bus stop on the border', stopAt('c', 'bus', 0, 1000), (100 * Math.PI * 300 ** 2) / 2 / area],
    ['chrono stop at a corner', stopAt('d', 'chrono', 0, 0), (100 * Math.PI * 400 ** 2) / 4 / area],
    ['stop 1 km outside', stopAt('e', 'bus', -1000, 1000), 0]
  ])('%s: area share = disc part / area', (_name, s, expected) => {
    // Default step (≈ 26 m here): within the 0.5-point tolerance of the issue.
    const samples = sampleTerritory(square(0, 0, side), [], SAMPLING);
    expect(Math.abs(computeCoverage(samples, [s], PARAMS).areaSharePct - expected)).toBeLessThan(
      0.5
    );
    // A 5 m step gets within 0.05 point: the error is a sampling error that vanishes with the step.
    const fine = sampleTerritory(square(0, 0, side), [], SAMPLING, 5);
    expect(Math.abs(computeCoverage(fine, [s], PARAMS).areaSharePct - expected)).toBeLessThan(0.05);
  });

  it('gives 0 % and no error for a commune with no stop at all', () => {
    const samples = sampleTerritory(
      square(0, 0, side),
      gridCells(grid([cell('c1', 0, 0, 800, 2000)])),
      SAMPLING
    );
    const cov = computeCoverage(samples, [], PARAMS);
    expect(cov.areaSharePct).toBe(0);
    expect(cov.populationSharePct).toBe(0);
    expect(cov.stopsNearby).toBe(0);
  });

  it('gives 100 % for a small commune inside a tram disc', () => {
    const samples = sampleTerritory(
      square(0, 0, 200),
      gridCells(grid([cell('c1', -400, -400, 50)])),
      SAMPLING
    );
    const cov = computeCoverage(samples, [stopAt('t', 'tram', 100, 100)], PARAMS);
    expect(cov.areaSharePct).toBe(100);
    expect(cov.populationSharePct).toBeCloseTo(100, 9);
    expect(cov.populationSharePctByMode.tram).toBeCloseTo(100, 9);
    expect(cov.populationSharePctByMode.bus).toBe(0);
  });

  it('weights population by 1 km cell, uniform within a cell', () => {
    // Left half (1 km × 2 km) holds 1 000 people in two cells, right half nobody.
    const cells = gridCells(
      grid([cell('l0', 0, 0, 500), cell('l1', 0, 1000, 500), cell('r0', 1000, 0, 0)])
    );
    // A 20 m step divides the 1 km cells exactly, so the population sum is exact.
    const samples = sampleTerritory(square(0, 0, side), cells, SAMPLING, 20);
    expect(samples.populationTotal).toBeCloseTo(1000, 2);
    // Bus disc centred in the left lower cell: people covered = 500 × π 300² / 1 km².
    const cov = computeCoverage(samples, [stopAt('s', 'bus', 500, 500)], PARAMS);
    const expected = (100 * (500 * Math.PI * 300 ** 2)) / 1e6 / 1000;
    expect(Math.abs((cov.populationSharePct ?? NaN) - expected)).toBeLessThan(0.2);
    // The same disc in the empty right half covers area but nobody.
    const right = computeCoverage(samples, [stopAt('s', 'bus', 1500, 500)], PARAMS);
    expect(right.areaSharePct).toBeGreaterThan(6);
    expect(right.populationSharePct).toBe(0);
  });

  it('reports no population share (null) when the grid does not cover the territory', () => {
    const samples = sampleTerritory(square(0, 0, side), [], SAMPLING);
    const cov = computeCoverage(samples, [stopAt('a', 'bus', 1000, 1000)], PARAMS);
    expect(cov.populationSharePct).toBeNull();
  });

  it('follows the user radii', () => {
    const samples = sampleTerritory(square(0, 0, side), [], SAMPLING);
    const s = stopAt('a', 'bus', 1000, 1000);
    const small = computeCoverage(samples, [s], PARAMS).areaSharePct;
    const big = computeCoverage(samples, [s], { ...PARAMS, radiusBusM: 600 }).areaSharePct;
    expect(big / small).toBeCloseTo(4, 1);
  });

  it('handles holes and multipolygons', () => {
    const holed: AreaGeometry = {
      type: 'Polygon',
      coordinates: [squareRing(0, 0, 2000), squareRing(500, 500, 1000).reverse()]
    };
    const s = sampleTerritory(holed, [], SAMPLING);
    // Riemann bound: |error| ≤ perimeter × step / 2.
    const bound = (perimeter: number) => (perimeter * Math.max(s.grid.sx, s.grid.sy)) / 2;
    expect(Math.abs(s.inside.length * s.sampleAreaM2 - 3e6)).toBeLessThan(bound(12000));
    // A stop in the hole covers only the ring around it: disc 300 m inside a 1 km hole → 0.
    expect(computeCoverage(s, [stopAt('h', 'bus', 1000, 1000)], PARAMS).areaSharePct).toBe(0);
    const multi: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [[squareRing(0, 0, 1000)], [squareRing(3000, 0, 1000)]]
    };
    const m = sampleTerritory(multi, [], SAMPLING, 10);
    expect(Math.abs(m.inside.length * m.sampleAreaM2 - 2e6)).toBeLessThan((8000 * 10) / 2);
  });
});

describe('nearest rapid stop', () => {
  it('returns the straight-line distance to the nearest tram or Chrono stop, ignoring buses', () => {
    const stops = [
      stopAt('b', 'bus', 100, 0),
      stopAt('c', 'chrono', 0, 800),
      stopAt('t', 'tram', 3000, 0)
    ];
    expect(nearestStopDistanceM(at(0, 0), stops, ['tram', 'chrono'])).toBeCloseTo(800, -1);
    expect(nearestStopDistanceM(at(0, 0), [], ['tram', 'chrono'])).toBeNull();
  });
});

/** Deterministic pseudo-random numbers (mulberry32), so the test is reproducible. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('production coverage agrees with the naive reference', () => {
  const rand = prng(42);
  const modes: StopPoint['mode'][] = ['tram', 'chrono', 'bus', 'bus', 'bus'];
  const stops: StopPoint[] = Array.from({ length: 120 }, (_, k) =>
    stopAt(
      `s${k}`,
      modes[k % modes.length] as StopPoint['mode'],
      rand() * 6000 - 500,
      rand() * 4000 - 500
    )
  );
  const cells: PopulationCell[] = gridCells(
    grid(
      Array.from({ length: 24 }, (_, k) =>
        cell(
          `g${k}`,
          (k % 6) * 1000 - 1000,
          Math.floor(k / 6) * 1000 - 1000,
          Math.round(rand() * 3000)
        )
      )
    )
  );
  const territories: [string, AreaGeometry][] = [
    ['square 2 km', commune('00001', 0, 0, 2000).geometry],
    ['square 400 m', commune('00002', 2500, 500, 400).geometry],
    [
      'L-shaped polygon',
      {
        type: 'Polygon',
        coordinates: [
          [
            at(0, 0),
            at(3000, 0),
            at(3000, 1000),
            at(1000, 1000),
            at(1000, 2500),
            at(0, 2500),
            at(0, 0)
          ]
        ]
      }
    ]
  ];
  it.each(territories)('%s: within 0.5 point for area and population', (_name, geometry) => {
    const samples = sampleTerritory(geometry, cells, SAMPLING);
    const fast = computeCoverage(samples, stops, PARAMS);
    const ref = naiveCoverage(geometry, stops, PARAMS, cells);
    expect(Math.abs(fast.areaSharePct - ref.areaSharePct)).toBeLessThan(0.5);
    expect(ref.populationSharePct).not.toBeNull();
    expect(
      Math.abs((fast.populationSharePct ?? NaN) - (ref.populationSharePct ?? NaN))
    ).toBeLessThan(0.5);
  });

  it('error shrinks with the sampling step (accuracy vs step)', () => {
    const geometry = territories[2]?.[1] as AreaGeometry;
    const ref = naiveCoverage(geometry, stops, PARAMS).areaSharePct;
    const errors = [100, 50, 20].map((step) =>
      Math.abs(
        computeCoverage(sampleTerritory(geometry, [], SAMPLING, step), stops, PARAMS).areaSharePct -
          ref
      )
    );
    expect(errors[2]).toBeLessThan(0.2);
    expect(errors[2]).toBeLessThanOrEqual((errors[0] as number) + 0.05);
  });

  it('samples a territory inside its own bounding box', () => {
    const g = commune('00003', 100, 100, 1000).geometry;
    const s = sampleTerritory(g, [], SAMPLING);
    const b = bboxOf(g);
    expect(s.centroid[0]).toBeGreaterThan(b[0]);
    expect(s.centroid[0]).toBeLessThan(b[2]);
    expect(s.inside.length * s.sampleAreaM2).toBeCloseTo(1e6, -4);
  });
});
