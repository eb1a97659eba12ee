import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseQpv2024List,
  parseQpvCorrespondance,
  parseQpvPopulation
} from '../../../src/lib/data/qpv';

const MIRROR = join(import.meta.dirname, '../../fixtures/sources/mirror');
const read = (p: string) => readFileSync(join(MIRROR, p), 'utf8');

describe('QPV CSV parsers', () => {
  it('reads the 2024 list, one row per QPV and commune', () => {
    const rows = parseQpv2024List(read('geo/qpv-2024-isere-liste.csv'), 'liste.csv');
    expect(rows.map((r) => [r.code_qp, r.insee_com, r.line])).toEqual([
      ['QN03001M', '30003', 2],
      ['QN03002N', '30133', 3],
      ['QN03003M', '30189', 4]
    ]);
  });

  it('rejects a 2015 code in the 2024 list', () => {
    const bad = read('geo/qpv-2024-isere-liste.csv').replace('QN03002N', 'QP030002');
    expect(() => parseQpv2024List(bad, 'liste.csv')).toThrow(
      'liste.csv, ligne 3, champ « code_qp » : code de QPV 2024 attendu, de la forme QN03801M (reçu « QP030002 »)'
    );
  });

  it('reads populations as numbers and codes as strings', () => {
    const rows = parseQpvPopulation(
      read('indicators/qpv/qpv_metropole_generation2015_ades.csv'),
      'pop.csv'
    );
    expect(rows[0]).toMatchObject({
      qpv_name: 'Quartier Fictif – Nord',
      code_insee: '30003',
      population_2018: 1234
    });
  });

  it('rejects a population CSV without the population column', () => {
    const bad = read('indicators/qpv/qpv_metropole_generation2015_ades.csv').replace(
      'population_2018',
      'pop'
    );
    expect(() => parseQpvPopulation(bad, 'pop.csv')).toThrow(
      'pop.csv, ligne 1, champ « population_2018 » : colonne « population_2018 » absente'
    );
  });

  it('requires each correspondence pair to cite its documentation', () => {
    expect(() =>
      parseQpvCorrespondance('code_2015,code_2024,documented_in\nQP038001,QN03801M,\n', 'c.csv')
    ).toThrow(
      'c.csv, ligne 2, champ « documented_in » : chaque couple doit citer où il est documenté'
    );
  });

  it('reads the repository correspondence, every pair documented', () => {
    const path = join(import.meta.dirname, '../../../data/qpv-correspondance-2015-2024.csv');
    const rows = parseQpvCorrespondance(readFileSync(path, 'utf8'), path);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.code_2015)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.code_2024)).size).toBe(rows.length);
  });
});
