import { describe, expect, it } from 'vitest';
import { computeIndicators, prepareTerritories } from '../../../src/lib/indicators/compute';
import { indicatorsFileSchema } from '../../../src/lib/schemas/indicators';
import { loadIndicatorsOptions, readJson } from '../../../scripts/lib/indicators-step';
import { sruRulesSchema } from '../../../src/lib/schemas/parameters';
import {
  SOURCE_VINTAGES,
  cell,
  commune,
  grid,
  inseeRecord,
  qpv,
  sruRecord,
  stop
} from '../../fixtures/indicators/synthetic';

const communes = {
  type: 'FeatureCollection' as const,
  features: [commune('00001', 0, 0, 2000, 20000), commune('00002', 2000, 0, 2000, 500)]
};
const input = {
  epci: '000000001',
  communes,
  qpv: {
    type: 'FeatureCollection' as const,
    features: [
      qpv('QP000001', ['00001'], 200, 200, 400, 3000),
      qpv('QP000002', ['00001', '00002'], 1800, 1000, 400, 1000)
    ]
  },
  transitStops: {
    type: 'FeatureCollection' as const,
    features: [stop('t1', 'tram', 1000, 1000, '00001'), stop('b1', 'bus', 400, 400, '00001')]
  },
  grid: grid([cell('g1', 0, 0, 5000, 2000), cell('g2', 2000, 0, 400, 2000)]),
  sru: {
    ref: { source: 'sru-inventaire', vintage: 'fictif 2024' },
    epci: '000000001',
    records: [sruRecord('00001'), sruRecord('99999')]
  },
  insee: {
    housingRef: { source: 'insee-comparateur', vintage: 'RP fictif' },
    incomeRef: { source: 'insee-comparateur', vintage: 'Filosofi fictif' },
    records: [inseeRecord('00001'), inseeRecord('00002', { tauxPauvretePct: 'secret' })]
  },
  sourceVintages: SOURCE_VINTAGES
};

describe('computeIndicators on a synthetic EPCI', () => {
  // A 10 m step (2 km squares, 40 000 samples) tiles the synthetic squares exactly, so expected
  // shares are exact; the default step is measured against the naive method elsewhere.
  const defaults = loadIndicatorsOptions();
  const options = { ...defaults, sampling: { ...defaults.sampling, targetSamples: 40_000 } };
  const { file, diagnostics } = computeIndicators(input, options);

  it('writes a file valid against the contract, with every indicator for every territory', () => {
    expect(indicatorsFileSchema.safeParse(file).success).toBe(true);
    expect(file.communes.map((c) => c.code)).toEqual(['00001', '00002']);
    expect(file.qpv.map((q) => q.code)).toEqual(['QP000001', 'QP000002']);
    expect(file.params).toEqual(options.coverage);
  });

  it('reports join diagnostics', () => {
    expect(diagnostics.sru).toEqual({ unmatched: ['00002'], unused: ['99999'] });
    expect(diagnostics.insee).toEqual({ unmatched: [], unused: [] });
    expect(diagnostics.qpvUnused).toEqual([]);
  });

  it('keeps statuses honest: not applicable, secret, no data, estimates with ranges', () => {
    const [a, b] = file.communes;
    expect(a!.sruStatus).toBe('deficitaire');
    expect(a!.values.sru_rp_estimees).toMatchObject({ estimate: true, status: 'ok' });
    expect(a!.values.sru_rp_estimees.low!).toBeLessThan(a!.values.sru_rp_estimees.value!);
    expect(b!.sruStatus).toBe('non_soumise');
    expect(b!.values.sru_taux_lls.status).toBe('not_applicable');
    expect(b!.values.taux_pauvrete.status).toBe('secret');
    expect(b!.values.tc_couverture_surface).toMatchObject({ status: 'ok', value: 0 });
    expect(b!.values.tc_arrets_pour_1000).toMatchObject({ status: 'ok', value: 0 });
    expect(b!.profile.evidence.map((e) => e.tag)).toContain('sans_tc');
  });

  it('computes QPV shares and apportions the population of a QPV spanning two communes', () => {
    const [a, b] = file.communes;
    expect(a!.qpvCodes).toEqual(['QP000001', 'QP000002']);
    // 16 ha + half of 16 ha in a 400 ha commune.
    expect(a!.values.qpv_part_surface.value!).toBeCloseTo(6, 2);
    const pop = a!.values.qpv_population;
    expect(pop.estimate).toBe(true);
    expect(pop.value!).toBeCloseTo(3500, 0);
    expect(pop.low).toBe(3000);
    expect(pop.high).toBe(4000);
    expect(b!.values.qpv_population.value!).toBeCloseTo(500, 0);
    const q = file.qpv[0]!;
    expect(q.values.tc_couverture_surface.value).toBe(100);
    expect(q.values.sru_taux_lls.status).toBe('not_applicable');
    expect(q.profile.kind).toBe('qpv');
    expect(q.profile.evidence.map((e) => e.tag)).toContain('qpv');
  });

  it('recomputes from prepared samples when the radii change', () => {
    const prepared = prepareTerritories(input, options.sampling);
    const wide = computeIndicators(
      input,
      { ...options, coverage: { ...options.coverage, radiusBusM: 600 } },
      prepared
    );
    const before = file.communes[0]!.values.tc_couverture_surface.value!;
    expect(wide.file.communes[0]!.values.tc_couverture_surface.value!).toBeGreaterThan(before);
    expect(wide.file.params.radiusBusM).toBe(600);
  });

  it('fails clearly when a source vintage is missing', () => {
    expect(() => computeIndicators({ ...input, sourceVintages: {} }, options)).toThrow(
      /mreso-gtfs/
    );
  });
});

describe('parameter files', () => {
  it('names the file and the field on bad input', () => {
    expect(() => readJson('data/parameters/coverage.json', sruRulesSchema)).toThrow(
      /data\/parameters\/coverage\.json, champ « source » : /
    );
    expect(() => readJson('data/parameters/nope.json', sruRulesSchema)).toThrow(
      /nope\.json : fichier illisible \(ENOENT\)/
    );
  });
});
