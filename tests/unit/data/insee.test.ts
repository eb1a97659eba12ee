import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInseeComparateur } from '../../../src/lib/data/insee';

const text = readFileSync(
  join(
    import.meta.dirname,
    '../../fixtures/sources/mirror/indicators/logement/insee_base_cc_comparateur_rp2022_metropole_extract.csv'
  ),
  'utf8'
);

describe('parseInseeComparateur', () => {
  const table = parseInseeComparateur(text, 'insee.csv');

  it('reads the census and income years from the column names', () => {
    expect(table.censusYear).toBe(2022);
    expect(table.incomeYear).toBe(2021);
    // The earlier census (P16_POP) gives the population change.
    expect(table.previousCensusYear).toBe(2016);
  });

  it('reads a file without an earlier census, with no previous population', () => {
    const only = parseInseeComparateur(text.replace('P16_POP', 'X16_POP'), 'insee.csv');
    expect(only.previousCensusYear).toBeNull();
    expect(only.rows[0]?.populationPrevious).toBeUndefined();
  });

  it('reads decimal dots, decimal commas and keeps « s » as secret, distinct from 0', () => {
    expect(table.rows[0]).toEqual({
      code: '30003',
      population: 9000,
      logements: 5000.25,
      residencesPrincipales: 4000.5,
      logementsVacants: 399,
      proprietaires: 2100.125,
      revenuMedianEur: 21000,
      tauxPauvretePct: 17.5,
      populationPrevious: 8800,
      line: 2
    });
    expect(table.rows[1]).toMatchObject({ revenuMedianEur: 'secret', tauxPauvretePct: 'secret' });
  });

  it('rejects a non-numeric value, naming the INSEE column', () => {
    const bad = text.replace(';21000;', ';vingt;');
    expect(() => parseInseeComparateur(bad, 'insee.csv')).toThrow(
      'insee.csv, ligne 2, champ « MED21 » : nombre ou « s » (secret statistique) attendu (reçu « vingt »)'
    );
  });

  it('rejects a file without the housing columns', () => {
    const bad = text.replace('P22_LOGVAC', 'P22_VAC');
    expect(() => parseInseeComparateur(bad, 'insee.csv')).toThrow(
      'insee.csv, ligne 1, champ « P22_LOGVAC » : colonne « P22_LOGVAC » absente de l’en-tête'
    );
  });
});
