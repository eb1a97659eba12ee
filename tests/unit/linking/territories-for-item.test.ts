import { describe, expect, it } from 'vitest';
import {
  countItemsByTerritory,
  keywordCounts,
  tagCounts,
  territoriesForItem
} from '../../../src/lib/linking/territories-for-item';
import { evidence, item, profile } from './helpers';

const profiles = [
  profile('99020', [evidence('sru_deficitaire', 0.2), evidence('sans_qpv', 1)]),
  profile('99021', [evidence('sru_deficitaire', 0.8), evidence('qpv', 0.4)]),
  profile('99022', [evidence('sru_conforme', 0.5), evidence('qpv', 1)]),
  profile('QN099', [evidence('qpv', 1)], 'qpv')
];

describe('territoriesForItem', () => {
  it('lists where an item applies, strongest condition first', () => {
    const r = territoriesForItem(item('T1-AC-01', ['sru_deficitaire']), profiles);
    expect(r.map((t) => [t.code, t.score])).toEqual([
      ['99021', 0.8],
      ['99020', 0.2]
    ]);
    expect(r[0]?.explanation).toBe(
      'Affiché car la commune remplit la condition sru_deficitaire (0.8).'
    );
  });

  it('mixes communes and quartiers, with the right subject', () => {
    const r = territoriesForItem(item('T4-PB-01', ['qpv']), profiles);
    expect(r.map((t) => t.code)).toEqual(['99022', 'QN099', '99021']);
    expect(r.find((t) => t.kind === 'qpv')?.explanation).toMatch(/^Affiché car le quartier /);
  });

  it('applies a tous item to every territory, ordered by name', () => {
    const r = territoriesForItem(item('T3-ID-01', ['tous']), profiles);
    expect(r.map((t) => t.code)).toEqual(['99020', '99021', '99022', 'QN099']);
    expect(r.every((t) => t.universal && t.score === 0)).toBe(true);
  });

  it('applies a framing line nowhere', () => {
    expect(territoriesForItem(item('T1-PB-Q1', []), profiles)).toEqual([]);
  });
});

describe('countItemsByTerritory', () => {
  const items = [
    item('T1-PB-Q1', [], { keywords: ['foncier'] }),
    item('T1-PB-01', ['sru_deficitaire'], { keywords: ['foncier'] }),
    item('T1-PB-02', ['tous'], { keywords: ['foncier'] }),
    item('T4-PB-01', ['qpv']),
    item('T4-PB-02', ['qpv', 'sru_conforme'], { condition: 'all' }),
    item('T2-AC-01', ['sans_tc'])
  ];

  it('counts targeted and tous items per territory, keeping the profile order', () => {
    const { counts } = countItemsByTerritory(items, profiles);
    expect(counts.map((c) => [c.code, c.targeted, c.universal])).toEqual([
      ['99020', 1, 1],
      ['99021', 2, 1],
      ['99022', 2, 1],
      ['QN099', 1, 1]
    ]);
  });

  it('reports items that apply nowhere and territories with no targeted item', () => {
    const { unusedItems, territoriesWithoutTargeted } = countItemsByTerritory(items, profiles, {
      theme: 1
    });
    expect(unusedItems).toEqual([]);
    expect(territoriesWithoutTargeted).toEqual(['99022', 'QN099']);
    expect(countItemsByTerritory(items, profiles).unusedItems).toEqual(['T2-AC-01']);
  });

  it('honours the keyword filter and ignores framing lines', () => {
    const { counts } = countItemsByTerritory(items, profiles, { keyword: 'foncier' });
    expect(counts.map((c) => c.targeted + c.universal)).toEqual([2, 2, 1, 1]);
  });

  it('counts tags and keywords over bullets and sub-bullets only', () => {
    expect(Object.fromEntries(tagCounts(items))).toEqual({
      sru_deficitaire: 1,
      tous: 1,
      qpv: 2,
      sru_conforme: 1,
      sans_tc: 1
    });
    expect(keywordCounts(items)).toEqual([{ keyword: 'foncier', count: 2 }]);
  });
});
