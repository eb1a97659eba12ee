import { describe, expect, it } from 'vitest';
import {
  deNom,
  parceQue,
  territoryWords
} from '../../../../src/lib/components/sheet/territory-text';

describe('deNom', () => {
  it.each([
    ['Grenoble', 'de Grenoble'],
    ['Le Gua', 'du Gua'],
    ['Le Pont-de-Claix', 'du Pont-de-Claix'],
    ['Les Adrets', 'des Adrets'],
    ['La Tronche', 'de La Tronche'],
    ['Échirolles', 'd’Échirolles'],
    ['Eybens', 'd’Eybens'],
    ['Herbeys', 'd’Herbeys'],
    ['Saint-Égrève', 'de Saint-Égrève']
  ])('%s → %s', (nom, expected) => {
    expect(deNom(nom)).toBe(expected);
  });
});

describe('parceQue', () => {
  it.each([
    ['Grenoble', 'Parce que Grenoble'],
    ['Échirolles', 'Parce qu’Échirolles'],
    ['Eybens', 'Parce qu’Eybens'],
    ['le quartier', 'Parce que le quartier'],
    ['Le Gua', 'Parce que Le Gua']
  ])('%s → %s', (next, expected) => {
    expect(parceQue(next)).toBe(expected);
  });
});

describe('territoryWords', () => {
  it('never writes « de le quartier »', () => {
    expect(territoryWords('qpv', 'Mistral')).toEqual({
      subject: 'le quartier',
      of: 'du quartier Mistral'
    });
    expect(territoryWords('commune', 'Le Gua').of).toBe('du Gua');
  });
});
