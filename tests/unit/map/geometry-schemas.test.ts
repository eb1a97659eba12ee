// Geometry schemas of src/lib/schemas/common.ts (fast coordinate walk), tested here with the map
// code that relies on them: same rules as GeoJSON tuples, errors naming the bad element.
import { describe, expect, it } from 'vitest';
import {
  areaGeometrySchema,
  lineGeometrySchema,
  pointSchema
} from '../../../src/lib/schemas/common';

const square = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 0]
];

function firstIssue(
  schema: typeof areaGeometrySchema | typeof lineGeometrySchema | typeof pointSchema,
  value: unknown
) {
  const r = schema.safeParse(value);
  if (r.success) return null;
  const issue = r.error.issues[0];
  return { path: issue?.path.join('.'), message: issue?.message };
}

describe('geometry schemas', () => {
  it.each([
    ['a polygon', areaGeometrySchema, { type: 'Polygon', coordinates: [square] }],
    [
      'a multipolygon',
      areaGeometrySchema,
      { type: 'MultiPolygon', coordinates: [[square], [square]] }
    ],
    [
      'a line',
      lineGeometrySchema,
      {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1]
        ]
      }
    ],
    ['an empty multiline', lineGeometrySchema, { type: 'MultiLineString', coordinates: [] }],
    ['a point', pointSchema, { type: 'Point', coordinates: [5.72, 45.18] }]
  ] as const)('accepts %s unchanged', (_, schema, value) => {
    expect(schema.parse(value)).toEqual(value);
  });

  it.each([
    [
      'a ring of 3 positions',
      areaGeometrySchema,
      { type: 'Polygon', coordinates: [square.slice(0, 3)] },
      'au moins 4 élément(s) attendu(s) en [0] (anneaux de polygone)'
    ],
    [
      'a polygon with no ring',
      areaGeometrySchema,
      { type: 'Polygon', coordinates: [] },
      'au moins 1 élément(s) attendu(s) (anneaux de polygone)'
    ],
    [
      'a string coordinate',
      areaGeometrySchema,
      {
        type: 'MultiPolygon',
        coordinates: [[square], [[...square.slice(0, 2), [1, '1'], [0, 0]]]]
      },
      'position invalide en [1][0][2] : [longitude, latitude] attendu'
    ],
    [
      'a 3D position',
      lineGeometrySchema,
      {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1, 200]
        ]
      },
      'position invalide en [1] : [longitude, latitude] attendu'
    ],
    [
      'a one-point line',
      lineGeometrySchema,
      {
        type: 'MultiLineString',
        coordinates: [
          [
            [0, 0],
            [1, 1]
          ],
          [[2, 2]]
        ]
      },
      'au moins 2 élément(s) attendu(s) en [1] (lignes)'
    ],
    [
      'a NaN point',
      pointSchema,
      { type: 'Point', coordinates: [Number.NaN, 45] },
      'position invalide : [longitude, latitude] attendu'
    ],
    [
      'coordinates that are not an array',
      lineGeometrySchema,
      { type: 'LineString', coordinates: { x: 1 } },
      'tableau attendu (ligne)'
    ]
  ] as const)('rejects %s, naming the element', (_, schema, value, message) => {
    expect(firstIssue(schema, value)).toEqual({ path: 'coordinates', message });
  });

  it('names the geometry type field of an unknown type', () => {
    expect(firstIssue(areaGeometrySchema, { type: 'Polygone', coordinates: [square] })?.path).toBe(
      'type'
    );
  });
});
