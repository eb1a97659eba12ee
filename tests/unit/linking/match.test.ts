import { describe, expect, it } from 'vitest';
import {
  compareMatches,
  joinFrench,
  matchItem,
  UNIVERSAL_EXPLANATION
} from '../../../src/lib/linking/match';
import { evidence, item, profile } from './helpers';

const deficit = evidence(
  'sru_deficitaire',
  0.57,
  'est déficitaire SRU (14,3 % de LLS pour un objectif de 20 %)'
);
const noStop = evidence('sans_tc', 1, "n'a aucun arrêt de transport en commun sur son territoire");
const poor = evidence('pauvrete_elevee', 0.2, 'a un taux de pauvreté de 22,0 %');
const commune = profile('99001', [deficit, noStop, poor]);

describe('matchItem', () => {
  it.each([
    ['one tag holding', ['sru_deficitaire'], 'any', 0.57, ['sru_deficitaire']],
    [
      'any: strongest tag holding',
      ['pauvrete_elevee', 'sans_tc'],
      'any',
      1,
      ['sans_tc', 'pauvrete_elevee']
    ],
    ['any: one of two holding', ['qpv', 'sru_deficitaire'], 'any', 0.57, ['sru_deficitaire']],
    [
      'all: weakest of the tags',
      ['sru_deficitaire', 'pauvrete_elevee'],
      'all',
      0.2,
      ['sru_deficitaire', 'pauvrete_elevee']
    ]
  ] as const)('%s', (_name, tags, condition, score, held) => {
    const m = matchItem(item('T1-AC-01', [...tags], { condition }), commune);
    expect(m?.score).toBeCloseTo(score);
    expect(m?.universal).toBe(false);
    expect(m?.evidence.map((e) => e.tag)).toEqual(held);
  });

  it.each([
    ['no tag holding', ['qpv'], 'any'],
    ['all: one tag missing', ['sru_deficitaire', 'qpv'], 'all']
  ] as const)('returns null for %s', (_name, tags, condition) => {
    expect(matchItem(item('T1-AC-02', [...tags], { condition }), commune)).toBeNull();
  });

  it('never matches a framing line', () => {
    expect(matchItem(item('T1-PB-Q1', []), commune)).toBeNull();
  });

  it('explains with the figure, for a commune and for a quartier', () => {
    const it1 = item('T1-AC-03', ['sru_deficitaire']);
    expect(matchItem(it1, commune)?.explanation).toBe(
      'Affiché car la commune est déficitaire SRU (14,3 % de logements locatifs sociaux (LLS) pour un objectif de 20 %).'
    );
    const quartier = profile(
      'QN099001',
      [evidence('qpv', 1, 'est un quartier prioritaire')],
      'qpv'
    );
    expect(matchItem(item('T4-PB-01', ['qpv']), quartier)?.explanation).toBe(
      'Affiché car le quartier est un quartier prioritaire.'
    );
  });

  it('joins several reasons in the stable clause order, and lists each source once', () => {
    const m = matchItem(
      item('T1-AC-04', ['pauvrete_elevee', 'sru_deficitaire', 'sans_tc']),
      commune
    );
    expect(m?.explanation).toBe(
      "Affiché car la commune est déficitaire SRU (14,3 % de logements locatifs sociaux (LLS) pour un objectif de 20 %), a un taux de pauvreté de 22,0 % et n'a aucun arrêt de transport en commun sur son territoire."
    );
    expect(m?.sources).toEqual([
      { source: 'source-sans_tc', vintage: '2099' },
      { source: 'source-sru_deficitaire', vintage: '2099' },
      { source: 'source-pauvrete_elevee', vintage: '2099' }
    ]);
  });

  it('matches a tous item everywhere, even a territory without any tag', () => {
    const m = matchItem(item('T3-ID-01', ['tous']), profile('99002', []));
    expect(m).toEqual({
      score: 0,
      universal: true,
      evidence: [],
      explanation: UNIVERSAL_EXPLANATION,
      sources: []
    });
  });

  it('ranks a broad membership tag (SRU subject, no QPV) below a real deficit', () => {
    const p = profile('99004', [
      evidence('sru_soumise', 1, 'est soumise à la loi SRU'),
      evidence('sru_deficitaire', 0.4),
      evidence('sans_qpv', 1)
    ]);
    expect(matchItem(item('T1-AC-05', ['sru_soumise']), p)?.score).toBe(0.25);
    expect(matchItem(item('T2-ID-01', ['sans_qpv', 'sru_deficitaire']), p)).toMatchObject({
      score: 0.4,
      evidence: [{ tag: 'sru_deficitaire' }, { tag: 'sans_qpv' }]
    });
  });

  it('uses the strongest evidence when a profile repeats a tag', () => {
    const p = profile('99003', [evidence('qpv', 0.1), evidence('qpv', 0.9)]);
    expect(matchItem(item('T4-PB-02', ['qpv']), p)?.score).toBe(0.9);
  });
});

describe('compareMatches and joinFrench', () => {
  const m = (score: number, universal = false, n = 1) => ({
    score,
    universal,
    evidence: Array.from({ length: n }, () => deficit),
    explanation: '',
    sources: []
  });

  it('puts targeted before tous, then higher score, then more tags', () => {
    expect(compareMatches(m(0.1), m(0, true))).toBeLessThan(0);
    expect(compareMatches(m(0.2), m(0.9))).toBeGreaterThan(0);
    expect(compareMatches(m(0.5, false, 2), m(0.5, false, 1))).toBeLessThan(0);
    expect(compareMatches(m(0.5), m(0.5))).toBe(0);
  });

  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a et b'],
    [['a', 'b', 'c'], 'a, b et c']
  ])('joinFrench(%j) = %s', (parts, expected) => {
    expect(joinFrench(parts)).toBe(expected);
  });
});
