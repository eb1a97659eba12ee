/**
 * Indicators on the real mirror (read in place from ../shared/sources); skipped when absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildOutputs,
  DEFAULT_EPCI,
  REPO_ROOT,
  type PipelineOutputs
} from '../../../scripts/lib/build';
import {
  buildIndicatorsFileWithDiagnostics,
  loadIndicatorsOptions
} from '../../../scripts/lib/indicators-step';
import { prepareTerritories } from '../../../src/lib/indicators/compute';
import { computeCoverage } from '../../../src/lib/indicators/coverage';
import type { IndicatorsFile } from '../../../src/lib/schemas/indicators';
import { naiveCoverage } from './naive-coverage';

const SOURCES = resolve(REPO_ROOT, '../shared/sources');
const SRU_CSV = resolve(SOURCES, 'indicators/sru/donnees-sru-data-gouv-2025-v2_national.csv');
const haveMirror = existsSync(SRU_CSV);

/** The inventory's own rows for the EPCI, parsed here independently of the pipeline. */
function inventoryRates(): Map<string, number> {
  const text = new TextDecoder('windows-1252').decode(readFileSync(SRU_CSV));
  const [header, ...rows] = text.split(/\r?\n/).filter((l) => l.length > 0);
  const cols = (header as string).split(';');
  const col = (name: string) => cols.indexOf(name);
  const out = new Map<string, number>();
  for (const row of rows) {
    const f = row.split(';');
    if (f[col('Code_SIREN_EPCI')] !== DEFAULT_EPCI) continue;
    if (f[col('Commune_sru_au_01_01_2025')] !== '1') continue;
    const rate = Number(
      (f[col('Taux_SRU_au_01_01_2024')] as string).replace('%', '').replace(',', '.')
    );
    out.set(f[col('Code_INSEE_commune')] as string, rate);
  }
  return out;
}

describe.skipIf(!haveMirror)('indicators on the real Métropole data', () => {
  let outputs: PipelineOutputs;
  let file: IndicatorsFile;
  beforeAll(async () => {
    ({ outputs } = await buildOutputs({ sourcesDir: SOURCES, epci: DEFAULT_EPCI, cacheDir: null }));
    file = buildIndicatorsFileWithDiagnostics({
      epci: DEFAULT_EPCI,
      communes: outputs.communes,
      qpv: outputs.qpv,
      transitStops: outputs.transitStops,
      grid: outputs.populationGrid,
      sru: outputs.sru,
      insee: outputs.insee
    }).file;
  }, 120_000);

  it('gives the inventory SRU rate for each of the 22 SRU communes', () => {
    const rates = inventoryRates();
    expect(rates.size).toBe(22);
    const subject = file.communes.filter((c) => c.sruStatus !== 'non_soumise');
    expect(subject.map((c) => c.code).sort()).toEqual([...rates.keys()].sort());
    for (const c of subject)
      expect(c.values.sru_taux_lls.value).toBeCloseTo(rates.get(c.code) as number, 9);
  });

  it('puts the estimated deficit of déficitaire communes inside its interval, and 0 above target', () => {
    const deficit = file.communes.filter(
      (c) => c.sruStatus === 'deficitaire' || c.sruStatus === 'carencee'
    );
    expect(deficit.length).toBeGreaterThan(0);
    for (const c of deficit) {
      const m = c.values.sru_lls_manquants;
      expect(m.estimate).toBe(true);
      expect(m.value!).toBeGreaterThan(0);
      expect(m.low!).toBeLessThanOrEqual(m.value!);
      expect(m.high!).toBeGreaterThanOrEqual(m.value!);
      expect(c.values.sru_objectif_triennal.status).toBe('ok');
    }
    const above = file.communes.filter(
      (c) =>
        (c.values.sru_taux_lls.value ?? 0) >= (c.values.sru_taux_cible.value ?? Infinity) + 0.05
    );
    expect(above.length).toBeGreaterThan(0);
    for (const c of above) {
      expect(c.values.sru_lls_manquants).toMatchObject({ value: 0, low: 0, high: 0 });
      expect(c.profile.evidence.map((e) => e.tag)).toContain('sru_conforme');
    }
  });

  it('gives 0 % coverage, not an error, to a commune without any stop', () => {
    const withStop = new Set(outputs.transitStops.features.map((s) => s.properties.commune));
    const without = file.communes.filter((c) => !withStop.has(c.code));
    expect(without.length).toBeGreaterThan(0);
    for (const c of without) {
      expect(c.values.tc_arrets_pour_1000).toMatchObject({ status: 'ok', value: 0 });
      expect(c.values.tc_couverture_surface.status).toBe('ok');
    }
    expect(file.communes.length).toBe(49);
  });

  // The naive reference takes seconds per large commune: the 4 smallest communes here (their
  // share is the most sensitive to the sampling step); the bench compares all 49.
  it('matches the naive coverage within 0.5 point on the smallest communes', () => {
    const params = file.params;
    const sampling = loadIndicatorsOptions().sampling;
    const some = [...outputs.communes.features]
      .sort((a, b) => a.properties.areaKm2 - b.properties.areaKm2)
      .slice(0, 4);
    const prepared = prepareTerritories(
      {
        ...outputs,
        grid: outputs.populationGrid,
        communes: { type: 'FeatureCollection', features: some }
      },
      sampling
    );
    some.forEach((f, k) => {
      const fast = computeCoverage(prepared.communes[k]!, prepared.stops, params);
      const ref = naiveCoverage(f.geometry, prepared.stops, params);
      expect(Math.abs(fast.areaSharePct - ref.areaSharePct), f.properties.nom).toBeLessThan(0.5);
    });
  }, 120_000);
});
