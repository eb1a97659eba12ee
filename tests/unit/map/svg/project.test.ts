/** The overview projection: fit, scale and inverse, checked against Turf's geodesic distances. */
import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
  conicProjection,
  fitProjection,
  metresPerUnit,
  viewBoxToLngLatBounds
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

  it('viewBoxToLngLatBounds covers the fitted ring', () => {
    const [[w, s], [e, n]] = viewBoxToLngLatBounds(p, [0, 0, 1000, height]);
    expect(w).toBeLessThan(5.55);
    expect(e).toBeGreaterThan(5.85);
    expect(s).toBeLessThan(44.95);
    expect(n).toBeGreaterThan(45.35);
    // …and not much more (12 units of margin; the meridians converge, so the corners reach out).
    expect(e - w).toBeLessThan(0.3 * 1.2);
  });
});
