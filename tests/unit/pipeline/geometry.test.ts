import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import {
  areaKm2,
  checkGeometry,
  countKinks,
  dropSliverHoles,
  roundGeometry,
  unionAll
} from '../../../scripts/lib/geometry';

const square = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0]
    ]
  ]
});

describe('roundGeometry', () => {
  it('rounds to 5 decimals and drops vertices merged by rounding', () => {
    const g: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [1.000001, 2.000001],
          [1.000002, 2.000002],
          [1.1, 2],
          [1.1, 2.1],
          [1, 2.1],
          [1.000001, 2.000001]
        ]
      ]
    };
    expect(roundGeometry(g)).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [1, 2],
          [1.1, 2],
          [1.1, 2.1],
          [1, 2.1],
          [1, 2]
        ]
      ]
    });
  });

  it('returns null when a polygon collapses below the precision', () => {
    expect(roundGeometry(square(1, 1, 1.000001, 1.000001))).toBeNull();
  });

  it('keeps the surviving parts of a multipolygon', () => {
    const g = roundGeometry({
      type: 'MultiPolygon',
      coordinates: [square(0, 0, 1, 1).coordinates, square(5, 5, 5.000001, 5.000001).coordinates]
    });
    expect(g?.type).toBe('Polygon');
  });
});

describe('checkGeometry', () => {
  it('accepts a valid polygon unchanged', () => {
    const g = square(0, 0, 1, 1);
    expect(checkGeometry(g, 'x')).toEqual({ geometry: g, repaired: null });
  });

  it('repairs a self-intersecting « bow tie » by splitting it, and says so', () => {
    const bowTie: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 1],
          [1, 0],
          [0, 1],
          [0, 0]
        ]
      ]
    };
    expect(countKinks(bowTie)).toBeGreaterThan(0);
    const checked = checkGeometry(bowTie, 'commune 99999');
    expect(checked.repaired).toMatch(/^découpé à ses \d+ auto-intersection/);
    expect(checked.geometry.type).toBe('MultiPolygon');
    expect(countKinks(checked.geometry)).toBe(0);
  });
});

describe('unionAll and dropSliverHoles', () => {
  it('merges adjacent squares into one polygon of the summed area', () => {
    const u = unionAll([square(0, 0, 0.1, 0.1), square(0.1, 0, 0.2, 0.1)]);
    expect(u?.type).toBe('Polygon');
    expect(areaKm2(u as Polygon)).toBeCloseTo(
      areaKm2(square(0, 0, 0.1, 0.1)) + areaKm2(square(0.1, 0, 0.2, 0.1)),
      3
    );
  });

  it('drops holes smaller than the threshold, keeps larger ones', () => {
    const outer = square(0, 0, 1, 1).coordinates[0] ?? [];
    const tiny = square(0.5, 0.5, 0.5001, 0.5001).coordinates[0] ?? [];
    const big = square(0.1, 0.1, 0.3, 0.3).coordinates[0] ?? [];
    const g: Polygon = { type: 'Polygon', coordinates: [outer, tiny, big] };
    expect(dropSliverHoles(g, 0.01).coordinates).toEqual([outer, big]);
  });
});
