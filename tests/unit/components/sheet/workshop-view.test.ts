import { describe, expect, it } from 'vitest';
import {
  groupByReason,
  otherReasons,
  printWhys,
  splitUniversal,
  toSheetThemes
} from '../../../../src/lib/components/sheet/workshop-view';
import { itemsForTerritory } from '../../../../src/lib/linking/items-for-territory';
import type { TerritoryProfile } from '../../../../src/lib/schemas/tags';
import type { WorkshopItem } from '../../../../src/lib/schemas/workshop';
import { workshopItem } from '../../../fixtures/workshop/items';

const item = workshopItem;

// Made-up base and territory.
const items: WorkshopItem[] = [
  item({ id: 'T1-PB-Q1', kind: 'intro', text: 'Cadre', tags: [] }),
  item({ id: 'T1-PB-01', order: 1, text: 'Déficit', tags: ['sru_deficitaire'] }),
  item({
    id: 'T1-PB-01.1',
    kind: 'sub_bullet',
    order: 2,
    parentId: 'T1-PB-01',
    text: 'Sous-point',
    tags: ['sru_deficitaire']
  }),
  item({ id: 'T1-AC-01', column: 'action', text: 'Pour tous', tags: ['tous'] }),
  item({ id: 'T4-PB-01', theme: 4, themeQuestion: 'QPV ?', text: 'QPV seulement', tags: ['qpv'] })
];
const profile: TerritoryProfile = {
  code: '99001',
  nom: 'Ville-Test',
  kind: 'commune',
  evidence: [
    {
      tag: 'sru_deficitaire',
      strength: 0.6,
      reason: 'est déficitaire SRU (12,0 % de LLS pour un objectif de 20 %)',
      source: 'sru-test',
      vintage: '2000'
    }
  ]
};

describe('toSheetThemes', () => {
  const themes = toSheetThemes(itemsForTerritory(profile, items));

  it('keeps only themes with items, columns in table order, intros as text', () => {
    expect(themes.map((t) => t.theme)).toEqual([1]);
    const [t1] = themes;
    expect(t1?.columns.map((c) => c.column)).toEqual(['probleme', 'ideal', 'action']);
    expect(t1?.columns[0]?.intros).toEqual(['Cadre']);
  });

  it('gives each item its why, its sources and its parent text', () => {
    const pb = themes[0]?.columns[0]?.items ?? [];
    expect(pb.map((i) => i.id)).toEqual(['T1-PB-01', 'T1-PB-01.1']);
    expect(pb[0]?.why).toBe(
      'Affiché car la commune est déficitaire SRU (12,0 % de logements locatifs sociaux (LLS) pour un objectif de 20 %).'
    );
    expect(pb[0]?.sources).toEqual([{ source: 'sru-test', vintage: '2000' }]);
    expect(pb[1]?.parentText).toBe('Déficit');
  });

  it('splits targeted and universal items', () => {
    const targeted = splitUniversal(themes, false);
    const universal = splitUniversal(themes, true);
    expect(targeted.flatMap((t) => t.columns.flatMap((c) => c.items.map((i) => i.id)))).toEqual([
      'T1-PB-01',
      'T1-PB-01.1'
    ]);
    expect(universal.flatMap((t) => t.columns.flatMap((c) => c.items.map((i) => i.id)))).toEqual([
      'T1-AC-01'
    ]);
  });
});

describe('groupByReason', () => {
  const base: WorkshopItem[] = [
    item({ id: 'T1-PB-01', order: 1, text: 'QPV', tags: ['qpv'] }),
    item({ id: 'T1-PB-02', order: 2, text: 'QPV ou vacance', tags: ['qpv', 'vacance_elevee'] }),
    item({ id: 'T1-AC-01', column: 'action', order: 3, text: 'Vacance', tags: ['vacance_elevee'] }),
    item({
      id: 'T2-AC-01',
      theme: 2,
      themeQuestion: 'Attributions ?',
      column: 'action',
      order: 4,
      text: 'QPV et vacance',
      tags: ['qpv', 'vacance_elevee'],
      condition: 'all'
    }),
    item({
      id: 'T2-PB-01',
      theme: 2,
      themeQuestion: 'Attributions ?',
      text: 'Tous',
      tags: ['tous']
    }),
    item({
      id: 'T3-PB-01',
      theme: 3,
      themeQuestion: 'Autre ?',
      text: 'SRU',
      tags: ['sru_carencee']
    })
  ];
  const p: TerritoryProfile = {
    code: '99002',
    nom: 'Ville-Test',
    kind: 'commune',
    evidence: [
      { tag: 'qpv', strength: 0.8, reason: 'compte 2 QPV', source: 'qpv-x', vintage: '2024' },
      {
        tag: 'vacance_elevee',
        strength: 0.5,
        reason: 'a 12,0 % de logements vacants',
        source: 'insee-x',
        vintage: 'RP 2022'
      }
    ]
  };
  const groups = groupByReason(toSheetThemes(itemsForTerritory(p, base)));
  const ids = (g: (typeof groups)[number] | undefined) =>
    g?.themes.flatMap((t) => t.columns.flatMap((c) => c.items.map((i) => i.id)));

  it('states each reason once, largest group first, items under their strongest reason', () => {
    expect(groups.map((g) => [g.key, g.count])).toEqual([
      ['qpv', 2],
      ['qpv+vacance_elevee', 1],
      ['vacance_elevee', 1]
    ]);
    expect(groups[0]?.reason).toBe('compte 2 QPV');
    // The linking layer's order: at equal score, more tags holding first.
    expect(ids(groups[0])).toEqual(['T1-PB-02', 'T1-PB-01']);
    expect(groups[0]?.sources).toEqual([{ source: 'qpv-x', vintage: '2024' }]);
  });

  it('groups an item that needs all its tags under the combination', () => {
    expect(groups[1]?.reason).toBe('compte 2 QPV et a 12,0 % de logements vacants');
    expect(ids(groups[1])).toEqual(['T2-AC-01']);
    expect(groups[1]?.themes.map((t) => t.theme)).toEqual([2]);
    expect(groups[1]?.themes[0]?.columns.map((c) => c.column)).toEqual(['action']);
  });

  it('leaves universal and unmatched items out, and keeps the other reasons on the item', () => {
    const all = groups.flatMap(ids);
    expect(all).not.toContain('T2-PB-01');
    expect(all).not.toContain('T3-PB-01');
    const both = groups[0]?.themes[0]?.columns[0]?.items[0];
    expect(both?.id).toBe('T1-PB-02');
    expect(otherReasons(both!, 'qpv').map((r) => r.key)).toEqual(['vacance_elevee']);
  });
});

describe('printWhys', () => {
  it.each([
    [[], []],
    [
      [
        { why: 'Affiché car A.', universal: false },
        { why: 'Affiché car B.', universal: false },
        { why: 'Affiché car A.', universal: false },
        { why: '', universal: true },
        { why: 'Affiché car B.', universal: false }
      ],
      [
        'Affiché car A.',
        'Affiché car B.',
        'Affiché pour la même raison que le n° 1.',
        'Valable pour tous les territoires.',
        'Affiché pour la même raison que le n° 2.'
      ]
    ],
    // Two universal items both say so: there is no sentence to refer to.
    [
      [
        { why: '', universal: true },
        { why: '', universal: true }
      ],
      ['Valable pour tous les territoires.', 'Valable pour tous les territoires.']
    ]
  ])('%j → %j', (list, expected) => {
    expect(printWhys(list)).toEqual(expected);
  });
});
