import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  buildIndicatorsCsv,
  CSV_BOM,
  formatCsvNumber,
  indicatorsCsvColumns
} from '../../../src/lib/export/indicators-csv';
import {
  indicatorIdSchema,
  indicatorsFileSchema,
  type CommuneIndicators,
  type IndicatorDefinition,
  type IndicatorId,
  type IndicatorsFile,
  type IndicatorValue
} from '../../../src/lib/schemas/indicators';
import { ok } from '../../fixtures/indicators/values';
import { REQUIRED_CSV_COLUMNS } from '../../fixtures/indicators/required-csv-columns';

const est = (value: number, low: number, high: number): IndicatorValue => ({
  value,
  status: 'ok',
  estimate: true,
  low,
  high
});
const none = (status: 'no_data' | 'not_applicable' | 'secret'): IndicatorValue => ({
  value: null,
  status,
  estimate: false,
  low: null,
  high: null
});

const DECIMALS: Partial<Record<IndicatorId, number>> = {
  sru_taux_lls: 1,
  sru_taux_cible: 0,
  sru_ecart_cible_points: 1,
  qpv_part_surface: 1,
  tc_couverture_population: 1,
  tc_arrets_pour_1000: 2
};

/** Synthetic definitions: every indicator, made-up labels, decimals as the UI would use. */
const definitions: IndicatorDefinition[] = indicatorIdSchema.options.map((id) => ({
  id,
  label: id,
  unit: '',
  decimals: DECIMALS[id] ?? 0,
  method: 'méthode de test',
  sources: ['source-test'],
  vintage: '2000',
  higherIsBetter: null
}));

function commune(
  code: string,
  nom: string,
  overrides: Partial<Record<IndicatorId, IndicatorValue>>,
  extra: Partial<CommuneIndicators> = {}
): CommuneIndicators {
  const values = Object.fromEntries(
    indicatorIdSchema.options.map((id) => [id, overrides[id] ?? none('no_data')])
  ) as Record<IndicatorId, IndicatorValue>;
  return {
    code,
    nom,
    sruStatus: 'non_soumise',
    qpvCodes: [],
    values,
    profile: { code, nom, kind: 'commune', evidence: [] },
    ...extra
  };
}

// Made-up communes: a déficitaire one with a QPV, a small one not subject to SRU with a secret figure.
const deficitaire = commune(
  '99002',
  'Ville-Test',
  {
    population: ok(12345),
    sru_taux_lls: ok(14.25),
    sru_taux_cible: ok(20),
    sru_ecart_cible_points: ok(5.75),
    qpv_population: ok(1500),
    sru_lls: ok(800),
    sru_rp_estimees: est(5614, 5594, 5634),
    sru_lls_manquants: est(323, 319, 327),
    qpv_nombre: ok(1),
    qpv_part_surface: ok(3.04),
    tc_couverture_population: ok(87.66),
    tc_arrets_pour_1000: ok(1.234),
    sru_prelevement: ok(-12.4)
  },
  { sruStatus: 'deficitaire', qpvCodes: ['QP099001', 'QP099002'] }
);
const village = commune(
  '99001',
  'Le Hameau',
  {
    population: ok(420),
    sru_taux_lls: none('not_applicable'),
    qpv_nombre: ok(0),
    tc_couverture_population: ok(0),
    revenu_median: none('secret')
  },
  { sruStatus: 'non_soumise' }
);

const file: IndicatorsFile = indicatorsFileSchema.parse({
  epci: '999999999',
  params: { radiusTramM: 500, radiusChronoM: 400, radiusBusM: 300 },
  definitions,
  communes: [deficitaire, village],
  qpv: []
});

