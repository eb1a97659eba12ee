import { describe, expect, it } from 'vitest';
import {
  roundSignificant,
  formatDistance,
  formatEuros,
  formatNumber,
  formatPercent,
  formatRange
} from '../../../src/lib/format/number';

const n = (s: string) => s.replace(/\u202f/g, ' ');

describe('French number formats', () => {
  it.each([
    [1234, 0, '1 234'],
    [14.25, 1, '14,3'],
    [0, 1, '0,0'],
    [-0.04, 1, '0,0'],
    [156389, 0, '156 389'],
    [1234567.891, 2, '1 234 567,89']
  ])('formatNumber(%s, %s) = %s', (value, decimals, expected) => {
    expect(n(formatNumber(value, decimals))).toBe(expected);
  });

  it('writes exactly what Intl fr-FR writes, on edge values and 2 000 others, with 0 to 2 decimals', () => {
    const edges = [
      0,
      -0,
      0.5,
      -0.5,
      1.005,
      9.995,
      999.5,
      999.95,
      1000,
      -1000,
      1234.5,
      -1234.56,
      1e6,
      12345678.9,
      0.001,
      -0.004,
      1e20,
      1e21,
      1.5e22,
      Number.MAX_SAFE_INTEGER,
      Number.NaN,
      Infinity,
      -Infinity
    ];
    // A fixed sequence (LCG), spread over twelve orders of magnitude and both signs.
    let seed = 42;
    const next = () => (seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32;
    const values = [
      ...edges,
      ...Array.from({ length: 2000 }, () => (next() - 0.3) * 10 ** Math.floor(next() * 12))
    ];
    for (const decimals of [0, 1, 2]) {
      const intl = new Intl.NumberFormat('fr-FR', {
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals
      });
      for (const value of values) {
        const rounded = Number(value.toFixed(decimals));
        const expected = intl.format(Object.is(rounded, -0) ? 0 : rounded);
        expect([value, decimals, formatNumber(value, decimals)]).toEqual([
          value,
          decimals,
          expected
        ]);
      }
    }
  });

  it.each([
    [14.3, 1, '14,3 %'],
    [20, 0, '20 %'],
    [25.1, 1, '25,1 %'],
    [100, 1, '100,0 %']
  ])('formatPercent(%s, %s) = %s', (value, decimals, expected) => {
    expect(n(formatPercent(value, decimals))).toBe(expected);
  });

  it('keeps the number and its unit together with a narrow no-break space', () => {
    expect(formatPercent(14.3)).toBe('14,3\u202f%');
    expect(formatEuros(46559.19)).toBe('46\u202f559\u202f€');
  });

  it.each([
    [349, '350 m'],
    [0, '0 m'],
    [1000, '1,0 km'],
    [12345, '12,3 km']
  ])('formatDistance(%s) = %s', (metres, expected) => {
    expect(n(formatDistance(metres))).toBe(expected);
  });

  it('formats an estimate with its range', () => {
    expect(n(formatRange(4980.4, 4970.2, 4990.6))).toBe('4 980 (entre 4 970 et 4 991)');
  });
});

describe('roundSignificant', () => {
  it.each([
    [2150.78, 2, 2200],
    [384.36, 2, 380],
    [17600, 2, 18000],
    [9.95, 2, 9.9],
    [0.01234, 2, 0.012],
    [-2150, 2, -2200],
    [0, 2, 0],
    [5, 3, 5]
  ])('%f to %i figures → %f', (value, digits, expected) => {
    expect(roundSignificant(value, digits)).toBeCloseTo(expected, 10);
  });
});
