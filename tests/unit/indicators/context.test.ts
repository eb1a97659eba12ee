import { describe, expect, it } from 'vitest';
import {
  aggregateOf,
  figureContext,
  frenchOrdinal,
  rankAmong,
  type Peer
} from '../../../src/lib/indicators/context';
import type { IndicatorValue } from '../../../src/lib/schemas/indicators';
import { ok } from '../../fixtures/indicators/values';

const est = (value: number, low: number, high: number): IndicatorValue => ({
  value,
  status: 'ok',
  estimate: true,
  low,
  high
});
const status = (s: 'secret' | 'no_data' | 'not_applicable'): IndicatorValue => ({
  value: null,
  status: s,
  estimate: false,
  low: null,
  high: null
});

/** Peers with one value of `taux_pauvrete` each (number, or a missing status). */
const peersOf = (...xs: (number | IndicatorValue)[]): Peer[] =>
  xs.map((x, i) => ({
    code: `c${i}`,
    values: { taux_pauvrete: typeof x === 'number' ? ok(x) : x }
  }));

describe('frenchOrdinal', () => {
  it.each([
    [1, 'f', '1re'],
    [1, 'm', '1er'],
    [2, 'f', '2e'],
    [5, 'm', '5e'],
    [22, 'f', '22e']
  ] as const)('%s (%s) = %s', (n, g, expected) => {
    expect(frenchOrdinal(n, g)).toBe(expected);
  });

  it.each([0, -1, 1.5])('refuses %s', (n) => {
    expect(() => frenchOrdinal(n, 'f')).toThrow(/rang invalide/);
  });
});

describe('rankAmong', () => {
  it.each([
    // [values, code, decimals, rank, tied, tiedWith, ranked, excluded]
    ['highest first', peersOf(10, 30, 20), 'c1', 1, 1, false, 0, 3, 0],
    ['lowest last', peersOf(10, 30, 20), 'c0', 1, 3, false, 0, 3, 0],
    ['competition ranks on ties', peersOf(30, 20, 20, 10), 'c3', 1, 4, false, 0, 4, 0],
    ['tie shares the rank', peersOf(30, 20, 20, 10), 'c2', 1, 2, true, 1, 4, 0],
    // 20,04 and 19,96 both read « 20,0 % »: one rank.
    ['ties after rounding', peersOf(20.04, 19.96, 5), 'c1', 1, 1, true, 1, 3, 0],
    ['no tie at finer decimals', peersOf(20.04, 19.96, 5), 'c1', 2, 2, false, 0, 3, 0],
    [
      'missing values are excluded and counted',
      peersOf(10, status('secret'), 30, status('no_data')),
      'c0',
      1,
      2,
      false,
      0,
      2,
      2
    ],
    [
      'not applicable is neither ranked nor excluded',
      peersOf(10, status('not_applicable'), 30),
      'c0',
      1,
      2,
      false,
      0,
      2,
      0
    ],
    [
      'a territory without a number is unranked',
      peersOf(10, status('secret')),
      'c1',
      1,
      null,
      false,
      0,
      1,
      1
    ],
    ['an unknown code is unranked', peersOf(10, 20), 'zz', 1, null, false, 0, 2, 0]
  ] as const)('%s', (_, peers, code, decimals, rank, tied, tiedWith, ranked, excluded) => {
    expect(rankAmong(code, 'taux_pauvrete', peers, decimals)).toEqual({
      rank,
      tied,
      tiedWith,
      ranked,
      excluded
    });
  });
});

describe('aggregateOf', () => {
  it('sums counts and carries the estimates’ range', () => {
    const peers: Peer[] = [
      { code: 'a', values: { sru_rp_estimees: est(1000, 990, 1010) } },
      { code: 'b', values: { sru_rp_estimees: ok(500) } },
      { code: 'c', values: { sru_rp_estimees: status('not_applicable') } }
    ];
    expect(aggregateOf('sru_rp_estimees', peers)).toEqual({
      kind: 'sum',
      value: 1500,
      estimate: true,
      low: 1490,
      high: 1510,
      count: 2
    });
  });

  it('an exact sum is no estimate', () => {
    const peers: Peer[] = [
      { code: 'a', values: { population: ok(100) } },
      { code: 'b', values: { population: ok(50) } }
    ];
    expect(aggregateOf('population', peers)).toMatchObject({
      value: 150,
      estimate: false,
      low: null,
      high: null
    });
  });

  it('takes the SRU rate as Σ LLS / Σ estimated RP, an estimate with its range', () => {
    const peers: Peer[] = [
      {
        code: 'a',
        values: { sru_taux_lls: ok(20), sru_lls: ok(200), sru_rp_estimees: est(1000, 800, 1250) }
      },
      {
        code: 'b',
        values: { sru_taux_lls: ok(10), sru_lls: ok(100), sru_rp_estimees: est(1000, 1000, 1000) }
      },
      // Not subject: left out although it has LLS.
      {
        code: 'c',
        values: { sru_taux_lls: status('not_applicable'), sru_lls: ok(999), sru_rp_estimees: ok(1) }
      }
    ];
    const a = aggregateOf('sru_taux_lls', peers);
    expect(a?.kind).toBe('ratio');
    expect(a?.value).toBeCloseTo(15, 10); // 300 / 2000, not the mean of the rates by chance only
    expect(a?.estimate).toBe(true);
    expect(a?.low).toBeCloseTo((100 * 300) / 2250, 10);
    expect(a?.high).toBeCloseTo((100 * 300) / 1800, 10);
    expect(a?.count).toBe(2);
  });

  it('weights a coverage rate by population, not by commune', () => {
    const peers: Peer[] = [
      { code: 'a', values: { tc_couverture_population: ok(100), population: ok(9000) } },
      { code: 'b', values: { tc_couverture_population: ok(0), population: ok(1000) } }
    ];
    expect(aggregateOf('tc_couverture_population', peers)).toMatchObject({
      kind: 'weighted',
      value: 90,
      estimate: false
    });
  });

  it.each([
    ['odd count', peersOf(3, 1, 2), 2],
    ['even count', peersOf(4, 1, 2, 3), 2.5],
    ['missing values left out', peersOf(4, status('secret'), 2), 3]
  ])('median of a rate without weight: %s', (_, peers, expected) => {
    expect(aggregateOf('taux_pauvrete', peers)).toMatchObject({
      kind: 'median',
      value: expected,
      estimate: false
    });
  });

  it('is null when no peer has a number', () => {
    expect(aggregateOf('taux_pauvrete', peersOf(status('secret')))).toBeNull();
    expect(aggregateOf('population', [])).toBeNull();
  });
});

describe('figureContext', () => {
  it('ranks and aggregates among the peers the indicator applies to', () => {
    const peers: Peer[] = [
      { code: 'a', values: { sru_lls: ok(300) } },
      { code: 'b', values: { sru_lls: status('not_applicable') } },
      { code: 'c', values: { sru_lls: ok(100) } }
    ];
    const ctx = figureContext('c', 'sru_lls', peers, 0);
    expect(ctx.rank).toMatchObject({ rank: 2, ranked: 2, excluded: 0 });
    expect(ctx.aggregate?.value).toBe(400);
    expect(ctx.applicable).toBe(2);
    expect(ctx.total).toBe(3);
  });
});
