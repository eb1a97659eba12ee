import { describe, expect, it } from 'vitest';
import {
  communeAriaLabel,
  countedName,
  figureText,
  qpvAriaLabel,
  selectionText,
  type CommuneFigure
} from '../../../../src/lib/components/explorer/territory-text';
import type { IndicatorValue } from '../../../../src/lib/schemas/indicators';

const N = '\u202f';
const rate = { label: 'Taux de LLS', unit: '%', decimals: 1 };
const ok = (value: number): IndicatorValue => ({
  value,
  status: 'ok',
  estimate: false,
  low: null,
  high: null
});

describe('figureText / selectionText / communeAriaLabel', () => {
  it.each<[string, CommuneFigure, string]>([
    ['a count of propositions', { count: 12 }, '12 proposition(s) ciblée(s)'],
    ['no proposition', { count: 0 }, '0 proposition(s) ciblée(s)'],
    [
      'an indicator value, French format',
      { definition: rate, value: ok(22.5) },
      `Taux de LLS 22,5${N}%`
    ],
    [
      'not applicable (never « 0 % »)',
      {
        definition: rate,
        value: { value: null, status: 'not_applicable', estimate: false, low: null, high: null }
      },
      'Taux de LLS non concernée'
    ],
    [
      'a commune without a value',
      { definition: rate, value: undefined },
      'Taux de LLS pas de donnée'
    ]
  ])('%s', (_name, figure, expected) => {
    expect(figureText(figure)).toBe(expected);
    expect(selectionText('Échirolles', figure)).toBe(`Échirolles sélectionnée : ${expected}.`);
    expect(communeAriaLabel('Grenoble', figure)).toBe(`Grenoble : ${expected}`);
  });
});

describe('qpvAriaLabel', () => {
  it('names the district and says the link opens its sheet', () => {
    expect(qpvAriaLabel('Villeneuve')).toBe('Villeneuve : quartier prioritaire, ouvrir sa fiche');
  });
});

describe('countedName', () => {
  it.each([
    ['workshop items only', 12, 0, 'Meylan (12)'],
    ['meeting contributions counted apart', 12, 2, 'Meylan (12 + 2 en réunion)'],
    ['only meeting contributions', 0, 1, 'Meylan (0 + 1 en réunion)']
  ] as const)('%s', (_name, count, heard, expected) => {
    expect(countedName('Meylan', count, heard)).toBe(expected);
  });
});
