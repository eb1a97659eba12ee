/**
 * Bench of the indicators (Node, medians of several runs):
 * - all indicators of the Métropole's 49 communes and their QPV: cold (sampling + values) and
 *   warm (radii changed, samples reused, as in the browser);
 * - the same for all communes of Isère present in the mirror (same stops, grid, SRU, INSEE);
 * - coverage of the 49 communes: production (sampling) vs naive (turf buffer/union/intersect),
 *   speed and largest difference in area share.
 * Reads the mirror in place (`../shared/sources`); reports why when it is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as turf from '@turf/turf';
import { buildOutputs, DEFAULT_EPCI, REPO_ROOT } from '../lib/build';
import { loadIndicatorsOptions, loadSourceVintages } from '../lib/indicators-step';
import {
  computeIndicators,
  prepareTerritories,
  type IndicatorsInput
} from '../../src/lib/indicators/compute';
import { computeCoverage } from '../../src/lib/indicators/coverage';
import { labelPoint } from '../../src/lib/map/geometry';
import type { CommunesCollection } from '../../src/lib/schemas/outputs';
import { naiveCoverage } from '../../tests/unit/indicators/naive-coverage';

const SOURCES_DIR = resolve(REPO_ROOT, '../shared/sources');
const ISERE_CONTOURS = 'geo/communes-38-isere-adminexpress-cog2018.geojson';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function time(runs: number, fn: () => void): number[] {
  fn(); // warm-up (JIT), not counted
  const out: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
const line = (label: string, runs: number[], target?: string) =>
  `${label.padEnd(58)} médiane ${fmt(median(runs)).padStart(10)}  (min ${fmt(Math.min(...runs))}, ${runs.length} runs)${target ? `  cible ${target}` : ''}`;

/** Isère communes of the mirror as a communes collection (population unknown: 0). */
function isereCommunes(): CommunesCollection {
  const raw = JSON.parse(readFileSync(resolve(SOURCES_DIR, ISERE_CONTOURS), 'utf-8')) as {
    features: {
      properties: { code: string; nom: string };
      geometry: CommunesCollection['features'][number]['geometry'];
    }[];
  };
  return {
    type: 'FeatureCollection',
    features: raw.features.map((f) => ({
      type: 'Feature',
      properties: {
        code: f.properties.code,
        nom: f.properties.nom,
        population: 0,
        populationVintage: 'inconnue (bench)',
        areaKm2: turf.area(turf.feature(f.geometry)) / 1e6,
        labelAt: labelPoint(f.geometry) ?? [0, 0]
      },
      geometry: f.geometry
    }))
  };
}

export async function benchIndicators(): Promise<string> {
  if (!existsSync(SOURCES_DIR)) return `mirror ${SOURCES_DIR} absent: indicators bench skipped`;
  const { outputs } = await buildOutputs({
    sourcesDir: SOURCES_DIR,
    epci: DEFAULT_EPCI,
    cacheDir: null
  });
  const input: IndicatorsInput = {
    epci: DEFAULT_EPCI,
    communes: outputs.communes,
    qpv: outputs.qpv,
    transitStops: outputs.transitStops,
    grid: outputs.populationGrid,
    sru: outputs.sru,
    insee: outputs.insee,
    sourceVintages: loadSourceVintages()
  };
  const options = loadIndicatorsOptions();
  const report: string[] = [];
  const nC = input.communes.features.length;
  const nQ = input.qpv.features.length;
  report.push(
    `Métropole : ${nC} communes, ${nQ} QPV, ${input.transitStops.features.length} arrêts, ${input.grid.features.length} carreaux`
  );

  const cold = time(7, () => computeIndicators(input, options));
  report.push(line('Tous les indicateurs, Métropole (échantillonnage compris)', cold, '≤ 50 ms'));
  const prepared = prepareTerritories(input, options.sampling);
  let radius = 300;
  const warm = time(7, () => {
    radius = radius === 300 ? 350 : 300;
    computeIndicators(
      input,
      { ...options, coverage: { ...options.coverage, radiusBusM: radius } },
      prepared
    );
  });
  report.push(line('  recalcul après changement des rayons (échantillons réutilisés)', warm));
  const samples = prepared.communes.reduce((s, t) => s + t.inside.length, 0);
  report.push(
    `  échantillons : ${samples} pour les communes (pas entre ${options.sampling.minStepM} et ${options.sampling.maxStepM} m)`
  );

  const isere: IndicatorsInput = { ...input, communes: isereCommunes() };
  const isereRuns = time(5, () => computeIndicators(isere, options));
  report.push(
    line(
      `Tous les indicateurs, Isère (${isere.communes.features.length} communes du miroir)`,
      isereRuns,
      '≤ 1 s'
    )
  );

  // Production vs naive coverage (area share) on the 49 communes.
  const prod = time(5, () => {
    for (const t of prepared.communes) computeCoverage(t, prepared.stops, options.coverage);
  });
  const prodCold = time(5, () => {
    const p = prepareTerritories(
      { ...input, qpv: { type: 'FeatureCollection', features: [] } },
      options.sampling
    );
    for (const t of p.communes) computeCoverage(t, p.stops, options.coverage);
  });
  // The naive method takes seconds per large commune: by default every 5th commune, 3 runs;
  // BENCH_NAIVE_ALL=1 compares all of them (one run, ≈ 1.5 min).
  const all = process.env.BENCH_NAIVE_ALL === '1';
  const picked = input.communes.features
    .map((f, k) => ({ f, k }))
    .filter(({ k }) => all || k % 5 === 0);
  let maxDiff = 0;
  let sumDiff = 0;
  let worst = '';
  const naiveRuns: number[] = [];
  for (let run = 0; run < (all ? 1 : 3); run++) {
    const t0 = performance.now();
    for (const { f, k } of picked) {
      const ref = naiveCoverage(f.geometry, prepared.stops, options.coverage);
      if (run > 0) continue;
      const fast = computeCoverage(prepared.communes[k]!, prepared.stops, options.coverage);
      const d = Math.abs(fast.areaSharePct - ref.areaSharePct);
      sumDiff += d;
      if (d > maxDiff) {
        maxDiff = d;
        worst = f.properties.nom;
      }
    }
    naiveRuns.push(performance.now() - t0);
  }
  const subset = picked.map(({ k }) => prepared.communes[k]!);
  const prodSubset = time(5, () => {
    for (const t of subset) computeCoverage(t, prepared.stops, options.coverage);
  });
  report.push(line('Couverture TC des 49 communes, production (échantillons prêts)', prod));
  report.push(line('Couverture TC des 49 communes, production (avec échantillonnage)', prodCold));
  report.push(
    line(`Couverture TC de ${picked.length} communes, production (échantillons prêts)`, prodSubset)
  );
  report.push(
    line(
      `Couverture TC de ${picked.length} communes, naïve (turf buffer/union/intersect)`,
      naiveRuns
    )
  );
  report.push(
    `  accélération sur ces ${picked.length} communes : ×${(median(naiveRuns) / median(prodSubset)).toFixed(0)} (échantillons prêts) ; ` +
      `naïve 49 communes estimée ≈ ×${((median(naiveRuns) * (49 / picked.length)) / median(prodCold)).toFixed(0)} la production avec échantillonnage ; cible ≥ ×10`
  );
  report.push(
    `  écart de part de surface couverte : max ${maxDiff.toFixed(3)} point (${worst}), moyen ${(sumDiff / picked.length).toFixed(3)} ; cible ≤ 0,5`
  );
  return report.join('\n');
}

// Allow `tsx scripts/bench/indicators.ts` on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchIndicators());
}
