import { describe, expect, it } from 'vitest';
import { itemsForTerritory } from '../../../src/lib/linking/items-for-territory';
import { evidence, item, profile } from './helpers';

const items = [
  item('T1-PB-Q1', []),
  item('T1-PB-01', ['tous']),
  item('T1-PB-02', ['sru_deficitaire']),
  item('T1-PB-02.1', ['sru_carencee'], { parentId: 'T1-PB-02' }),
  item('T1-PB-03', ['sans_tc', 'desserte_tc_faible']),
  item('T1-PB-04', ['qpv']),
  item('T1-AC-01', ['tous'], { keywords: ['foncier'] }),
  item('T1-AC-02', ['sru_deficitaire'], { keywords: ['LLS', 'foncier'] }),
  item('T4-ID-01', ['qpv']),
  item('T4-ID-02', ['qpv', 'sans_qpv'])
];

const deficitNoTransit = profile('99010', [
  evidence('sru_deficitaire', 0.3),
  evidence('sru_carencee', 1),
  evidence('sans_tc', 0.9),
  evidence('sans_qpv', 1)
]);

describe('itemsForTerritory', () => {
  const result = itemsForTerritory(deficitNoTransit, items);
  const col = (theme: number, column: string) =>
    result.themes.find((t) => t.theme === theme)?.columns.find((c) => c.column === column);

  it('groups by theme, then the three columns in table order', () => {
    expect(result.themes.map((t) => t.theme)).toEqual([1, 4]);
    expect(result.themes[0]?.columns.map((c) => c.column)).toEqual(['probleme', 'ideal', 'action']);
    expect(result.themes[0]?.columns[0]?.label).toBe("C'est quoi le problème ?");
    expect(result.themes[0]?.question).toBe('Question fictive 1 ?');
  });

  it('ranks strong matches first and tous items last, leaving out what does not apply', () => {
    expect(col(1, 'probleme')?.items.map((i) => i.item.id)).toEqual([
      'T1-PB-02.1', // carencée, strength 1
      'T1-PB-03', // no transit stop, 0.9
      'T1-PB-02', // deficit, 0.3
      'T1-PB-01' // tous
    ]);
    expect(col(4, 'ideal')?.items.map((i) => i.item.id)).toEqual(['T4-ID-02']);
  });

  it('gives the parent of a sub-bullet and keeps framing lines apart', () => {
    const sub = col(1, 'probleme')?.items.find((i) => i.item.id === 'T1-PB-02.1');
    expect(sub?.parent?.id).toBe('T1-PB-02');
    expect(col(1, 'probleme')?.intros.map((i) => i.id)).toEqual(['T1-PB-Q1']);
  });

  it('counts targeted and tous items', () => {
    expect(result.targeted).toBe(5);
    expect(result.universal).toBe(2);
    expect(result.territory).toEqual({ code: '99010', nom: 'Commune 99010', kind: 'commune' });
  });

  it.each([
    [{ theme: 4 }, ['T4-ID-02']],
    [{ column: 'action' as const }, ['T1-AC-02', 'T1-AC-01']],
    [{ keyword: 'FONCIER' }, ['T1-AC-02', 'T1-AC-01']],
    [{ tag: 'sru_deficitaire' as const }, ['T1-PB-02', 'T1-AC-02']]
  ])('applies the filter %j', (filter, expected) => {
    const r = itemsForTerritory(deficitNoTransit, items, filter);
    const ids = r.themes.flatMap((t) => t.columns.flatMap((c) => c.items.map((i) => i.item.id)));
    expect(ids).toEqual(expected);
  });

  it('orders equal scores by workshop order', () => {
    const p = profile('99011', [evidence('qpv', 0.5)]);
    const r = itemsForTerritory(p, [item('T4-PB-09', ['qpv']), item('T4-PB-10', ['qpv'])]);
    expect(r.themes[0]?.columns[0]?.items.map((i) => i.item.id)).toEqual(['T4-PB-09', 'T4-PB-10']);
  });
});
