import { describe, expect, it } from 'vitest';
import { computeHousing, ratioPct } from '../../../src/lib/indicators/housing';
import {
  deriveTags,
  frenchDate,
  type GridSignals,
  type TagInputs
} from '../../../src/lib/indicators/tags';
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
  socialHousingMinLls: 200,
  socialHousingFullStrengthLls: 3000,
  incomeHighMinEur: 29000,
  incomeFullStrengthEur: 34000,
  collectiveHighMinPct: 50,
  collectiveFullStrengthPct: 90,
  ownerCollectiveHighMinPct: 20,
  ownerCollectiveFullStrengthPct: 35,
  ownerCollectiveMinHouseholds: 300,
  singleParentHighMinPct: 12.5,
  singleParentFullStrengthPct: 16,
  largeHouseholdsHighMinPct: 8,
  largeHouseholdsFullStrengthPct: 12,
  pocketMinPoorSharePct: 20,
  pocketMinHouseholds: 200,
  pocketMaxQpvCoverPct: 5,
  pocketMinPoorHouseholds: 50,
  pocketFullStrengthPoorHouseholds: 1000,
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
    ratePct: number,
    extra: { lls?: number | null; newlySubject?: boolean | null } = {}
  ) =>
    ({
      kind: 'commune',
      sru: {
        value: {
          status,
          ratePct,
          targetPct: 20,
          period: '2023-2025',
          inventoryDate: '2024-01-01',
          ...extra
        },
        ...ref
      }
    }) as TagInputs;

  it('cites the figure, the inventory date, and grows the déficitaire strength with the gap', () => {
    const tags = deriveTags(sru('deficitaire', 14.3), T);
    const d = tags.find((t) => t.tag === 'sru_deficitaire');
    expect(n(d!.reason)).toBe(
      'est déficitaire SRU avec 14,3 % de LLS pour un objectif de 20 % (inventaire SRU au 1er janvier 2024)'
    );
    expect(d!.strength).toBeCloseTo(0.57, 6);
    expect(tags.map((t) => t.tag)).toEqual(['sru_soumise', 'sru_deficitaire']);
    const worse = deriveTags(sru('deficitaire', 6.7), T).find((t) => t.tag === 'sru_deficitaire');
    expect(worse!.strength).toBeGreaterThan(d!.strength);
    expect(d!.source).toBe('sru-inventaire');
  });
  it.each([
    ['carencee', 13.8, {}, ['sru_soumise', 'sru_carencee', 'sru_deficitaire']],
    ['conforme', 25.1, {}, ['sru_soumise', 'sru_conforme']],
    ['exemptee', 10, {}, ['sru_soumise', 'sru_exemptee']],
    ['non_soumise', 0, {}, ['non_soumise_sru']],
    [
      'deficitaire',
      12,
      { newlySubject: true },
      ['sru_soumise', 'sru_nouvellement_soumise', 'sru_deficitaire']
    ],
    ['conforme', 30, { lls: 199 }, ['sru_soumise', 'sru_conforme']],
    ['conforme', 30, { lls: 200 }, ['sru_soumise', 'sru_conforme', 'parc_social']]
  ] as const)('%s %s %j → %j', (status, rate, extra, expected) => {
    expect(deriveTags(sru(status, rate, extra), T).map((t) => t.tag)).toEqual(expected);
  });
  it('says the LLS stock with its threshold', () => {
    const p = deriveTags(sru('conforme', 30, { lls: 1500 }), T).find(
      (t) => t.tag === 'parc_social'
    );
    expect(n(p!.reason)).toBe(
      'compte 1 500 LLS (inventaire SRU au 1er janvier 2024 ; seuil retenu : 200)'
    );
    expect(p!.strength).toBeCloseTo(0.5, 6);
  });

  const transit = (populationSharePct: number | null, areaSharePct: number, stopsInside: number) =>
    deriveTags(
      {
        kind: 'commune',
        transit: {
          value: { populationSharePct, areaSharePct, stopsInside, params },
          source: 'mreso-gtfs',
          vintage: 'GTFS 2025'
        }
      },
      T
    );
  const radii = "à moins de 500 m d'un tram, 400 m d'un Chrono ou 300 m d'un bus";
  it.each([
    [
      92.5,
      40,
      30,
      ['desserte_tc_forte'],
      `a 92,5 % de sa population ${radii} (réseau M réso, GTFS 2025 ; desserte forte à partir de 80 %)`
    ],
    [
      60,
      60,
      5,
      ['desserte_tc_moyenne'],
      `a 60,0 % de sa population ${radii} (réseau M réso, GTFS 2025 ; desserte moyenne entre 50 % et 80 %)`
    ],
    [
      20,
      5,
      2,
      ['desserte_tc_faible'],
      `a 20,0 % de sa population ${radii} (réseau M réso, GTFS 2025 ; desserte faible sous 50 %)`
    ],
    [
      0,
      0,
      0,
      ['desserte_tc_faible', 'sans_tc'],
      `n'a aucun habitant ${radii} (réseau M réso, GTFS 2025 ; desserte faible sous 50 %)`
    ],
    [
      0.04,
      0,
      0,
      ['desserte_tc_faible', 'sans_tc'],
      `n'a aucun habitant ${radii} (réseau M réso, GTFS 2025 ; desserte faible sous 50 %)`
    ],
    [
      null,
      10,
      1,
      ['desserte_tc_faible'],
      `a 10,0 % de sa surface ${radii} (réseau M réso, GTFS 2025 ; desserte faible sous 50 %)`
    ]
  ] as const)('transit %s %% pop, %s %% area, %s stops → %j', (pop, area, stops, tags, first) => {
    const got = transit(pop, area, stops);
    expect(got.map((t) => t.tag)).toEqual(tags);
    expect(n(got[0]!.reason)).toBe(first);
    expect(got.map((t) => t.reason).join(' ')).not.toMatch(/n'a que|transport en commun/);
  });
  it('names the M réso network when there is no stop, never « transport en commun »', () => {
    const none = transit(0, 0, 0);
    expect(none[1]!.reason).toBe("n'a aucun arrêt du réseau M réso sur son territoire");
    expect(none.every((t) => t.strength === 1)).toBe(true);
    expect(transit(20, 5, 2)[0]!.strength).toBeCloseTo(0.6, 6);
  });

  it('tags QPV with the perimeter generation, poverty, vacancy and income with thresholds', () => {
    const tags = deriveTags(
      {
        kind: 'commune',
        qpv: {
          value: { count: 2, areaSharePct: 4, generation: '2024' },
          source: 'qpv-2024-perimetres-extrait',
          vintage: '2024'
        },
        povertyPct: { value: 25, source: 'insee-comparateur', vintage: 'Filosofi 2021' },
        vacancyPct: { value: 9.5, source: 'insee-comparateur', vintage: 'RP 2022' },
        medianIncomeEur: { value: 31500, source: 'insee-comparateur', vintage: 'Filosofi 2021' }
      },
      T
    );
    expect(tags.map((t) => t.tag)).toEqual([
      'qpv',
      'pauvrete_elevee',
      'vacance_elevee',
      'revenus_eleves'
    ]);
    expect(tags.map((t) => n(t.reason))).toEqual([
      'compte 2 quartiers prioritaires sur 4,0 % de sa surface (périmètres 2024)',
      'a un taux de pauvreté de 25,0 % (INSEE, Filosofi 2021 ; seuil retenu : 20 %)',
      'a 9,5 % de logements vacants, tous parcs (INSEE, RP 2022 ; seuil retenu : 9 %)',
      'a un revenu médian de 31 500 € par unité de consommation (INSEE, Filosofi 2021 ; seuil retenu : 29 000 €)'
    ]);
    expect(tags[0]!.strength).toBeCloseTo(0.4, 6);
    expect(tags[1]!.strength).toBeCloseTo(0.5, 6);
    expect(tags[3]!.strength).toBeCloseTo(0.5, 6);
    const none = deriveTags(
      {
        kind: 'commune',
        qpv: {
          value: { count: 0, areaSharePct: 0, generation: '2015' },
          source: 'qpv-2015',
          vintage: '2015'
        },
        povertyPct: { value: null, source: 'insee-comparateur', vintage: 'Filosofi 2021' }
      },
      T
    );
    expect(none.map((t) => t.tag)).toEqual(['sans_qpv']);
    expect(n(none[0]!.reason)).toBe('ne compte aucun quartier prioritaire (périmètres 2015)');
  });

  const grid = (g: Partial<GridSignals>) =>
    deriveTags(
      {
        kind: 'commune',
        grid: {
          value: {
            households: 1000,
            collectivePct: 10,
            ownerCollective: 0,
            ownerCollectivePct: 0,
            singleParentPct: 5,
            largePct: 3,
            ...g
          },
          source: 'filosofi-carreaux-1km',
          vintage: 'Filosofi 2019'
        }
      },
      T
    );
  it.each([
    [{ collectivePct: 70 }, ['habitat_collectif']],
    [{ collectivePct: 49.9 }, []],
    [{ ownerCollective: 400, ownerCollectivePct: 40 }, ['coproprietes_probables']],
    // Enough share but too few households: a village with a few flats.
    [{ ownerCollective: 250, ownerCollectivePct: 40 }, []],
    [{ singleParentPct: 13 }, ['familles_monoparentales']],
    [{ largePct: 9 }, ['grands_menages']],
    [{ pockets: { cells: 2, poorHouseholds: 120 } }, ['poches_pauvrete_hors_qpv']],
    [{ pockets: { cells: 1, poorHouseholds: 49 } }, []],
    [{ households: 0, collectivePct: 90 }, []]
  ] as const)('grid %j → %j', (g, expected) => {
    expect(grid(g).map((t) => t.tag)).toEqual(expected);
  });
  it('says the copropriété signal is a proxy, with source and thresholds', () => {
    const [c] = grid({ ownerCollective: 1234, ownerCollectivePct: 27.5 });
    expect(n(c!.reason)).toBe(
      'compte environ 1 230 ménages propriétaires de leur appartement (27,5 % des ménages), indice approché de copropriétés (INSEE, carreaux Filosofi 2019 ; seuils retenus : 20 % et 300 ménages)'
    );
    expect(c!.strength).toBeCloseTo(0.5, 6);
    const [p] = grid({ pockets: { cells: 2, poorHouseholds: 123 } });
    expect(n(p!.reason)).toBe(
      'compte environ 120 ménages pauvres dans 2 carreaux de 1 km hors quartier prioritaire où ils sont au moins 20 % des ménages (INSEE, carreaux Filosofi 2019 ; périmètres QPV 2024)'
    );
  });
});

describe('frenchDate', () => {
  it.each([
    ['2024-01-01', '1er janvier 2024'],
    ['2025-03-15', '15 mars 2025'],
    ['n/a', 'n/a']
  ])('%s → %s', (iso, fr) => expect(frenchDate(iso)).toBe(fr));
});
