import { describe, expect, it } from 'vitest';
import {
  browseItems,
  EMPTY_STATE,
  findTerritory,
  fold,
  stateFromQuery,
  stateFromQueryChecked,
  stateToQuery,
  topicsOf,
  type BrowseState
} from '../../../../src/lib/components/propositions/browse';
import type { TerritoryProfile, TerritoryTag } from '../../../../src/lib/schemas/tags';
import type { WorkshopItem } from '../../../../src/lib/schemas/workshop';
import { workshopItem } from '../../../fixtures/workshop/items';

const item = workshopItem;
const wItem = (id: string, tags: WorkshopItem['tags']) =>
  workshopItem({ id, tags, text: `texte fictif ${id}`, theme: Number(id[1]) });

// Made-up items in the base's shape.
const items: WorkshopItem[] = [
  item({ id: 'T1-PB-Q1', kind: 'intro', text: 'Question cadre', tags: [] }),
  item({
    id: 'T1-PB-01',
    text: 'Le rééquilibrage des LLS reste difficile',
    tags: ['sru_deficitaire'],
    keywords: ['LLS', 'foncier']
  }),
  item({
    id: 'T1-AC-01',
    column: 'action',
    text: 'Mobiliser le foncier public',
    tags: ['tous'],
    keywords: ['Foncier']
  }),
  item({
    id: 'T4-ID-02',
    theme: 4,
    column: 'ideal',
    text: 'Changer l’image des quartiers',
    tags: ['qpv'],
    keywords: ['image']
  })
];

const ids = (state: Partial<BrowseState>) =>
  browseItems(items, { ...EMPTY_STATE, ...state }).map((i) => i.id);

describe('browseItems', () => {
  it.each([
    [{}, ['T1-PB-01', 'T1-AC-01', 'T4-ID-02']],
    [{ theme: 4 }, ['T4-ID-02']],
    [{ column: 'action' as const }, ['T1-AC-01']],
    [{ tag: 'qpv' as const }, ['T4-ID-02']],
    [{ topic: 'foncier' }, ['T1-PB-01', 'T1-AC-01']],
    [{ q: 'reequilibrage' }, ['T1-PB-01']],
    [{ q: 'FONCIER public' }, ['T1-AC-01']],
    [{ q: 't4-id' }, ['T4-ID-02']],
    [{ q: 'image', theme: 1 }, []],
    [{ q: 'question cadre' }, []]
  ])('%j → %j (framing lines never listed)', (state, expected) => {
    expect(ids(state)).toEqual(expected);
  });
});

describe('URL state', () => {
  it('round-trips a full state', () => {
    const state: BrowseState = {
      theme: 2,
      column: 'ideal',
      topic: 'centre ancien',
      tag: 'desserte_tc_faible',
      q: 'image du quartier',
      item: 'T2-ID-03',
      territory: '38229'
    };
    const query = stateToQuery(state);
    expect(query.toString()).toBe(
      'theme=2&colonne=ideal&sujet=centre+ancien&tag=desserte_tc_faible&q=image+du+quartier&element=T2-ID-03&territoire=38229'
    );
    expect(stateFromQuery(new URLSearchParams(query.toString()))).toEqual(state);
  });

  it('writes nothing for the empty state', () => {
    expect(stateToQuery(EMPTY_STATE).toString()).toBe('');
  });

  it.each([
    ['theme=9', { theme: null }],
    ['theme=abc', { theme: null }],
    ['colonne=autre', { column: null }],
    ['tag=inconnu', { tag: null }],
    ['q=%20%20', { q: '' }]
  ])('drops the invalid value in %s', (query, expected) => {
    expect(stateFromQuery(new URLSearchParams(query))).toEqual({ ...EMPTY_STATE, ...expected });
  });
});

