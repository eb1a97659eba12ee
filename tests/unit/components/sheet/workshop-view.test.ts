import { describe, expect, it } from 'vitest';
import { splitUniversal, toSheetThemes } from '../../../../src/lib/components/sheet/workshop-view';
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
