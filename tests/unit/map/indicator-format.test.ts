import { describe, expect, it } from 'vitest';
import {
  formatClassRange,
  formatCompactValue,
  formatIndicatorValue
} from '../../../src/lib/map/indicator-format';
import type { IndicatorValue } from '../../../src/lib/schemas/indicators';

const N = '\u202f';
const pct = { unit: '%', decimals: 1 };
const lls = { unit: 'logements', decimals: 0 };
const v = (p: Partial<IndicatorValue>): IndicatorValue => ({
  value: null,
  status: 'ok',
  estimate: false,
  low: null,
  high: null,
  ...p
});

describe('formatIndicatorValue', () => {
  it.each([
    ['a rate', v({ value: 14.3 }), pct, `14,3${N}%`],
    ['a count with unit', v({ value: 1234 }), lls, `1${N}234\u00a0logements`],
    [
      'an estimate with its range',
      v({ value: 120, estimate: true, low: 110, high: 131 }),
      lls,
      `≈\u00a0120\u00a0logements (estimation, entre 110\u00a0logements et 131\u00a0logements)`
    ],
    [
      'an estimate whose range rounds to one value (no deficit above target)',
      v({ value: 0, estimate: true, low: 0, high: 0.2 }),
      lls,
      `≈\u00a00\u00a0logements (estimation)`
    ],
    ['not applicable (never « 0 % »)', v({ status: 'not_applicable' }), pct, 'non concernée'],
    ['no data', v({ status: 'no_data' }), pct, 'pas de donnée'],
    ['secrecy', v({ status: 'secret' }), pct, 'secret statistique'],
    ['ok without a number', v({}), pct, 'pas de donnée'],
    ['missing', undefined, pct, 'pas de donnée']
  ] as const)('%s', (_name, value, def, expected) => {
    expect(formatIndicatorValue(value, def)).toBe(expected);
  });
});

describe('formatCompactValue', () => {
  it.each([
    [
      'an estimate with its range',
      v({ value: 291.2, estimate: true, low: 287.9, high: 295 }),
      lls,
      `≈\u00a0291 (288–295)`
    ],
    [
      'a rate estimate keeps its symbol',
      v({ value: 14.31, estimate: true, low: 14.2, high: 14.4 }),
      pct,
      `≈\u00a014,3${N}% (14,2–14,4)`
    ],
    [
      'a range that rounds to one value',
      v({ value: 0, estimate: true, low: 0, high: 0.2 }),
      lls,
      `≈\u00a00`
    ],
    ['a count, unit left to the header', v({ value: 1234 }), lls, `1${N}234`],
    ['a rate', v({ value: 14.3 }), pct, `14,3${N}%`],
    ['not applicable', v({ status: 'not_applicable' }), pct, 'non concernée'],
    ['secrecy', v({ status: 'secret' }), pct, 'secret statistique']
  ] as const)('%s', (_name, value, def, expected) => {
    expect(formatCompactValue(value, def)).toBe(expected);
  });
});

describe('formatClassRange', () => {
  it.each([
    [0, `de 0,0${N}% à moins de 10,0${N}%`],
    [1, `de 10,0${N}% à 31,2${N}%`],
    [2, '']
  ])('class %d', (i, expected) => {
    expect(formatClassRange([0, 10], 31.2, i, pct)).toBe(expected);
  });
});
