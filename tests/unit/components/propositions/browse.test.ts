import { describe, expect, it } from 'vitest';
import {
  browseItems,
  EMPTY_STATE,
  fold,
  stateFromQuery,
  stateFromQueryChecked,
  stateToQuery,
  topicsOf,
  type BrowseState
} from '../../../../src/lib/components/propositions/browse';
import type { WorkshopItem } from '../../../../src/lib/schemas/workshop';
import { workshopItem } from '../../../fixtures/workshop/items';

const item = workshopItem;

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
      item: 'T2-ID-03'
    };
    const query = stateToQuery(state);
    expect(query.toString()).toBe(
      'theme=2&colonne=ideal&sujet=centre+ancien&tag=desserte_tc_faible&q=image+du+quartier&element=T2-ID-03'
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
