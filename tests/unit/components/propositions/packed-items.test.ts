import { describe, expect, it } from 'vitest';
import { packItems, unpackItems } from '../../../../src/lib/components/propositions/packed-items';
import { loadBundledWorkshop } from '../../../../src/lib/data/workshop';
import { workshopItem } from '../../../fixtures/workshop/items';

const items = [
  workshopItem({ id: 'T1-PB-01' }),
  workshopItem({
    id: 'T2-PB-01',
    theme: 2,
    themeQuestion: 'Attributions ?',
    tables: 'Tables 3 - 4'
  }),
  workshopItem({ id: 'T1-AC-01', column: 'action' })
];

describe('packItems / unpackItems', () => {
  it('keeps each theme once, in order of first appearance, and items without it', () => {
    const packed = packItems(items);
    expect(packed.themes).toEqual([
      { theme: 1, question: 'Question test ?', tables: 'Tables 1 - 2' },
      { theme: 2, question: 'Attributions ?', tables: 'Tables 3 - 4' }
    ]);
    for (const item of packed.items) {
      expect(item).not.toHaveProperty('themeQuestion');
      expect(item).not.toHaveProperty('tables');
    }
    expect(packed.items.map((i) => i.id)).toEqual(['T1-PB-01', 'T2-PB-01', 'T1-AC-01']);
  });

  it('gives back the same items', () => {
    expect(unpackItems(packItems(items))).toEqual(items);
  });

  it('refuses a theme described two ways rather than pick one', () => {
    const odd = workshopItem({ id: 'T1-ID-01', themeQuestion: 'Autre ?' });
    expect(() => packItems([...items, odd])).toThrow(/T1-ID-01 : thème 1/);
  });

  it('names the item whose theme is missing', () => {
    const packed = packItems(items);
    expect(() => unpackItems({ ...packed, themes: packed.themes.slice(0, 1) })).toThrow(
      /T2-PB-01 : thème 2 absent/
    );
  });

  it('round-trips the whole workshop base, and makes it smaller', async () => {
    const { items: base } = await loadBundledWorkshop();
    expect(base.length).toBeGreaterThan(100);
    const packed = packItems(base);
    expect(unpackItems(packed)).toEqual(base);
    expect(packed.themes.map((t) => t.theme)).toEqual([1, 2, 3, 4]);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(base).length * 0.8);
  });
});
