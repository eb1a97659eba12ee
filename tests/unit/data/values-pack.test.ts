import { describe, expect, it } from 'vitest';
import {
  packIndicators,
  packValues,
  unpackIndicators,
  unpackValues
} from '../../../src/lib/data/values-pack';
import type { ExplorerIndicators, IndicatorValue } from '../../../src/lib/schemas/indicators';
import { INDICATOR_IDS, type IndicatorId } from '../../../src/lib/schemas/vocabulary';
import { ok } from '../../fixtures/indicators/values';

const cases: [string, IndicatorValue, unknown][] = [
  ['an exact value', ok(81800.796812749), 81800.796812749],
  ['zero, not « no data »', ok(0), 0],
  ['a negative value', ok(-0.18960555337345086), -0.18960555337345086],
  [
    'an estimate and its range',
    { value: 9702.45, status: 'ok', estimate: true, low: 0, high: 89434 },
    [9702.45, 0, 89434]
  ],
  [
    'an estimate without a range',
    { value: 12, status: 'ok', estimate: true, low: null, high: null },
    [12, null, null]
  ],
  [
    'statistical secrecy',
    { value: null, status: 'secret', estimate: false, low: null, high: null },
    'secret'
  ],
  [
    'no data',
    { value: null, status: 'no_data', estimate: false, low: null, high: null },
    'no_data'
  ],
  [
    'not applicable',
    { value: null, status: 'not_applicable', estimate: false, low: null, high: null },
    'not_applicable'
  ]
];

describe('packed indicator values', () => {
  it.each(cases)('%s: packed as %j and back unchanged', (_name, value, packed) => {
    const values = { population: value } as Partial<Record<IndicatorId, IndicatorValue>>;
    const p = packValues(values);
    expect(p[INDICATOR_IDS.indexOf('population')]).toEqual(packed);
    expect(unpackValues(p)).toEqual(values);
  });

  it('keeps any other combination whole (a range on an exact value, a number with a status)', () => {
    const odd: IndicatorValue[] = [
      { value: 3, status: 'ok', estimate: false, low: 1, high: 5 },
      { value: 3, status: 'secret', estimate: false, low: null, high: null },
      { value: null, status: 'ok', estimate: false, low: null, high: null }
    ];
    for (const v of odd) {
      const values = { taux_pauvrete: v } as Partial<Record<IndicatorId, IndicatorValue>>;
      expect(packValues(values)[INDICATOR_IDS.indexOf('taux_pauvrete')]).toEqual(v);
      expect(unpackValues(packValues(values))).toEqual(values);
    }
  });

  it('round-trips a whole file, every indicator of every territory, at a third of the size', () => {
    const values = (seed: number) =>
      Object.fromEntries(
        INDICATOR_IDS.map((id, i) => {
          const c = cases[(i + seed) % cases.length]!;
          return [id, c[1]];
        })
      ) as Record<IndicatorId, IndicatorValue>;
    const file: ExplorerIndicators = {
      epci: '200040715',
      params: { radiusTramM: 500, radiusChronoM: 400, radiusBusM: 300 },
      definitions: [],
      communes: Array.from({ length: 49 }, (_, i) => ({
        code: String(38001 + i),
        nom: `Commune ${i}`,
        sruStatus: 'deficitaire' as const,
        qpvCodes: [],
        values: values(i)
      })),
      qpv: [{ code: 'QN03806M', nom: 'Mistral', communes: ['38185'], values: values(3) }]
    };
    const packed = packIndicators(file);
    expect(unpackIndicators(packed)).toEqual(file);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(file).length / 3);
  });
});
