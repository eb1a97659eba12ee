import { describe, expect, it } from 'vitest';
import { labelsMarkup } from '../../../../src/lib/map/svg/labels-markup';
import type { PlacedLabel } from '../../../../src/lib/map/scheme/labels';

describe('labelsMarkup', () => {
  const inPlace: PlacedLabel = {
    code: '38185',
    text: 'Grenoble',
    x: 100,
    y: 50,
    width: 50,
    height: 13,
    fontPx: 11,
    weight: 600,
    leader: null
  };
  const callout: PlacedLabel = {
    ...inPlace,
    code: '38187',
    text: 'Le <Gua>',
    x: 20,
    y: 10,
    fontPx: 10,
    leader: { x1: 40, y1: 30, x2: 25, y2: 15 }
  };

  it('converts px to viewBox units (offset and scale) and rounds to 0.01', () => {
    const out = labelsMarkup([inPlace], {
      viewBox: [10, 20, 400, 300],
      pxPerUnit: 3,
      hrefOf: (code) => `/commune/${code}`,
      selected: null
    });
    expect(out).toBe(
      '<a href="/commune/38185" tabindex="-1"><text x="43.33" y="36.67" font-size="3.67" font-weight="600" stroke-width="1" data-code="38185">Grenoble</text></a>'
    );
  });

  it('draws a callout with its leader and dot, escapes the name, marks the selection, omits a null link', () => {
    const out = labelsMarkup([callout], {
      viewBox: [0, 0, 100, 100],
      pxPerUnit: 2,
      hrefOf: () => null,
      selected: '38187'
    });
    expect(out).toBe(
      '<line class="leader" x1="20" y1="15" x2="12.5" y2="7.5"/><circle class="dot" cx="20" cy="15" r="0.8"/>' +
        '<a tabindex="-1"><text x="10" y="5" font-size="5" font-weight="600" stroke-width="1.5" data-code="38187" class="callout sel">Le &lt;Gua&gt;</text></a>'
    );
  });

  it('returns an empty string for no names', () => {
    expect(
      labelsMarkup([], { viewBox: [0, 0, 1, 1], pxPerUnit: 1, hrefOf: () => null, selected: null })
    ).toBe('');
  });
});
