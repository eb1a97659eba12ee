import { describe, expect, it } from 'vitest';
import { territoriesMarkup, territoryCodeOf } from '../../../../src/lib/map/svg/territories-markup';

const shapes = [
  { code: '38185', path: 'M0,0L10,0L10,10Z' },
  { code: '38999', path: 'M5,5L6,6Z' }
];

describe('territoriesMarkup', () => {
  it('draws one linked, named shape per territory, in order, with its fill', () => {
    const html = territoriesMarkup(shapes, {
      hrefOf: (code) => `/commune/${code}`,
      labelOf: (code) => (code === '38185' ? 'Grenoble : 25,1 %' : 'Saint-<Test> & « Cie »'),
      fillOf: (code) => (code === '38185' ? '#3b6fb6' : '#e4e7e0'),
      faded: (code) => code === '38999'
    });
    expect(html).toBe(
      '<a href="/commune/38185" aria-label="Grenoble : 25,1 %" data-code="38185">' +
        '<path d="M0,0L10,0L10,10Z" fill="#3b6fb6"/></a>' +
        '<a href="/commune/38999" aria-label="Saint-&lt;Test&gt; &amp; « Cie »" data-code="38999">' +
        '<path d="M5,5L6,6Z" fill="#e4e7e0" class="faded"/></a>'
    );
  });

  it('leaves out the link when there is none, marks the emphasised and the 2015 QPV', () => {
    const html = territoriesMarkup(
      [
        { code: 'QN03801M', path: 'M1,1Z', generation: '2024' },
        { code: 'QP038001', path: 'M2,2Z', generation: '2015' }
      ],
      {
        hrefOf: () => null,
        labelOf: (code) => code,
        fillOf: () => '#c0007a',
        stroke: '#c0007a',
        emphasis: 'QN03801M'
      }
    );
    expect(html).not.toContain('href');
    expect(html).toContain('stroke="#c0007a" class="emphasis"/>');
    expect(html).toContain(
      'data-code="QP038001"><path d="M2,2Z" fill="#c0007a" stroke="#c0007a" class="approx"/>'
    );
  });

  it('is empty for no territory (the map then draws an empty group)', () => {
    expect(territoriesMarkup([], { hrefOf: () => null, labelOf: String, fillOf: String })).toBe('');
  });
});

describe('territoryCodeOf', () => {
  it('finds the code of the enclosing shape, or null', () => {
    const path = {
      closest: (sel: string) => (sel === 'a[data-code]' ? { getAttribute: () => '38185' } : null)
    };
    expect(territoryCodeOf(path as unknown as EventTarget)).toBe('38185');
    expect(territoryCodeOf({ closest: () => null } as unknown as EventTarget)).toBeNull();
    expect(territoryCodeOf(null)).toBeNull();
  });
});
