/**
 * Naive reference for the coverage indicators (kept in the tests, used by the bench):
 * buffer every stop (64-step circle, −0.16 % area vs the true disc), union them, intersect with
 * the territory, compare areas (geodesic, Turf). Population share: the same per population cell,
 * weighted by the cell's population pro rata of area.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { radiusOf, type StopPoint } from '../../../src/lib/indicators/coverage';
import type { AreaGeometry, PopulationCell } from '../../../src/lib/indicators/sampling';
import type { CoverageParams } from '../../../src/lib/schemas/indicators';

type Area = Feature<Polygon | MultiPolygon>;

function unionAll(polys: Area[]): Area | null {
  if (polys.length === 0) return null;
  if (polys.length === 1) return polys[0] as Area;
  return turf.union(turf.featureCollection(polys)) as Area | null;
}

function intersectArea(a: Area, b: Area | null): number {
  if (!b) return 0;
  const i = turf.intersect(turf.featureCollection([a, b]));
  return i ? turf.area(i) : 0;
}

export interface NaiveCoverage {
  areaSharePct: number;
  populationSharePct: number | null;
}

export function naiveCoverage(
  territory: AreaGeometry,
  stops: readonly StopPoint[],
  params: CoverageParams,
  cells: readonly PopulationCell[] = []
): NaiveCoverage {
  const t = turf.feature(territory) as Area;
  const [minX, minY, maxX, maxY] = turf.bbox(t);
  // Only stops whose disc can reach the territory (a generous 0.01° margin ≈ 800 m).
  const near = stops.filter(
    (s) => s.lon > minX - 0.01 && s.lon < maxX + 0.01 && s.lat > minY - 0.01 && s.lat < maxY + 0.01
  );
  const discs = near.map(
    (s) =>
      turf.circle([s.lon, s.lat], radiusOf(s.mode, params), { steps: 64, units: 'meters' }) as Area
  );
  const covered = unionAll(discs);
  const area = turf.area(t);
  const areaSharePct = (100 * intersectArea(t, covered)) / area;

  let pop = 0;
  let popCovered = 0;
  for (const c of cells) {
    if (c.population <= 0) continue;
    const cellFeature = turf.feature(c.geometry) as Area;
    const inT = turf.intersect(turf.featureCollection([cellFeature, t])) as Area | null;
    if (!inT) continue;
    const density = c.population / turf.area(cellFeature);
    pop += density * turf.area(inT);
    popCovered += density * intersectArea(inT, covered);
  }
  return { areaSharePct, populationSharePct: pop > 0 ? (100 * popCovered) / pop : null };
}
