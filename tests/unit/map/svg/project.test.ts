/** The overview projection: fit, scale and inverse, checked against Turf's geodesic distances. */
import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
  conicProjection,
  fitProjection,
  metresPerUnit,
  nameAnchorsLngLat,
  viewBoxToMercatorBounds
} from '../../../../src/lib/map/svg/project';

// A synthetic 0.3° × 0.4° quadrilateral around Grenoble (lon, lat).
const RING = [
  [5.55, 44.95],
  [5.85, 44.95],
  [5.85, 45.35],
  [5.55, 45.35]
];

describe('fitProjection', () => {
  const { params, height } = fitProjection(RING, 1000, 12);
  const p = conicProjection(params);

  it('fills the width with the margin and keeps the shape (taller than wide here)', () => {
    const xs = RING.map((pt) => p([pt[0]!, pt[1]!])![0]);
    const ys = RING.map((pt) => p([pt[0]!, pt[1]!])![1]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(12 - 1e-6);
    expect(Math.max(...xs)).toBeLessThanOrEqual(988 + 1e-6);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(12 - 1e-6);
    expect(Math.max(...ys)).toBeLessThanOrEqual(height - 12 + 1e-6);
    // 0.4° of latitude ≈ 44.5 km, 0.3° of longitude at 45° ≈ 23.6 km.
    expect(height / 1000).toBeGreaterThan(1.7);
    expect(height / 1000).toBeLessThan(2);
  });

  it('puts north up (y grows southwards) and uses Lambert-93 parameters', () => {
    expect(p([5.7, 45.3])![1]).toBeLessThan(p([5.7, 45.0])![1]);
    expect(params.parallels).toEqual([44, 49]);
    expect(params.rotate).toEqual([-3, 0]);
  });

  it('metresPerUnit matches the geodesic distance between two projected points (±0.5 %)', () => {
    const m = metresPerUnit(p, [500, height / 2]);
    const a = p([5.6, 45.15])!;
    const b = p([5.8, 45.15])!;
    const units = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const metres = distance([5.6, 45.15], [5.8, 45.15], { units: 'meters' });
    expect(Math.abs(units * m - metres) / metres).toBeLessThan(0.005);
  });
});

describe('nameAnchorsLngLat', () => {
  const { params } = fitProjection(RING, 1000, 12);
  const p = conicProjection(params);
  const mpu = metresPerUnit(p, [500, 900]);
  const at = (lngLat: [number, number]) => p(lngLat) as [number, number];
  const commune = (code: string, lngLat: [number, number], anchorRadius: number) => ({
    code,
    nom: code,
    path: 'M0,0Z',
    anchor: at(lngLat),
    anchorRadius,
    bbox: [0, 0, 1, 1] as [number, number, number, number]
  });
  const anchors = nameAnchorsLngLat({
    projection: { type: 'conicConformal', ...params },
    metresPerUnit: mpu,
    communes: [commune('38185', [5.72, 45.18], 20), commune('38421', [5.6, 45.0], 0)]
  });

  it('gives back each anchor’s longitude and latitude (the inverse projection)', () => {
    const g = anchors.get('38185');
    expect(g?.lngLat[0]).toBeCloseTo(5.72, 6);
    expect(g?.lngLat[1]).toBeCloseTo(45.18, 6);
    expect([...anchors.keys()]).toEqual(['38185', '38421']);
  });
  it('turns the inscribed radius into metres at the overview’s scale', () => {
    expect(anchors.get('38185')?.radiusM).toBeCloseTo(20 * mpu, 6);
    expect(anchors.get('38421')?.radiusM).toBe(0);
  });
});

describe('viewBoxToMercatorBounds', () => {
  const { params, height } = fitProjection(RING, 1000, 12);
  const p = conicProjection(params);
  // Web Mercator x and y of a longitude / latitude, in world widths.
  const mx = (lon: number) => (lon + 180) / 360;
  const my = (lat: number) =>
    (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
  it.each([
    [
      'the whole viewBox in a box of its shape',
      [0, 0, 1000, height],
      { width: 500, height: height / 2 }
    ],
    [
      'a zoomed part in a wider box (the height limits)',
      [200, 300, 400, 300],
      { width: 800, height: 400 }
    ]
  ] as const)('%s: same centre, same scale, the box’s shape', (_n, vb, size) => {
    const [[w, s], [e, n]] = viewBoxToMercatorBounds(p, vb, size);
    // The box keeps the pixel size's shape in Mercator (MapLibre fits it without margin).
    expect((mx(e) - mx(w)) / (my(s) - my(n))).toBeCloseTo(size.width / size.height, 6);
    // Centred on the viewBox's centre.
    const centre = p.invert!([vb[0] + vb[2] / 2, vb[1] + vb[3] / 2])!;
    expect((w + e) / 2).toBeCloseTo(centre[0], 6);
    expect(my((s + n) / 2)).toBeCloseTo(my(centre[1]), 3);
    // Same ground scale at the centre: the metres across the box's width match the SVG's.
    const k = Math.min(size.width / vb[2], size.height / vb[3]);
    const svgMetres = (size.width / k) * metresPerUnit(p, [vb[0] + vb[2] / 2, vb[1] + vb[3] / 2]);
    const mercMetres = distance([w, centre[1]], [e, centre[1]], { units: 'meters' });
    expect(Math.abs(mercMetres - svgMetres) / svgMetres).toBeLessThan(0.005);
  });
});
