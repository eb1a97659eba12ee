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
  parsePathPoints,
  pointsToPath,
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
  it('closes each ring with z and draws holes as subpaths', () => {
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
    expect(d).toBe('M0,0l10,0,0,10zM2,1l1,0,0,1z');
  });
  it('rounds to the requested number of decimals', () => {
    const line = {
      type: 'LineString' as const,
      coordinates: [
        [1.26, 2.04],
        [3.449, 4.551]
      ]
    };
    expect(geometryToPath(line, 1)).toBe('M1.3,2l2.1,2.6');
    expect(geometryToPath(line, 0)).toBe('M1,2l2,3');
  });
  it('returns "" for an empty geometry', () => {
    expect(geometryToPath({ type: 'MultiPolygon', coordinates: [] })).toBe('');
  });
});

describe('pointsToPath (the compact writer)', () => {
  it.each([
    [
      'a separator between two plain numbers',
      [
        [
          [1, 2],
          [4, 6]
        ]
      ],
      'M1,2l3,4'
    ],
    [
      'none before a minus sign',
      [
        [
          [1, 2],
          [0, -1]
        ]
      ],
      'M1,2l-1-3'
    ],
    [
      'no leading zero',
      [
        [
          [0.5, 0.25],
          [1, 1]
        ]
      ],
      'M.5.3l.5.7'
    ],
    [
      'none before « .x » after a number with its point',
      [
        [
          [1.5, 2],
          [1.7, 2.5]
        ]
      ],
      'M1.5,2l.2.5'
    ],
    [
      'one before « .x » after a whole number',
      [
        [
          [1, 2],
          [1.5, 2]
        ]
      ],
      'M1,2l.5,0'
    ],
    [
      'no repeated point',
      [
        [
          [1, 1],
          [1.04, 1],
          [2, 1]
        ]
      ],
      'M1,1l1,0'
    ],
    [
      'a move per line',
      [
        [
          [0, 0],
          [1, 0]
        ],
        [
          [5, 5],
          [5, 6]
        ]
      ],
      'M0,0l1,0M5,5l0,1'
    ],
    ['nothing for nothing', [], '']
  ] as const)('%s', (_, lines, want) => {
    expect(pointsToPath(lines.map((l) => l.map((p) => [p[0], p[1]] as [number, number])))).toBe(
      want
    );
  });
  it('closes rings when asked', () => {
    expect(
      pointsToPath(
        [
          [
            [0, 0],
            [2, 0],
            [2, 2]
          ]
        ],
        1,
        true
      )
    ).toBe('M0,0l2,0,0,2z');
  });
  it('adds no rounding error along a ring: steps are between rounded points', () => {
    const pts: [number, number][] = Array.from({ length: 500 }, (_, i) => [i * 0.13, i * -0.07]);
    const back = parsePathPoints(pointsToPath([pts]))[0]!;
    expect(back).toHaveLength(pts.length);
    back.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(Math.round(pts[i]![0] * 10) / 10, 9);
      expect(p[1]).toBeCloseTo(Math.round(pts[i]![1] * 10) / 10, 9);
    });
  });
});

describe('parsePathPoints', () => {
  it.each([
    [
      'absolute M/L/Z',
      'M0,0L1,1ZM2,2L-3.5,4',
      [
        [
          [0, 0],
          [1, 1],
          [0, 0]
        ],
        [
          [2, 2],
          [-3.5, 4]
        ]
      ]
    ],
    [
      'compact relative',
      'M.5.5l1-1,.5.5z',
      [
        [
          [0.5, 0.5],
          [1.5, -0.5],
          [2, 0],
          [0.5, 0.5]
        ]
      ]
    ],
    [
      'pairs after M are lines',
      'M1,1 2,2 3,3',
      [
        [
          [1, 1],
          [2, 2],
          [3, 3]
        ]
      ]
    ],
    [
      'relative m after z starts from the ring',
      'M1,1l1,0zm2,0l1,0',
      [
        [
          [1, 1],
          [2, 1],
          [1, 1]
        ],
        [
          [3, 1],
          [4, 1]
        ]
      ]
    ],
    [
      'a line after z starts a new subpath',
      'M1,1l1,0zl0,1',
      [
        [
          [1, 1],
          [2, 1],
          [1, 1]
        ],
        [
          [1, 1],
          [1, 2]
        ]
      ]
    ],
    [
      'h and v (the stops)',
      'M45,5h0M1,1h2v3H0V0',
      [
        [
          [45, 5],
          [45, 5]
        ],
        [
          [1, 1],
          [3, 1],
          [3, 4],
          [0, 4],
          [0, 0]
        ]
      ]
    ],
    ['nothing', '', []]
  ] as const)('%s', (_, d, want) => {
    expect(parsePathPoints(d)).toEqual(want);
  });
  it.each([
    ['a curve', 'M0,0C1,1,2,2,3,3', /commande « C »/],
    ['an odd number', 'M0,0l1', /sans sa paire/],
    ['a number first', '1,2', /avant toute commande/],
    ['a stray character', 'M0,0l1;2', /caractère « ; »/]
  ])('refuses %s', (_, d, error) => {
    expect(() => parsePathPoints(d)).toThrow(error);
  });
  it('reads back what geometryToPath writes, for every fixture', () => {
    for (const name of names) {
      const geometry = JSON.parse(readFileSync(resolve(DIR, 'in', name), 'utf8')) as Geometry;
      const d = geometryToPath(geometry);
      expect(geometryToPath(geometry)).toBe(d);
      const again = pointsToPath(
        parsePathPoints(d).map((ring) => (d.includes('z') ? ring.slice(0, -1) : ring)),
        1,
        d.includes('z')
      );
      expect(again).toBe(d);
    }
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