function parse(csv: string): Record<string, string>[] {
  const result = Papa.parse<Record<string, string>>(csv.slice(1), {
    header: true,
    delimiter: ';',
    dynamicTyping: false,
    skipEmptyLines: true
  });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('buildIndicatorsCsv', () => {
  const csv = buildIndicatorsCsv(file);
  const rows = parse(csv);
  const names = indicatorsCsvColumns(file.definitions, file.communes).map((c) => c.name);

  it('starts with a UTF-8 byte-order mark and uses ; with CRLF line ends', () => {
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(CSV_BOM + names.join(';'));
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('has the columns the issue requires', () => {
    for (const required of REQUIRED_CSV_COLUMNS) {
      expect(names).toContain(required);
    }
    expect(new Set(names).size).toBe(names.length);
  });

  it('writes one row per commune, sorted by INSEE code, codes kept as text', () => {
    expect(rows.map((r) => r.code_insee)).toEqual(['99001', '99002']);
  });

  it.each([
    ['99002', 'population', '12345'],
    ['99002', 'taux_lls', '14,3'],
    ['99002', 'taux_cible', '20'],
    ['99002', 'lls', '800'],
    ['99002', 'lls_manquants_estimes', '323'],
    ['99002', 'lls_manquants_estimes_min', '319'],
    ['99002', 'lls_manquants_estimes_max', '327'],
    ['99002', 'qpv_part_surface_pct', '3,0'],
    ['99002', 'couverture_tc_pct', '87,7'],
    ['99002', 'arrets_pour_1000_hab', '1,23'],
    ['99002', 'prelevement_eur', '-12'],
    ['99002', 'statut_sru', 'déficitaire'],
    ['99002', 'qpv_codes', 'QP099001 QP099002'],
    ['99002', 'vacance_pct', ''],
    ['99001', 'taux_lls', ''],
    ['99001', 'lls_manquants_estimes_min', ''],
    ['99001', 'statut_sru', 'non soumise'],
    ['99001', 'qpv_nombre', '0'],
    ['99001', 'couverture_tc_pct', '0,0'],
    ['99001', 'revenu_median_eur', ''],
    ['99001', 'revenu_median_eur_statut', 'secret statistique'],
    ['99002', 'revenu_median_eur_statut', 'pas de donnée'],
    ['99001', 'taux_lls', ''],
    ['99002', 'ecart_cible_points', '5,8'],
    ['99002', 'qpv_population', '1500'],
    ['99001', 'surface_ha', '']
  ])('commune %s, column %s = %j', (code, column, expected) => {
    const row = rows.find((r) => r.code_insee === code);
    expect(row?.[column]).toBe(expected);
  });

  it('has one column per indicator of the file, so none offered on the map is missing', () => {
    const columns = indicatorsCsvColumns(file.definitions, file.communes);
    for (const id of indicatorIdSchema.options) {
      expect(columns.some((c) => c.indicator === id && c.source.kind === 'value')).toBe(true);
    }
  });

  it('follows an estimate with its bounds and a secret-prone indicator with its status', () => {
    const i = names.indexOf('revenu_median_eur');
    expect(names[i + 1]).toBe('revenu_median_eur_statut');
    const j = names.indexOf('lls_manquants_estimes');
    expect(names.slice(j, j + 3)).toEqual([
      'lls_manquants_estimes',
      'lls_manquants_estimes_min',
      'lls_manquants_estimes_max'
    ]);
    // SRU figures are never secret: no status column to clutter the sheet.
    expect(names).not.toContain('taux_lls_statut');
  });

  it('gives a fixed column its bounds when the file holds the figure as an estimate', () => {
    const withEstimate = commune('99005', 'Estimée', { qpv_population: est(1500, 900, 2100) });
    const cols = indicatorsCsvColumns(definitions, [withEstimate]).map((c) => c.name);
    const i = cols.indexOf('qpv_population');
    expect(cols.slice(i, i + 3)).toEqual([
      'qpv_population',
      'qpv_population_min',
      'qpv_population_max'
    ]);
    const out = parse(buildIndicatorsCsv({ ...file, communes: [withEstimate] }));
    expect(out[0]?.qpv_population_min).toBe('900');
  });

  it('gives an INSEE indicator its status column even in a vintage with no secret cell', () => {
    const insee = definitions.map((d) =>
      d.id === 'taux_pauvrete' ? { ...d, sources: ['insee-comparateur'] } : d
    );
    const cols = indicatorsCsvColumns(insee, [deficitaire]).map((c) => c.name);
    expect(cols[cols.indexOf('taux_pauvrete_pct') + 1]).toBe('taux_pauvrete_pct_statut');
    // Without a secret value, revenu_median (test source) needs none.
    expect(cols).not.toContain('revenu_median_eur_statut');
  });

  it('keeps a name starting with = from running as a formula', () => {
    const evil = commune('99003', '=HYPERLINK("x")', {});
    const out = parse(buildIndicatorsCsv({ ...file, communes: [evil] }));
    expect(out[0]?.nom).toBe('\'=HYPERLINK("x")');
  });

  it('rejects a duplicate commune, naming it', () => {
    expect(() => buildIndicatorsCsv({ ...file, communes: [village, village] })).toThrow(
      'indicators.json : commune 99001 en double'
    );
  });

  it('rejects an ok value without a number, naming the commune and the indicator', () => {
    const broken = commune('99004', 'Cassée', {
      sru_lls: { value: null, status: 'ok', estimate: false, low: null, high: null }
    });
    expect(() => buildIndicatorsCsv({ ...file, communes: [broken] })).toThrow(
      /commune 99004, indicateur sru_lls : « value » est vide/
    );
  });
});

describe('formatCsvNumber', () => {
  it.each([
    [14.25, 1, '14,3'],
    [-0.01, 1, '0,0'],
    [1234567, 0, '1234567'],
    [0.5, 2, '0,50']
  ])('%s with %s decimals = %s', (x, d, expected) => {
    expect(formatCsvNumber(x, d)).toBe(expected);
  });
});

// Real data: the generated indicators file, when the pipeline has run.
const REAL = 'static/data/indicators.json';
describe.skipIf(!existsSync(REAL))('on the generated indicators.json', () => {
  it('has the 49 communes of the Métropole with their population', () => {
    const real = indicatorsFileSchema.parse(JSON.parse(readFileSync(REAL, 'utf8')));
    const out = parse(buildIndicatorsCsv(real));
    expect(out).toHaveLength(real.communes.length);
    expect(out.length).toBe(49);
    for (const row of out) {
      expect(row.code_insee).toMatch(/^38\d{3}$/);
      expect(row.population).toMatch(/^\d+$/);
    }
  });
});
