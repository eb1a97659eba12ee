import { describe, expect, it } from 'vitest';
import {
  formatNumberInput,
  parseFrenchNumber,
  parseFrenchNumberList,
  type NumberRule
} from '../../../src/lib/format/parse-number';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('parseFrenchNumber: accepted entries', () => {
  it.each<[string, NumberRule, number | null]>([
    ['0,8', {}, 0.8],
    ['0.8', {}, 0.8],
    ['1 200', {}, 1200],
    [`1${NBSP}200`, {}, 1200],
    [`1${NNBSP}200`, {}, 1200],
    ['1\u2009200', {}, 1200],
    ['1 200,5', {}, 1200.5],
    [`12${NNBSP}345${NNBSP}678,25`, {}, 12345678.25],
    ['-3', {}, -3],
    ['\u22123', {}, -3],
    ['+2,5', {}, 2.5],
    ['- 1,5', {}, -1.5],
    ['  42  ', {}, 42],
    [',5', {}, 0.5],
    ['14,3 %', { percent: true }, 14.3],
    [`14,3${NNBSP}%`, { percent: true }, 14.3],
    ['25%', { percent: true }, 25],
    ['', {}, null],
    ['   ', {}, null],
    ['-0', {}, 0],
    ['2030', { integer: true, min: 2000, max: 2100 }, 2030],
    ['20', { min: 0, max: 20 }, 20],
    ['0', { min: 0, max: 20 }, 0]
  ])('« %s » %j → %s', (input, rule, expected) => {
    const r = parseFrenchNumber(input, rule);
    expect(r).toEqual({ ok: true, value: expected });
  });
});

describe('parseFrenchNumber: rejected entries, with a French message', () => {
  it.each<[string, NumberRule, RegExp]>([
    ['1,2,3', {}, /plusieurs séparateurs décimaux/],
    ['1.2.3', {}, /plusieurs séparateurs décimaux/],
    ['1,2.3', {}, /plusieurs séparateurs décimaux/],
    ['1 200.000,5', {}, /plusieurs séparateurs décimaux/],
    ['abc', {}, /n’est pas un nombre/],
    ['12a', {}, /n’est pas un nombre/],
    ['1e3', {}, /n’est pas un nombre/],
    ['5,', {}, /n’est pas un nombre/],
    ['-', {}, /n’est pas un nombre/],
    ['0x10', {}, /n’est pas un nombre/],
    ['12 00', {}, /groupes de trois/],
    ['1 2000', {}, /groupes de trois/],
    ['1234 567', {}, /groupes de trois/],
    ['', { required: true }, /Saisissez un nombre/],
    ['14 %', {}, /% n’est pas attendu/],
    ['21', { min: 0, max: 20 }, /comprise entre 0 et 20/],
    ['-0,5', { min: 0 }, /supérieure ou égale à 0/],
    ['101', { max: 100 }, /inférieure ou égale à 100/],
    ['-20,5', { min: -20, max: 20 }, /comprise entre -20 et 20/],
    ['2030,5', { integer: true }, /nombre entier/],
    ['1.200', { integer: true }, /nombre entier/]
  ])('« %s » %j is refused', (input, rule, message) => {
    const r = parseFrenchNumber(input, rule);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.replace(/[\u202f\u00a0]/g, ' ')).toMatch(message);
  });

  it('never reads a comma decimal ten times too large', () => {
    for (const [text, value] of [
      ['0,8', 0.8],
      ['1,5', 1.5],
      ['0,08', 0.08],
      ['10,0', 10]
    ] as const) {
      expect(parseFrenchNumber(text)).toEqual({ ok: true, value });
    }
  });
});

describe('parseFrenchNumberList', () => {
  it.each<[string, number[]]>([
    ['10 ; 20 ; 25', [10, 20, 25]],
    ['0,8;1 200', [0.8, 1200]],
    [`1${NNBSP}200 ; 3 000,5 ;`, [1200, 3000.5]],
    ['', []],
    [' ; ', []]
  ])('« %s » → %j', (input, expected) => {
    expect(parseFrenchNumberList(input)).toEqual({ ok: true, values: expected });
  });

  it.each<[string, NumberRule, RegExp]>([
    ['10 ; 1,2,3', {}, /^Valeur 2 : .*plusieurs séparateurs/],
    ['abc', {}, /^« abc » n’est pas un nombre/],
    ['', { required: true }, /au moins un nombre/],
    ['5 ; 150', { max: 100 }, /^Valeur 2 : La valeur doit être inférieure ou égale à 100/]
  ])('« %s » is refused', (input, rule, message) => {
    const r = parseFrenchNumberList(input, rule);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe('formatNumberInput round-trips through the parser', () => {
  it.each<[number | null, number, boolean, string]>([
    [0.8, 3, true, '0,8'],
    [1200, 3, true, '1 200'],
    [1200.5, 1, true, '1 200,5'],
    [2030, 0, false, '2030'],
    [-3, 2, true, '-3'],
    [1.23456, 2, true, '1,23'],
    [null, 2, true, '']
  ])('%s (≤ %s decimals, grouping %s) → « %s »', (value, decimals, grouping, expected) => {
    const text = formatNumberInput(value, decimals, grouping);
    expect(text.replace(/\u202f/g, ' ')).toBe(expected);
    const back = parseFrenchNumber(text);
    expect(back.ok).toBe(true);
    if (back.ok && value !== null) expect(back.value).toBeCloseTo(value, decimals);
  });
});

describe('formatNumberInput writes what Intl fr-FR writes of the value rounded by toFixed', () => {
  it('on edge values and 2 000 others, with 0 to 3 decimals, grouped or not', () => {
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const values = [
      0,
      -0,
      -0.0001,
      0.5,
      1.005,
      0.8,
      10,
      100,
      1000,
      12000.5,
      -1234.5678,
      2030,
      1e20,
      ...Array.from({ length: 2000 }, () => (next() - 0.3) * 10 ** Math.floor(next() * 9))
    ];
    for (const maxDecimals of [0, 1, 2, 3]) {
      for (const grouping of [true, false]) {
        const intl = new Intl.NumberFormat('fr-FR', {
          maximumFractionDigits: maxDecimals,
          useGrouping: grouping
        });
        for (const value of values) {
          const expected = intl.format(Number(value.toFixed(maxDecimals)));
          expect([
            value,
            maxDecimals,
            grouping,
            formatNumberInput(value, maxDecimals, grouping)
          ]).toEqual([value, maxDecimals, grouping, expected === '-0' ? '0' : expected]);
        }
      }
    }
  });
});
