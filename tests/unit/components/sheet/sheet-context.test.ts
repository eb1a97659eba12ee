import { describe, expect, it } from 'vitest';
import { shortTitle } from '../../../../src/lib/components/sheet/sheet-context';

describe('shortTitle', () => {
  it.each([
    ['Communes et inventaire SRU (édition 2025 v2)', 'Communes et inventaire SRU'],
    ['Réseau M réso (ex-TAG) : arrêts et lignes, extraits du GTFS', 'Réseau M réso'],
    [
      'Revenus, pauvreté et niveau de vie — données carroyées (agrégées à 1 km)',
      'Revenus, pauvreté et niveau de vie'
    ],
    ['Découpage administratif : communes, EPCI', 'Découpage administratif'],
    ['Tracés des lignes M réso', 'Tracés des lignes M réso']
  ])('%s → %s', (title, expected) => {
    expect(shortTitle(title)).toBe(expected);
  });
});
