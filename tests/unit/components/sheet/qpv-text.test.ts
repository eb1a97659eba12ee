import { describe, expect, it } from 'vitest';
import {
  generationLabel,
  listOnly2024,
  qpvOneLine,
  successorText
} from '../../../../src/lib/components/sheet/qpv-text';
import type { QpvProperties } from '../../../../src/lib/schemas/outputs';

// Made-up QPV in the contract's shape.
const base: QpvProperties = {
  code: 'QP099001',
  nom: 'Quartier Test',
  communes: ['99001'],
  generation: '2015',
  code2024: 'QN09901M',
  nom2024: 'Quartier Test Élargi',
  contourModified2024: true,
  areaHa: 12,
  population: null,
  populationRef: null,
  geometryRef: { source: 'qpv-2015', vintage: '2015' }
};

describe('QPV wording', () => {
  it('names the generation', () => {
    expect(generationLabel('2015')).toBe('périmètre 2015');
    expect(generationLabel('2024')).toBe('périmètre 2024');
  });

  it.each([
    [
      {},
      'Devenu en 2024 le QPV QN09901M « Quartier Test Élargi ». Son contour a été modifié en 2024 : le périmètre 2015 affiché n’en est qu’une approximation.'
    ],
    [
      { contourModified2024: false },
      'Devenu en 2024 le QPV QN09901M « Quartier Test Élargi ». Contour inchangé en 2024.'
    ],
    [{ contourModified2024: null, nom2024: null }, 'Devenu en 2024 le QPV QN09901M.'],
    [{ code2024: null }, 'Pas de QPV 2024 correspondant dans les sources.'],
    [{ generation: '2024' as const }, null]
  ])('successor of %j', (over, expected) => {
    expect(successorText({ ...base, ...over })).toBe(expected);
  });

  it.each([
    [{}, 'Quartier Test (QP099001, périmètre 2015, devenu QN09901M en 2024)'],
    [{ code2024: null }, 'Quartier Test (QP099001, périmètre 2015)'],
    // A 2024 perimeter is its own successor: no « devenu » repeating its code.
    [
      { generation: '2024' as const, code: 'QN09901M', code2024: 'QN09901M' },
      'Quartier Test (QN09901M, périmètre 2024)'
    ]
  ])('one line for %j', (over, expected) => {
    expect(qpvOneLine({ ...base, ...over })).toBe(expected);
  });

  it('keeps only the 2024 QPV whose perimeter is not drawn', () => {
    const list = [
      { code: 'QN09901M', nom: 'a', communes: ['99001'], code2015: 'QP099001' },
      { code: 'QN09902N', nom: 'b', communes: ['99001'], code2015: null }
    ];
    expect(listOnly2024(list, [base]).map((e) => e.code)).toEqual(['QN09902N']);
  });
});
