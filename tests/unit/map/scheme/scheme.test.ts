/**
 * One source of truth: the SVG renderer's `scheme.fillOf(v)` equals MapLibre's evaluation of the
 * fill expressions built from the same scheme (`choroplethFillColor`, `countFillColor`), with the
 * feature-states the MapLibre layer sets (`choroplethStates`). Evaluated by the style
 * specification's own expression engine.
 */
import { Color, expression, latest } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/lib/map/classify';
import {
  choroplethFillColor,
  choroplethStates,
  countFillColor,
  type Expression
} from '../../../../src/lib/map/expressions';
import {
  NO_DATA_COLOR,
  NOT_APPLICABLE_COLOR,
  paletteColors
} from '../../../../src/lib/map/palettes';
import { buildScheme, countValues, type SchemeValue } from '../../../../src/lib/map/scheme/scheme';
import type { IndicatorValue } from '../../../../src/lib/schemas/indicators';

function evaluator(expr: Expression) {
  const parsed = expression.createExpression(expr, latest.paint_fill['fill-color'] as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return (state: Record<string, unknown>): string => {
    const c = parsed.value.evaluate(
      { zoom: 10 },
      { type: 'Polygon', properties: {} } as never,
      state
    ) as unknown;
    // Literal colours come back as written; computed ones as a premultiplied Color.
    if (typeof c === 'string') return c.toLowerCase();
    const { r, g, b, a } = c as Color;
    const hex = (n: number) =>
      Math.round((n / (a || 1)) * 255)
        .toString(16)
        .padStart(2, '0');
    return `#${hex(r)}${hex(g)}${hex(b)}`;
  };
}

const iv = (value: number | null, status: IndicatorValue['status'] = 'ok'): IndicatorValue => ({
  value,
  status,
  estimate: false,
  low: null,
  high: null
});

describe('fillOf = evaluated MapLibre expression', () => {
  const values = new Map<string, IndicatorValue>([
    ['a', iv(0)],
    ['b', iv(4.99)],
    ['c', iv(5)],
    ['d', iv(12.5)],
    ['e', iv(25)],
    ['f', iv(31.2)],
    ['g', iv(null, 'not_applicable')],
    ['h', iv(null, 'no_data')],
    ['i', iv(null, 'secret')],
    ['j', iv(null, 'ok')],
    ['k', iv(-3)]
  ]);
  const codes = [...values.keys(), 'missing'];
  const ok = [...values.values()].flatMap((v) =>
    v.status === 'ok' && v.value !== null ? [v.value] : []
  );
  it.each([
    ['quantiles', 4, []],
    ['jenks', 3, []],
    ['egal', 5, []],
    ['manuel', 0, [5, 10, 25]]
  ] as const)('%s, %d classes', (method, k, breaks) => {
    const classification = classify(ok, method, k, breaks);
    const colors = paletteColors('orange-rouge', classification.lowerBounds.length);
    const scheme = buildScheme({
      values,
      codes,
      classification,
      colors,
      definition: { label: 'Taux', unit: '%', decimals: 1 },
      notApplicableLabel: 'Non soumise à la loi SRU'
    });
    const mapLibre = evaluator(choroplethFillColor(scheme.classification, scheme.colors));
    const states = new Map(choroplethStates(codes, values).map((s) => [s.id, s.state]));
    for (const code of codes) {
      expect(scheme.fillOfCode(code), code).toBe(mapLibre(states.get(code)!));
    }
    expect(scheme.fillOfCode('g')).toBe(NOT_APPLICABLE_COLOR);
    expect(scheme.fillOfCode('j')).toBe(NO_DATA_COLOR);
    expect(scheme.fillOfCode('missing')).toBe(NO_DATA_COLOR);
  });

  it('counts (« propositions » view)', () => {
    const counts = new Map([
      ['a', 0],
      ['b', 3],
      ['c', 7],
      ['d', 12]
    ]);
    const classification = classify([...counts.values()], 'jenks', 3);
    const colors = paletteColors('orange-rouge', classification.lowerBounds.length);
    const scheme = buildScheme({
      values: countValues(counts),
      codes: [...counts.keys(), 'x'],
      classification,
      colors,
      definition: { label: 'Propositions ciblées', unit: '', decimals: 0 }
    });
    const mapLibre = evaluator(countFillColor(scheme.classification, scheme.colors));
    for (const [code, n] of counts) expect(scheme.fillOfCode(code)).toBe(mapLibre({ count: n }));
    expect(scheme.fillOfCode('x')).toBe(mapLibre({}));
  });
});

describe('legend', () => {
  it('lists the classes, then « non soumise » and « pas de donnée » with their counts', () => {
    const values = new Map<string, SchemeValue>([
      ['a', { value: 1, status: 'ok' }],
      ['b', { value: 9, status: 'ok' }],
      ['c', { value: null, status: 'not_applicable' }],
      ['d', { value: null, status: 'secret' }]
    ]);
    const classification = classify([1, 9], 'egal', 2);
    const scheme = buildScheme({
      values,
      codes: ['a', 'b', 'c', 'd', 'e'],
      classification,
      colors: ['#111111', '#222222'],
      definition: { label: 'Taux', unit: '%', decimals: 0 },
      notApplicableLabel: 'Non soumise à la loi SRU'
    });
    expect(
      scheme.legend.map((r) => [r.kind, r.label.replace(/[\u00a0\u202f]/g, ' '), r.count])
    ).toEqual([
      ['class', 'de 1 % à moins de 5 %', 1],
      ['class', 'de 5 % à 9 %', 1],
      ['not_applicable', 'Non soumise à la loi SRU', 1],
      ['no_data', 'Pas de donnée', 2]
    ]);
    expect(scheme.title).toBe('Taux (%)');
    expect(scheme.legendTitle).toBe('Intervalles égaux, 2 classes');
    expect(scheme.classColorOf({ value: null, status: 'not_applicable' })).toBeNull();
  });
});
