import { describe, expect, it } from 'vitest';
import {
  ALL_COMMUNES,
  ALL_QPV,
  communeGroup,
  contextText,
  contextTexts
} from '../../../../src/lib/components/sheet/context-text';
import type { FigureContext, Peer } from '../../../../src/lib/indicators/context';
import type { IndicatorValue } from '../../../../src/lib/schemas/indicators';
import { ok } from '../../../fixtures/indicators/values';

const n = (s: string | null | undefined) => (s == null ? s : s.replace(/[\u202f\u00a0]/g, ' '));
const pct = { unit: '%', decimals: 1 };
const na: IndicatorValue = {
  value: null,
  status: 'not_applicable',
  estimate: false,
  low: null,
  high: null
};

const ctx = (over: Partial<FigureContext['rank']>, aggregate: FigureContext['aggregate']) =>
  ({
    rank: { rank: 5, tied: false, tiedWith: 0, ranked: 22, excluded: 0, ...over },
    aggregate,
    applicable: 22,
    total: 49
  }) satisfies FigureContext;

describe('contextText', () => {
  const sru = communeGroup('sru_taux_lls', ctx({}, null));
  const ratio = {
    kind: 'ratio' as const,
    value: 21.43,
    estimate: true,
    low: 21.21,
    high: 21.62,
    count: 22
  };

  it.each([
    [
      'rank and estimated aggregate of the SRU communes',
      ctx({}, ratio),
      sru,
      '5e sur 22 communes SRU ; ensemble des communes SRU : 21,4 % (estimation, entre 21,2 % et 21,6 %)'
    ],
    [
      'first, feminine',
      ctx({ rank: 1 }, { ...ratio, estimate: false, low: null, high: null }),
      ALL_COMMUNES,
      '1re sur 22 communes ; Métropole : 21,4 %'
    ],
    ['first QPV, masculine', ctx({ rank: 1, ranked: 10 }, null), ALL_QPV, '1er sur 10 QPV'],
    [
      'a tie says how many share the rank',
      ctx({ rank: 11, tied: true, tiedWith: 3, ranked: 49 }, null),
      ALL_COMMUNES,
      '11e ex æquo avec 3 autres sur 49 communes'
    ],
    [
      'a tie of most peers says they share the value, not a rank (0 QPV in 44 communes of 49)',
      ctx({ rank: 6, tied: true, tiedWith: 43, ranked: 49 }, null),
      ALL_COMMUNES,
      'même valeur que 43 autres sur 49 communes'
    ],
    [
      'a tie of exactly half the peers still reads as a rank',
      ctx({ rank: 1, tied: true, tiedWith: 10, ranked: 22 }, null),
      ALL_COMMUNES,
      '1re ex æquo avec 10 autres sur 22 communes'
    ],
    [
      'a tie of two',
      ctx({ rank: 3, tied: true, tiedWith: 1 }, null),
      ALL_COMMUNES,
      '3e ex æquo sur 22 communes'
    ],
    [
      'excluded peers are counted',
      ctx(
        { rank: 2, ranked: 20, excluded: 29 },
        { kind: 'median', value: 15.2, estimate: false, low: null, high: null, count: 20 }
      ),
      ALL_COMMUNES,
      '2e sur 20 communes (29 autres sans donnée publiée, non classées) ; médiane des 20 communes : 15,2 %'
    ],
    [
      'a territory without a number is not ranked',
      ctx(
        { rank: null, ranked: 20, excluded: 29 },
        { kind: 'median', value: 15.2, estimate: false, low: null, high: null, count: 20 }
      ),
      ALL_COMMUNES,
      'non classée, faute de donnée publiée ; médiane des 20 communes : 15,2 %'
    ]
  ])('%s', (_, c, g, expected) => {
    expect(n(contextText(c, g, pct))).toBe(expected);
  });

  it('says « même valeur » when every peer ties, not « 1re ex æquo avec 21 autres »', () => {
    const sum = {
      kind: 'sum' as const,
      value: 0,
      estimate: false,
      low: null,
      high: null,
      count: 22
    };
    expect(n(contextText(ctx({ rank: 1, tied: true, tiedWith: 21 }, sum), sru, pct))).toBe(
      'même valeur pour les 22 communes SRU ; ensemble des communes SRU : 0,0 %'
    );
  });

  it('says nothing when there is no one to compare with', () => {
    expect(contextText(ctx({ rank: null, ranked: 0, excluded: 3 }, null), ALL_COMMUNES, pct)).toBe(
      null
    );
    expect(contextText(ctx({ rank: 1, ranked: 1 }, null), ALL_COMMUNES, pct)).toBe(null);
  });
});

describe('contextTexts', () => {
  it('ranks SRU figures among the communes subject to SRU only', () => {
    const peers: Peer[] = [
      { code: 'a', values: { sru_lls: ok(300), population: ok(10) } },
      { code: 'b', values: { sru_lls: na, population: ok(30) } },
      { code: 'c', values: { sru_lls: ok(100), population: ok(20) } }
    ];
    const defs = {
      sru_lls: { unit: 'logements', decimals: 0 },
      population: { unit: 'hab.', decimals: 0 }
    };
    const t = contextTexts(
      'c',
      ['sru_lls', 'population', 'taux_pauvrete'],
      peers,
      defs,
      communeGroup
    );
    expect(n(t.sru_lls)).toBe('2e sur 2 communes SRU ; ensemble des communes SRU : 400 logements');
    expect(n(t.population)).toBe('2e sur 3 communes ; Métropole : 60 hab.');
    expect(t.taux_pauvrete).toBeUndefined();
    // The legal target rate is not ranked.
    expect(
      contextTexts(
        'c',
        ['sru_taux_cible'],
        peers,
        { sru_taux_cible: { unit: '%', decimals: 0 } },
        communeGroup
      )
    ).toEqual({});
  });
});
