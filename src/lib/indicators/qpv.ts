/**
 * QPV indicators of a commune: the QPV it holds, the share of its area inside a QPV, and the QPV
 * population when the source gives one.
 *
 * Area share: QPV perimeters are rasterised on the commune's samples (see `sampling.ts`); share =
 * samples inside a QPV / samples of the commune, in %. Population: a QPV lying in one commune counts
 * fully; a QPV spanning several communes is apportioned by the share of its area in the commune
 * (then the value is an estimate bounded by 0 and its full population). When one of the
 * commune's QPV has no population, the total is no-data rather than a partial sum.
 */
import type { QpvFeature } from '$lib/schemas/outputs';
import { bboxOf, fillGeometry, type BBox, type TerritorySamples } from './sampling';

export interface CommuneQpv {
  codes: string[];
  names: string[];
  generations: string[];
  /** Share of the commune's area inside any QPV, %. */
  areaSharePct: number;
  /** QPV population of the commune; null when unknown. */
  population: { value: number; low: number; high: number; estimate: boolean } | null;
  /** Source refs of the populations used. */
  populationRefs: { source: string; vintage: string }[];
}

const overlaps = (a: BBox, b: BBox) => !(a[0] > b[2] || a[2] < b[0] || a[1] > b[3] || a[3] < b[1]);

/**
 * `gridPopulation[k]`, when given, stands for the population of `qpvs[k]` that has none in its
 * properties (2024 perimeters: estimated from the 1 km grid, so the total is an estimate).
 */
export function communeQpv(
  code: string,
  samples: TerritorySamples,
  qpvs: readonly QpvFeature[],
  qpvBboxes?: readonly BBox[],
  gridPopulation?: readonly ({ value: number; low: number; high: number } | null)[]
): CommuneQpv {
  const held = qpvs.filter((q) => q.properties.communes.includes(code));
  const mask = new Uint8Array(samples.grid.nx * samples.grid.ny);
  // Any perimeter crossing the commune counts for the area share, held or not (robust to a
  // commune list that misses a sliver).
  const perQpvSamples = new Map<string, number>();
  qpvs.forEach((q, k) => {
    const b = qpvBboxes?.[k] ?? bboxOf(q.geometry);
    if (!overlaps(b, samples.bbox)) return;
    if (held.includes(q) && q.properties.communes.length > 1) {
      // Count this QPV's own samples in the commune, for the population apportionment.
      const own = new Uint8Array(mask.length);
      fillGeometry(own, q.geometry, samples.projection, samples.grid);
      let n = 0;
      for (const idx of samples.inside) n += own[idx] as number;
      perQpvSamples.set(q.properties.code, n);
    }
    fillGeometry(mask, q.geometry, samples.projection, samples.grid);
  });
  let inQpv = 0;
  for (const idx of samples.inside) inQpv += mask[idx] as number;
  const areaSharePct = samples.inside.length > 0 ? (100 * inQpv) / samples.inside.length : 0;

  let population: CommuneQpv['population'] = null;
  const refs: CommuneQpv['populationRefs'] = [];
  const popOf = (q: QpvFeature) => {
    if (q.properties.population !== null) {
      const v = q.properties.population;
      return { value: v, low: v, high: v, estimate: false };
    }
    const g = gridPopulation?.[qpvs.indexOf(q)];
    return g ? { ...g, estimate: true } : null;
  };
  const pops = held.map(popOf);
  if (held.length > 0 && pops.every((p) => p !== null)) {
    let value = 0;
    let low = 0;
    let high = 0;
    let isEstimate = false;
    held.forEach((q, i) => {
      const pop = pops[i] as NonNullable<ReturnType<typeof popOf>>;
      if (pop.estimate) isEstimate = true;
      if (q.properties.communes.length === 1) {
        value += pop.value;
        low += pop.low;
        high += pop.high;
      } else {
        isEstimate = true;
        const areaM2 = (perQpvSamples.get(q.properties.code) ?? 0) * samples.sampleAreaM2;
        const share = Math.min(1, areaM2 / (q.properties.areaHa * 10_000));
        value += pop.value * share;
        high += pop.high;
      }
      const ref = q.properties.populationRef;
      if (ref && !refs.some((r) => r.source === ref.source && r.vintage === ref.vintage))
        refs.push(ref);
    });
    population = { value, low, high, estimate: isEstimate };
  } else if (held.length === 0) {
    population = { value: 0, low: 0, high: 0, estimate: false };
  }

  return {
    codes: held.map((q) => q.properties.code),
    names: held.map((q) => q.properties.nom),
    generations: [...new Set(held.map((q) => q.properties.generation))],
    areaSharePct,
    population,
    populationRefs: refs
  };
}
