import { describe, expect, it } from 'vitest';
import { figureText, formatWithUnit } from '../../../../src/lib/components/sheet/figure-text';
import { ok } from '../../../fixtures/indicators/values';

const n = (s: string | null) => (s === null ? null : s.replace(/\u202f/g, ' '));

describe('formatWithUnit', () => {
  it.each([
    [14.25, '%', 1, '14,3 %'],
    [46559, '€', 0, '46 559 €'],
    [350.4, 'm', 0, '350 m'],
    [1234, 'm', 0, '1,2 km'],
    [1234, 'logements', 0, '1 234 logements'],
    [1.234, 'arrêts pour 1 000 hab.', 2, '1,23 arrêts pour 1 000 hab.'],
    [3, '', 0, '3']
  ])('%s %s (%s decimals) = %s', (x, unit, decimals, expected) => {
    expect(n(formatWithUnit(x, { unit, decimals }))).toBe(expected);
  });
});

describe('figureText', () => {
  const logements = { unit: 'logements', decimals: 0 };

  it('writes a plain value with its unit and no range', () => {
    expect(figureText(ok(800), logements)).toEqual({
      text: '800\u202flogements',
      missing: false,
      range: null
    });
  });

  it('gives an estimate its range', () => {
    const t = figureText(
      { value: 323, status: 'ok', estimate: true, low: 319.2, high: 327 },
      logements
    );
    expect(n(t.text)).toBe('323 logements');
    expect(n(t.range)).toBe('entre 319 et 327 logements');
  });

  it('gives no range when it rounds to one value (no deficit above target)', () => {
    const t = figureText({ value: 0, status: 'ok', estimate: true, low: 0, high: 0 }, logements);
    expect(n(t.text)).toBe('0 logements');
    expect(t.range).toBeNull();
  });

  it.each([
    ['secret', 'secret statistique'],
    ['no_data', 'pas de donnée'],
    ['not_applicable', 'sans objet']
  ] as const)('status %s reads « %s », never 0', (status, expected) => {
    const t = figureText(
      { value: null, status, estimate: false, low: null, high: null },
      logements
    );
    expect(t).toEqual({ text: expected, missing: true, range: null });
  });

  it('treats an absent value as « pas de donnée »', () => {
    expect(figureText(undefined, logements).text).toBe('pas de donnée');
  });
});
