import { describe, expect, it } from 'vitest';
import { computeHousing, ratioPct } from '../../../src/lib/indicators/housing';
import { deriveTags, type TagInputs } from '../../../src/lib/indicators/tags';
import type { TagThresholds } from '../../../src/lib/schemas/parameters';
import { inseeRecord } from '../../fixtures/indicators/synthetic';

const n = (s: string) => s.replace(/\u202f/g, ' ');
const T: TagThresholds = {
  version: 1,
  sruDeficitFullStrengthPoints: 10,
  sruConformeFullStrengthPoints: 10,
  qpvFullStrengthAreaSharePct: 10,
  transitStrongMinPopulationSharePct: 80,
  transitWeakMaxPopulationSharePct: 50,
  povertyHighMinPct: 20,
  povertyFullStrengthPct: 30,
  vacancyHighMinPct: 9,
  vacancyFullStrengthPct: 15,
  notes: ''
};
const ref = { source: 'sru-inventaire', vintage: 'fictif' };
const params = { radiusTramM: 500, radiusChronoM: 400, radiusBusM: 300 };

describe('housing context', () => {
  it.each([
    [40, 500, { status: 'ok', value: 8 }],
    ['secret', 500, { status: 'secret', value: null }],
    [40, 'secret', { status: 'secret', value: null }],
    [null, 500, { status: 'no_data', value: null }],
    [40, 0, { status: 'no_data', value: null }]
  ] as const)('ratio %s / %s', (num, den, expected) => {
    expect(ratioPct(num, den)).toMatchObject(expected);
  });
  it('keeps statistical secrecy as such, and no-data for a missing commune', () => {
    const h = computeHousing(
      inseeRecord('00001', { tauxPauvretePct: 'secret', revenuMedianEur: null })
    );
    expect(h.povertyPct.status).toBe('secret');
    expect(h.medianIncomeEur.status).toBe('no_data');
    expect(h.vacancyPct).toMatchObject({ status: 'ok', value: 8 });
    expect(h.ownersPct).toMatchObject({ status: 'ok', value: 50 });
    expect(computeHousing(undefined).vacancyPct.status).toBe('no_data');
  });
});

describe('territory tags', () => {
  const sru = (
    status: 'deficitaire' | 'conforme' | 'carencee' | 'exemptee' | 'non_soumise',
    ratePct: number
  ) =>
    ({
      kind: 'commune',
      sru: { value: { status, ratePct, targetPct: 20, period: '2023-2025' }, ...ref }
    }) as TagInputs;

  it('cites the figure in French in the déficitaire reason, strength grows with the gap', () => {
    const tags = deriveTags(sru('deficitaire', 14.3), T);
    const d = tags.find((t) => t.tag === 'sru_deficitaire');
    expect(n(d!.reason)).toBe('est déficitaire SRU (14,3 % de LLS pour un objectif de 20 %)');
    expect(d!.strength).toBeCloseTo(0.57, 6);
    expect(tags.map((t) => t.tag)).toEqual(['sru_soumise', 'sru_deficitaire']);
    const worse = deriveTags(sru('deficitaire', 6.7), T).find((t) => t.tag === 'sru_deficitaire');
    expect(worse!.strength).toBeGreaterThan(d!.strength);
    expect(d!.source).toBe('sru-inventaire');
  });
  it.each([
    ['carencee', 13.8, ['sru_soumise', 'sru_carencee', 'sru_deficitaire']],
    ['conforme', 25.1, ['sru_soumise', 'sru_conforme']],
    ['exemptee', 10, ['sru_soumise', 'sru_exemptee']],
    ['non_soumise', 0, ['non_soumise_sru']]
  ] as const)('%s → %j', (status, rate, expected) => {
    expect(deriveTags(sru(status, rate), T).map((t) => t.tag)).toEqual(expected);
  });

  it('tags transit coverage strong, weak, and no stop', () => {
    const transit = (
      populationSharePct: number | null,
      areaSharePct: number,
      stopsInside: number
    ) =>
      deriveTags(
        {
          kind: 'commune',
          transit: {
            value: { populationSharePct, areaSharePct, stopsInside, params },
            source: 'mreso-gtfs',
            vintage: 'x'
          }
        },
        T
      );
    const strong = transit(92.5, 40, 30);
    expect(strong.map((t) => t.tag)).toEqual(['desserte_tc_forte']);
    expect(n(strong[0]!.reason)).toBe(
      "a 92,5 % de sa population à moins de 500 m d'un tram, 400 m d'un Chrono ou 300 m d'un bus"
    );
    const weak = transit(20, 5, 2);
    expect(weak.map((t) => t.tag)).toEqual(['desserte_tc_faible']);
    expect(weak[0]!.strength).toBeCloseTo(0.6, 6);
    const none = transit(0, 0, 0);
    expect(none.map((t) => t.tag)).toEqual(['desserte_tc_faible', 'sans_tc']);
    expect(none.every((t) => t.strength === 1)).toBe(true);
    // No gridded population: falls back to the area share, and says so.
    expect(n(transit(null, 10, 1)[0]!.reason)).toMatch(/^n'a que 10,0 % de sa surface/);
    expect(transit(60, 60, 5)).toEqual([]);
  });

  it('tags QPV, poverty and vacancy with thresholds from data', () => {
    const tags = deriveTags(
      {
        kind: 'commune',
        qpv: {
          value: { count: 2, areaSharePct: 4, generation: '2015' },
          source: 'qpv-2015',
          vintage: '2015'
        },
        povertyPct: { value: 25, source: 'insee-comparateur', vintage: 'Filosofi' },
        vacancyPct: { value: 8.9, source: 'insee-comparateur', vintage: 'RP' }
      },
      T
    );
    expect(tags.map((t) => t.tag)).toEqual(['qpv', 'pauvrete_elevee']);
    expect(n(tags[0]!.reason)).toBe(
      'compte 2 quartiers prioritaires (périmètre 2015), 4,0 % de sa surface'
    );
    expect(tags[0]!.strength).toBeCloseTo(0.4, 6);
    expect(n(tags[1]!.reason)).toBe('a un taux de pauvreté de 25,0 % (seuil retenu : 20 %)');
    expect(tags[1]!.strength).toBeCloseTo(0.5, 6);
    const none = deriveTags(
      {
        kind: 'commune',
        qpv: { value: { count: 0, areaSharePct: 0 }, source: 'qpv-2015', vintage: '2015' }
      },
      T
    );
    expect(none.map((t) => t.tag)).toEqual(['sans_qpv']);
  });
});
