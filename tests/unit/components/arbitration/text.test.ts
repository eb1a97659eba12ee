import { describe, expect, it } from 'vitest';
import {
  compareLinkNotice,
  fileSlug,
  printedSources,
  signed,
  solverAppliedText
} from '../../../../src/lib/components/arbitration/text';

describe('fileSlug', () => {
  it.each([
    ['accents dropped, lower case', 'Rythme triennal actuel', 'rythme-triennal-actuel'],
    ['French letters', 'Échirolles — hypothèse été', 'echirolles-hypothese-ete'],
    ['runs of signs become one dash, none at the ends', '  (v2) : +10 % !', 'v2-10'],
    ['nothing usable', '« … »', 'scenario'],
    ['empty', '', 'scenario']
  ] as const)('%s', (_name, input, expected) => {
    expect(fileSlug(input)).toBe(expected);
  });
});

describe('signed', () => {
  it.each([
    ['a surplus gets a plus sign', 12, '+12'],
    ['thousands grouped the French way', 1234, '+1\u202f234'],
    ['zero has no sign', 0, '0'],
    ['a shortfall has a minus', -3, '-3'],
    ['a large shortfall', -1250, '-1\u202f250']
  ] as const)('%s', (_name, input, expected) => {
    expect(signed(input)).toBe(expected);
  });
});

describe('compareLinkNotice', () => {
  it('says nothing when every commune of the link is compared', () => {
    expect(compareLinkNotice([])).toBeNull();
  });
  it('names the communes left out', () => {
    expect(compareLinkNotice(['99999', '38185'])).toBe(
      'Lien de comparaison : 99999, 38185 ignoré(s) (commune inconnue ou plus de 4 communes).'
    );
  });
});

describe('solverAppliedText', () => {
  it.each([
    [
      'production pour atteindre la cible en 2031 appliquée à Meylan',
      1,
      'Production pour atteindre la cible en 2031 appliquée à Meylan (1 commune(s)).'
    ],
    [
      'répartition tenant les objectifs triennaux L302-8 de chaque commune appliquée',
      22,
      'Répartition tenant les objectifs triennaux L302-8 de chaque commune appliquée (22 commune(s)).'
    ]
  ] as const)('%s', (label, n, expected) => {
    expect(solverAppliedText(label, n)).toBe(expected);
  });
});

describe('printedSources', () => {
  const law =
    'CCH art. L302-5 (taux cibles) et L302-8 (rattrapage triennal), paramètres de rattrapage de l’Atlas';
  it('cites the inventory and the law, no CMS line without contracts', () => {
    expect(printedSources('DGALN, 2024', [])).toEqual(['Inventaire SRU : DGALN, 2024', law]);
  });
  it('lists each contract source once, in order', () => {
    expect(
      printedSources('DGALN, 2024', ['https://a.fr/1', 'https://b.fr/2', 'https://a.fr/1'])
    ).toEqual([
      'Inventaire SRU : DGALN, 2024',
      law,
      'Contrats de mixité sociale : https://a.fr/1, https://b.fr/2'
    ]);
  });
});
