import { describe, expect, it } from 'vitest';
import { listGroups, listHtml } from '../../../../src/lib/components/propositions/list-html';
import type { WorkshopItem } from '../../../../src/lib/schemas/workshop';
import { workshopItem as item } from '../../../fixtures/workshop/items';

// Made-up items in the base's shape: two columns of theme 1, a run heading (T1-ID-Q1 heads
// T1-ID-11..15), a sub-bullet, a column-wide framing line, theme 2.
const all: WorkshopItem[] = [
  item({ id: 'T1-PB-Q1', kind: 'intro', text: 'Question <cadre>', tags: [], order: 1 }),
  item({
    id: 'T1-PB-01',
    text: 'Les « LLS » & le foncier',
    tags: ['sru_deficitaire'],
    keywords: ['LLS'],
    order: 2
  }),
  item({ id: 'T1-PB-01a', kind: 'sub_bullet', parentId: 'T1-PB-01', text: 'Sous-point', order: 3 }),
  item({ id: 'T1-ID-01', column: 'ideal', text: 'Idéal hors bloc', order: 4 }),
  item({
    id: 'T1-ID-Q1',
    column: 'ideal',
    kind: 'intro',
    text: 'Pour cela, il faudrait :',
    tags: [],
    order: 5
  }),
  item({ id: 'T1-ID-11', column: 'ideal', text: 'Premier du bloc', order: 6 }),
  item({ id: 'T1-ID-15', column: 'ideal', text: 'Dernier du bloc', order: 7 }),
  item({ id: 'T2-PB-01', theme: 2, themeQuestion: 'Thème deux ?', text: "L'accès", order: 8 })
];
const intros = all.filter((i) => i.kind === 'intro');
const items = all.filter((i) => i.kind !== 'intro');
const parents = Object.fromEntries(all.map((i) => [i.id, i.text]));

/** `data-id` of each `tag` element of the markup, in order. */
const ids = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}[^>]*data-id="([^"]+)"`, 'g'))].map((m) => m[1]);

describe('listGroups', () => {
  it('groups consecutive items by theme and column, framing lines where they belong', () => {
    const groups = listGroups(items, intros, all);
    expect(groups.map((g) => g.key)).toEqual(['1-probleme', '1-ideal', '2-probleme']);
    expect(groups[0]?.columnIntros.map((i) => i.id)).toEqual(['T1-PB-Q1']);
    // T1-ID-Q1 heads its run only, not the whole column.
    expect(groups[1]?.columnIntros).toEqual([]);
    expect(
      groups[1]?.blocks.map((b) => [b.heading?.id ?? null, b.entries.map((e) => e.id)])
    ).toEqual([
      [null, ['T1-ID-01']],
      ['T1-ID-Q1', ['T1-ID-11', 'T1-ID-15']]
    ]);
  });

  it('keeps a filtered list in workshop order, without empty groups', () => {
    const groups = listGroups(
      items.filter((i) => i.theme === 2),
      intros,
      all
    );
    expect(groups.map((g) => g.key)).toEqual(['2-probleme']);
    expect(listGroups([], intros, all)).toEqual([]);
  });
});

describe('listHtml', () => {
  const html = listHtml(listGroups(items, intros, all), null, parents);

  it('writes one card per item, in order, each with its button', () => {
    expect(ids(html, 'li')).toEqual(items.map((i) => i.id));
    expect(ids(html, 'button')).toEqual(items.map((i) => i.id));
    expect(html.match(/aria-pressed="false"/g)).toHaveLength(items.length);
    expect(html).not.toContain('aria-pressed="true"');
  });

  it('writes theme and column headings once, framing lines before what they head', () => {
    expect(html.match(/<h2 class="theme">/g)).toHaveLength(2);
    expect(html).toContain('<h2 class="theme">Thème 2 — Thème deux ?</h2>');
    expect(html.match(/<h3 class="column">/g)).toHaveLength(3);
    expect(html.indexOf('data-id="T1-ID-Q1"')).toBeLessThan(html.indexOf('data-id="T1-ID-11"'));
    expect(html.indexOf('data-id="T1-ID-Q1"')).toBeGreaterThan(html.indexOf('data-id="T1-ID-01"'));
    expect(html).toContain('<ul class="items framed">');
  });

  it('escapes every text of the base', () => {
    expect(html).toContain('Question &lt;cadre&gt;');
    expect(html).toContain('Les « LLS » &amp; le foncier');
    expect(html).toContain('L&#39;accès');
    expect(html).not.toMatch(/<cadre>/);
  });

  it('shows tags by their French label and keywords as chips, and the parent of a sub-bullet', () => {
    expect(html).toContain('<span class="chip tag">Commune déficitaire SRU</span>');
    expect(html).toContain('<span class="chip kw">LLS</span>');
    expect(html).toContain('Sous «&nbsp;Les « LLS » &amp; le foncier&nbsp;»');
  });

  it('marks the selected item and its pressed button', () => {
    const selected = listHtml(listGroups(items, intros, all), 'T1-ID-11', parents);
    expect(selected).toContain(
      '<li class="selected" data-testid="proposition" data-id="T1-ID-11">'
    );
    expect(selected.match(/aria-pressed="true"/g)).toHaveLength(1);
    expect(selected).toMatch(/aria-pressed="true" data-id="T1-ID-11">Masquer les territoires</);
  });
});
