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
  paletteColors,
  REACHED_COLOR
} from '../../../../src/lib/map/palettes';
import {
  buildScheme,
  classedNumbers,
  countValues,
  REACHED_LABEL,
  zeroApartFor,
  type SchemeValue
} from '../../../../src/lib/map/scheme/scheme';
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

  it.each([
    ['quantiles', 4],
    ['jenks', 3]
  ] as const)('zero apart (« objectif atteint »), %s', (method, k) => {
    const classification = classify(classedNumbers(values.values(), true), method, k, []);
    const colors = paletteColors('bleus', classification.lowerBounds.length);
    const scheme = buildScheme({
      values,
      codes,
      classification,
      colors,
      definition: { label: 'Logements manquants', unit: 'logements', decimals: 0 },
      zeroApart: true
    });
    const mapLibre = evaluator(choroplethFillColor(scheme.classification, scheme.colors, true));
    const states = new Map(choroplethStates(codes, values).map((s) => [s.id, s.state]));
    for (const code of codes) {
      expect(scheme.fillOfCode(code), code).toBe(mapLibre(states.get(code)!));
    }
    expect(scheme.fillOfCode('a')).toBe(REACHED_COLOR);
    // The zeros are not classified: the classes hold the other numbers only.
    expect(classification.counts.reduce((x, y) => x + y, 0)).toBe(6);
    expect(scheme.fillOfCode('k')).toBe(colors[0]);
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

describe('zero apart and merged classes in the legend', () => {
  it('puts « objectif atteint (0) » first, outside the classes, and says why classes merged', () => {
    const values = new Map<string, SchemeValue>([
      ['a', { value: 0, status: 'ok' }],
      ['b', { value: 0, status: 'ok' }],
      ['c', { value: 56, status: 'ok' }],
      ['d', { value: 56, status: 'ok' }],
      ['e', { value: 291, status: 'ok' }],
      ['f', { value: null, status: 'not_applicable' }]
    ]);
    const classification = classify(classedNumbers(values.values(), true), 'quantiles', 5);
    const scheme = buildScheme({
      values,
      codes: [...values.keys()],
      classification,
      colors: paletteColors('bleus', classification.lowerBounds.length),
      definition: { label: 'Logements manquants', unit: 'logements', decimals: 0 },
      notApplicableLabel: 'Non soumise à la loi SRU',
      zeroApart: true,
      requestedClasses: 5
    });
    expect(scheme.legend.map((r) => [r.kind, r.count])).toEqual([
      ['zero', 2],
      ['class', 2],
      ['class', 1],
      ['not_applicable', 1]
    ]);
    expect(scheme.legend[0]?.label).toBe(REACHED_LABEL);
    expect(scheme.legendTitle).toBe(
      'Quantiles (effectifs égaux), 2 classes (5 demandées : des valeurs égales ne peuvent être séparées), hors objectif atteint'
    );
  });

  it.each([
    ['sru_lls_manquants', true],
    ['sru_ecart_cible_points', true],
    ['sru_objectif_triennal', true],
    ['sru_taux_lls', false],
    ['taux_pauvrete', false]
  ])('zeroApartFor(%s) = %s', (id, expected) => {
    expect(zeroApartFor(id)).toBe(expected);
  });
});
