/**
 * Turf-style in/out fixtures for the planar geometry → SVG path writer: each
 * `tests/fixtures/svg/in/NAME.json` geometry gives `out/NAME.json` ({ path, bbox }).
 * `REGEN=1 npx vitest run tests/unit/map/svg` rewrites the outputs (review the diff!).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  geometryToPath,
  mapPositions,
  planarBBox,
  positionsOf,
  round
} from '../../../../src/lib/map/svg/paths';

const DIR = resolve(import.meta.dirname, '../../../fixtures/svg');
const names = readdirSync(resolve(DIR, 'in')).filter((f) => f.endsWith('.json'));

describe('geometryToPath (in/out fixtures)', () => {
  it('has fixtures', () => expect(names.length).toBeGreaterThanOrEqual(3));
  it.each(names)('%s', (name) => {
    const geometry = JSON.parse(readFileSync(resolve(DIR, 'in', name), 'utf8')) as Geometry;
    const got = { path: geometryToPath(geometry), bbox: planarBBox(positionsOf(geometry)) };
    const out = resolve(DIR, 'out', name);
    if (process.env.REGEN) writeFileSync(out, `${JSON.stringify(got, null, 2)}\n`);
    expect(got).toEqual(JSON.parse(readFileSync(out, 'utf8')));
  });
});

describe('geometryToPath', () => {
  it('closes each ring with Z and draws holes as subpaths', () => {
    const d = geometryToPath({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 0]
        ],
        [
          [2, 1],
          [3, 1],
          [3, 2],
          [2, 1]
        ]
      ]
    });
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/Z/g)).toHaveLength(2);
  });
  it('rounds to the requested number of decimals', () => {
    const line = {
      type: 'LineString' as const,
      coordinates: [
        [1.26, 2.04],
        [3.449, 4.551]
      ]
    };
    expect(geometryToPath(line, 1)).toBe('M1.3,2L3.4,4.6');
    expect(geometryToPath(line, 0)).toBe('M1,2L3,5');
  });
  it('returns "" for an empty geometry', () => {
    expect(geometryToPath({ type: 'MultiPolygon', coordinates: [] })).toBe('');
  });
});

describe('helpers', () => {
  it('planarBBox is null when empty', () => expect(planarBBox([])).toBeNull());
  it('mapPositions keeps the structure', () => {
    const g = mapPositions(
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [1, 0],
              [0, 1],
              [0, 0]
            ]
          ]
        ]
      },
      (p) => [p[0]! * 2, p[1]! + 1]
    );
    expect(g.coordinates).toEqual([
      [
        [
          [0, 1],
          [2, 1],
          [0, 2],
          [0, 1]
        ]
      ]
    ]);
  });
  it.each([
    [1.25, 1, 1.3],
    [-1.25, 1, -1.2],
    [3.14159, 2, 3.14]
  ])('round(%d, %d) = %d', (n, d, want) => expect(round(n, d)).toBe(want));
});
