import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import {
  choroplethFillColor,
  choroplethStates,
  highlightOpacity,
  stepExpression,
  qpvLineWidth
} from '../../../src/lib/map/expressions';
import {
  NO_DATA_COLOR,
  NOT_APPLICABLE_COLOR,
  paletteColors,
  textColorOn
} from '../../../src/lib/map/palettes';
import type { IndicatorValue } from '../../../src/lib/schemas/indicators';
import { ok } from '../../fixtures/indicators/values';

describe('stepExpression', () => {
  it('maps class lower bounds to a step on the feature-state', () => {
    expect(stepExpression('value', { lowerBounds: [0, 10, 20] }, ['#a', '#b', '#c'])).toEqual([
      'step',
      ['to-number', ['feature-state', 'value'], 0],
      '#a',
      10,
      '#b',
      20,
      '#c'
    ]);
  });
  /** MapLibre's own validation of the expression as a fill colour (what threw in the browser). */
  function mapLibreErrors(fillColor: unknown): string[] {
    const style = {
      version: 8,
      sources: { c: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
      layers: [{ id: 'f', type: 'fill', source: 'c', paint: { 'fill-color': fillColor } }]
    };
    return validateStyleMin(style as Parameters<typeof validateStyleMin>[0]).map((e) => e.message);
  }
  it.each([
    ['one class (every count 0)', [0], '#eff3ff'],
    ['equal bounds', [1, 1, 1], '#eff3ff'],
    ['a repeated inner bound', [0, 10, 10, 20], null]
  ] as const)('stays a valid MapLibre expression with %s', (_name, lowerBounds, constant) => {
    const e = stepExpression('value', { lowerBounds }, [
      '#eff3ff',
      '#bdd7e7',
      '#6baed6',
      '#2171b5'
    ]);
    if (constant) expect(e).toEqual(['to-color', constant]);
    expect(mapLibreErrors(e)).toEqual([]);
    expect(
      mapLibreErrors(
        choroplethFillColor({ lowerBounds }, ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5'])
      )
    ).toEqual([]);
  });
  it('the step of increasing bounds is valid too (the validator does catch a bad step)', () => {
    expect(
      mapLibreErrors(stepExpression('value', { lowerBounds: [0, 10] }, ['#eff3ff', '#bdd7e7']))
    ).toEqual([]);
    expect(
      mapLibreErrors(['step', ['to-number', ['feature-state', 'value'], 0], '#eff3ff'])
    ).not.toEqual([]);
  });
  it('is the no-data colour when there is no class', () => {
    expect(stepExpression('value', { lowerBounds: [] }, ['#a'])).toEqual([
      'literal',
      NO_DATA_COLOR
    ]);
  });
});

describe('choroplethFillColor', () => {
  it('colours only ok values by class, and never gives no-data a class colour', () => {
    const e = choroplethFillColor({ lowerBounds: [0, 5] }, ['#a', '#b']);
    expect(e[0]).toBe('case');
    expect(e[1]).toEqual(['==', ['feature-state', 'status'], 'ok']);
    expect(e[4]).toBe(NOT_APPLICABLE_COLOR);
    expect(e[5]).toBe(NO_DATA_COLOR);
    expect(['#a', '#b']).not.toContain(e[5]);
  });
});

describe('choroplethStates', () => {
  it.each([
    ['an ok value', ok(12.5), { value: 12.5, status: 'ok' }],
    [
      'not applicable',
      { ...ok(0), value: null, status: 'not_applicable' },
      { value: null, status: 'not_applicable' }
    ],
    ['secrecy', { ...ok(0), value: null, status: 'secret' }, { value: null, status: 'secret' }],
    ['an ok status with no number', { ...ok(0), value: null }, { value: null, status: 'no_data' }],
    ['a missing territory', undefined, { value: null, status: 'no_data' }]
  ] as const)('%s', (_name, value, state) => {
    const values = new Map<string, IndicatorValue>(value ? [['38185', value]] : []);
    expect(choroplethStates(['38185'], values)).toEqual([{ id: '38185', state }]);
  });
});

describe('highlightOpacity', () => {
  it('is constant without a highlight set, and fades the others with one', () => {
    expect(highlightOpacity(false)).toBe(0.85);
    expect(highlightOpacity(true, 0.9, 0.2)).toEqual([
      'case',
      ['boolean', ['feature-state', 'highlight'], false],
      0.9,
      0.2
    ]);
  });
});

describe('palettes', () => {
  it.each([
    [3, ['#eff3ff', '#6baed6', '#084594']],
    [7, ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594']],
    [9, ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594']]
  ])('%d classes spread over the whole ramp', (k, colors) => {
    expect(paletteColors('bleus', k)).toEqual(colors);
  });
  it('picks a readable text colour', () => {
    expect(textColorOn('#084594')).toBe('#ffffff');
    expect(textColorOn('#fde725')).toBe('#000000');
  });
});

describe('qpvLineWidth', () => {
  it('is a zoom-only width with no emphasis', () => {
    expect(qpvLineWidth(null)).toEqual(['interpolate', ['linear'], ['zoom'], 9, 1.2, 14, 3]);
  });

  it('draws the emphasised QPV 2.5 times thicker at every zoom stop', () => {
    const e = qpvLineWidth('QN03801M');
    expect(e.slice(0, 3)).toEqual(['interpolate', ['linear'], ['zoom']]);
    expect(e[4]).toEqual(['case', ['==', ['get', 'code'], 'QN03801M'], 3, 1.2]);
    expect(e[6]).toEqual(['case', ['==', ['get', 'code'], 'QN03801M'], 7.5, 3]);
  });
});
