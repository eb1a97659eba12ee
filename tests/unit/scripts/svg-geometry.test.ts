/**
 * The SVG geometry step on synthetic communes in the real output formats, and on the generated
 * files of the mirror when `npm run data` has run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSvgGeometry } from '../../../scripts/lib/svg-geometry';
import { parsePathPoints, round } from '../../../src/lib/map/svg/paths';
import { conicProjection } from '../../../src/lib/map/svg/project';
import type {
  CommunesCollection,
  EpciCollection,
  QpvCollection
} from '../../../src/lib/schemas/outputs';
import { svgOverviewSchema, svgTransitSchema } from '../../../src/lib/schemas/svg-map';

type Ring = [number, number][];
// Two communes sharing a jagged border (tiny zigzags that the simplification must drop in both).
const border: Ring = Array.from({ length: 41 }, (_, i) => [
  5.7 + (i % 2 === 0 ? 0 : 0.00001),
  45.1 + (i * 0.1) / 40
]);
const west: Ring = [[5.6, 45.1], ...border, [5.6, 45.2], [5.6, 45.1]];
// Wound clockwise, against RFC 7946: the step must rewind it before merging the outline.
const east: Ring = [...border, [5.8, 45.2], [5.8, 45.1], border[0]!];

function commune(code: string, nom: string, ring: Ring) {
  return {
    type: 'Feature' as const,
    properties: {
      code,
      nom,
      population: 1000,
      populationVintage: 'test',
      areaKm2: 10,
      labelAt: [5.7, 45.15] as [number, number]
    },
    geometry: { type: 'Polygon' as const, coordinates: [ring] }
  };
}
const communes: CommunesCollection = {
  type: 'FeatureCollection',
  features: [commune('38001', 'Ouest', west), commune('38002', 'Est', east)]
};
const epci: EpciCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {
        code: '200000001',
        nom: 'Test',
        population: 2000,
        populationVintage: 'test',
        communes: 2
      },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [5.6, 45.1],
            [5.8, 45.1],
            [5.8, 45.2],
            [5.6, 45.2],
            [5.6, 45.1]
          ]
        ]
      }
    }
  ]
};
const qpv: QpvCollection = { type: 'FeatureCollection', features: [] };
const empty = { type: 'FeatureCollection' as const, features: [] };

/** Vertices of a path as "x,y" strings. */
// Absolute vertices « x,y » of path data (written relative: read back first).
const vertices = (d: string) =>
  new Set(parsePathPoints(d).flatMap((ring) => ring.map((p) => `${round(p[0])},${round(p[1])}`)));

describe('buildSvgGeometry (synthetic)', () => {
  const { overview, transit } = buildSvgGeometry({
    communes,
    epci,
    qpv,
    transitLines: empty,
    transitStops: empty,
    sources: [{ source: 'communes-ign', vintage: 'test' }],
    minArea: 2
  });

  it('writes files that satisfy their contracts', () => {
    expect(svgOverviewSchema.safeParse(overview).success).toBe(true);
    expect(svgTransitSchema.safeParse(transit).success).toBe(true);
    expect(overview.communes.map((c) => c.code)).toEqual(['38001', '38002']);
  });

  it('keeps the shared border shared: the vertices of one side are those of the other', () => {
    const [a, b] = overview.communes.map((c) => vertices(c.path));
    const shared = [...a!].filter((v) => b!.has(v));
    // The zigzag (0.00002° ≈ 0.4 unit wide) is gone, but both ends and the same kept
    // vertices remain on both sides: no sliver, no gap.
    expect(shared.length).toBeGreaterThanOrEqual(2);
    expect(shared.length).toBeLessThan(border.length);
    const onBorderA = [...a!].filter((v) => Math.abs(Number(v.split(',')[0]) - 500) < 2);
    const onBorderB = [...b!].filter((v) => Math.abs(Number(v.split(',')[0]) - 500) < 2);
    expect(new Set(onBorderA)).toEqual(new Set(onBorderB));
  });

  it('anchors labels inside their commune, and the outline spans both', () => {
    const [w, e] = overview.communes;
    expect(w!.anchor[0]).toBeLessThan(500);
    expect(e!.anchor[0]).toBeGreaterThan(500);
    for (const c of overview.communes) {
      expect(c.anchor[0]).toBeGreaterThan(c.bbox[0]);
      expect(c.anchor[0]).toBeLessThan(c.bbox[2]);
      expect(c.anchorRadius).toBeGreaterThan(10);
    }
    expect(overview.epci.bbox[0]).toBeCloseTo(12, 0);
    expect(overview.epci.bbox[2]).toBeCloseTo(988, 0);
    // One outer ring: the union of the two communes, no seam along their border.
    expect(overview.epci.path.match(/M/g)).toHaveLength(1);
  });

  it('stores a projection and scale that measure ground distances (0.2° at 45.15° ≈ 15.7 km)', () => {
    const p = conicProjection(overview.projection);
    const a = p([5.6, 45.15])!;
    const b = p([5.8, 45.15])!;
    const km = (Math.hypot(b[0] - a[0], b[1] - a[1]) * overview.metresPerUnit) / 1000;
    expect(km).toBeGreaterThan(15.65);
    expect(km).toBeLessThan(15.75);
    // Like Lambert-93, north is not exactly up 2.7° east of the central meridian.
    expect(b[1]).toBeLessThan(a[1]);
  });
});

const GENERATED = resolve(import.meta.dirname, '../../../static/geo/svg-overview.json');
describe.skipIf(!existsSync(GENERATED))('generated svg-overview.json (mirror)', () => {
  const o = svgOverviewSchema.parse(JSON.parse(readFileSync(GENERATED, 'utf8')));
  it('draws the 49 communes of Grenoble-Alpes Métropole inside the viewBox', () => {
    expect(o.communes).toHaveLength(49);
    for (const c of o.communes) {
      expect(c.bbox[0]).toBeGreaterThanOrEqual(0);
      expect(c.bbox[2]).toBeLessThanOrEqual(o.width);
      expect(c.bbox[3]).toBeLessThanOrEqual(o.height);
    }
    expect(o.communes.find((c) => c.code === '38185')?.nom).toBe('Grenoble');
  });
  it('stays small enough for the first view (< 60 kB raw)', () => {
    expect(readFileSync(GENERATED).length).toBeLessThan(60_000);
  });
});
