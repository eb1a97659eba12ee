import { describe, expect, it } from 'vitest';
import {
  bboxOf,
  insidePolygon,
  labelPoint,
  pickProperties,
  type AreaGeometry
} from '../../../src/lib/map/geometry';

const square = (x: number, y: number, s: number) => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y]
];
// A U shape: its centroid (2, ~1.9) falls in the notch, outside the polygon.
const uShape: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [4, 0],
      [4, 4],
      [3, 4],
      [3, 1],
      [1, 1],
      [1, 4],
      [0, 4],
      [0, 0]
    ]
  ]
};

describe('bboxOf', () => {
  it('spans every polygon', () => {
    expect(
      bboxOf([
        { type: 'Polygon', coordinates: [square(0, 0, 1)] },
        { type: 'MultiPolygon', coordinates: [[square(5, -2, 1)]] }
      ])
    ).toEqual([0, -2, 6, 1]);
  });
  it('is null with no geometry', () => {
    expect(bboxOf([])).toBeNull();
  });
});

describe('labelPoint', () => {
  it('puts the label inside a concave polygon, away from its edges', () => {
    const p = labelPoint(uShape);
    expect(p).not.toBeNull();
    const [x, y] = p!;
    expect(insidePolygon(x, y, uShape.coordinates)).toBe(true);
    expect(insidePolygon(2, 1.9, uShape.coordinates)).toBe(false);
  });
  it('uses the largest part of a multipolygon', () => {
    const g: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [[square(100, 100, 0.1)], [square(0, 0, 10)]]
    };
    const [x, y] = labelPoint(g)!;
    expect(x).toBeCloseTo(5, 0);
    expect(y).toBeCloseTo(5, 0);
  });
  it('avoids holes', () => {
    const withHole: AreaGeometry = {
      type: 'Polygon',
      coordinates: [square(0, 0, 10), square(3, 3, 4)]
    };
    const [x, y] = labelPoint(withHole)!;
    expect(insidePolygon(x, y, withHole.coordinates)).toBe(true);
  });
});

describe('pickProperties', () => {
  it('keeps the geometry and only the chosen properties, without touching the input', () => {
    const input = {
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          geometry: { type: 'Point', coordinates: [5, 45] },
          properties: { id: '0001', name: 'Arrêt A', mode: 'tram', lines: ['A'] }
        },
        {
          type: 'Feature' as const,
          geometry: { type: 'Point', coordinates: [6, 46] },
          properties: { id: '0002', name: 'Arrêt B', mode: 'bus', lines: ['12', '13'] }
        }
      ]
    };
    const out = pickProperties(input, ['mode', 'id']);
    expect(out.features.map((f) => f.properties)).toEqual([
      { mode: 'tram', id: '0001' },
      { mode: 'bus', id: '0002' }
    ]);
    expect(out.features[1]?.geometry).toBe(input.features[1]?.geometry);
    expect(input.features[0]?.properties.name).toBe('Arrêt A');
  });
});