describe('URL state checked against the base', () => {
  it.each([
    ['theme=zz', { theme: null }, ['theme']],
    // Themes 1 and 4 exist in the fixture base, not 2.
    ['theme=2', { theme: null }, ['theme']],
    ['colonne=zz', { column: null }, ['colonne']],
    ['tag=zz', { tag: null }, ['tag']],
    ['sujet=zz', { topic: null }, ['sujet']],
    ['element=T9-XX-99', { item: null }, ['element']],
    [
      'theme=zz&sujet=zz&element=zz',
      { theme: null, topic: null, item: null },
      ['theme', 'sujet', 'element']
    ]
  ] as const)('%s falls back to « all », with a warning', (query, expected, params) => {
    const { state, warnings } = stateFromQueryChecked(new URLSearchParams(query), items);
    expect(state).toEqual({ ...EMPTY_STATE, ...expected });
    expect(warnings.map((w) => w.param)).toEqual(params);
  });

  it.each([
    ['theme=4', { theme: 4 }],
    ['sujet=FONCIER', { topic: 'foncier' }],
    ['element=T1-AC-01&q=zz', { item: 'T1-AC-01', q: 'zz' }],
    ['', {}]
  ] as const)('%s is kept without a warning', (query, expected) => {
    const { state, warnings } = stateFromQueryChecked(new URLSearchParams(query), items);
    expect(warnings).toEqual([]);
    expect(state).toEqual({ ...EMPTY_STATE, ...expected });
  });
});

describe('topicsOf and fold', () => {
  it('lists each keyword once, sorted the French way', () => {
    expect(topicsOf(items)).toEqual(['foncier', 'image', 'LLS']);
  });
  it('folds case and accents', () => {
    expect(fold('Rééquilibrage À')).toBe('reequilibrage a');
  });
});

describe('territory filter (« Meylan » finds the items of Meylan)', () => {
  const ev = (tag: TerritoryTag) => ({ tag, strength: 1, reason: tag, source: 's', vintage: 'v' });
  const profiles: TerritoryProfile[] = [
    { code: '38229', nom: 'Meylan', kind: 'commune', evidence: [ev('sru_deficitaire')] },
    { code: '38421', nom: "Saint-Martin-d'Hères", kind: 'commune', evidence: [ev('qpv')] },
    { code: '38423', nom: 'Saint-Martin-le-Vinoux', kind: 'commune', evidence: [] },
    {
      code: 'QN03811M',
      nom: 'Renaudie Champberton Henri Wallon',
      kind: 'qpv',
      evidence: [ev('qpv')]
    }
  ];
  it.each([
    ['Meylan', '38229'],
    ['meylan', '38229'],
    ['  MEYLAN ', '38229'],
    ['saint martin d heres', '38421'],
    ['Saint-Martin-d’Hères', '38421'],
    ['renaudie', 'QN03811M'],
    ['saint martin', null],
    ['zz', null],
    ['m', null]
  ])('%s → %s', (text, code) => {
    expect(findTerritory(text, profiles)?.code ?? null).toBe(code);
  });
  const base = [
    wItem('T1-AC-09', ['sru_deficitaire']),
    wItem('T4-PB-01', ['qpv']),
    wItem('T3-ID-01', ['tous'])
  ];
  it('keeps the targeted and universal items of the territory typed in the search box', () => {
    const got = browseItems(base, { ...EMPTY_STATE, q: 'Meylan' }, profiles).map((i) => i.id);
    expect(got).toEqual(['T1-AC-09', 'T3-ID-01']);
    const accents = browseItems(base, { ...EMPTY_STATE, q: 'saint martin d’heres' }, profiles);
    expect(accents.map((i) => i.id)).toEqual(['T4-PB-01', 'T3-ID-01']);
  });
  it('filters by the territory field, with the other filters', () => {
    const got = browseItems(base, { ...EMPTY_STATE, territory: '38229', q: 'fictif' }, profiles);
    expect(got.map((i) => i.id)).toEqual(['T1-AC-09', 'T3-ID-01']);
    expect(browseItems(base, { ...EMPTY_STATE, territory: '38229', theme: 4 }, profiles)).toEqual(
      []
    );
  });
  it('searches the texts when the words name no territory', () => {
    expect(browseItems(base, { ...EMPTY_STATE, q: 'Meylan' }, []).map((i) => i.id)).toEqual([]);
  });
});
