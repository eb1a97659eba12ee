import { describe, expect, it } from 'vitest';
import { sortRows, type TableRow } from '../../../../src/lib/components/table/sort-rows';
import type { IndicatorValue, SruStatus } from '../../../../src/lib/schemas/indicators';
import { ok } from '../../../fixtures/indicators/values';

const na: IndicatorValue = {
  value: null,
  status: 'not_applicable',
  estimate: false,
  low: null,
  high: null
};
const row = (
  nom: string,
  rate: IndicatorValue,
  missing: IndicatorValue,
  sruStatus: SruStatus
): TableRow => ({
  code: nom,
  nom,
  value: rate,
  values: { sru_taux_lls: rate, sru_lls_manquants: missing },
  sruStatus
});

// Made-up communes.
const rows = [
  row('Eybens', ok(17.2), ok(120), 'deficitaire'),
  row('Échirolles', ok(39.1), ok(0), 'conforme'),
  row('Bresson', na, na, 'non_soumise'),
  row('Domène', ok(12.4), ok(300), 'carencee')
];
const names = (r: TableRow[]) => r.map((x) => x.nom);

describe('sortRows', () => {
  it.each([
    ['name, French order', 'nom', 'asc', ['Bresson', 'Domène', 'Échirolles', 'Eybens']],
    ['map column, largest first', 'value', 'desc', ['Échirolles', 'Eybens', 'Domène', 'Bresson']],
    ['map column, smallest first', 'value', 'asc', ['Domène', 'Eybens', 'Échirolles', 'Bresson']],
    [
      'an extra column, no-data last',
      'sru_lls_manquants',
      'desc',
      ['Domène', 'Eybens', 'Échirolles', 'Bresson']
    ],
    [
      'SRU status, most pressing first',
      'statut_sru',
      'asc',
      ['Domène', 'Eybens', 'Échirolles', 'Bresson']
    ],
    ['SRU status, reversed', 'statut_sru', 'desc', ['Bresson', 'Échirolles', 'Eybens', 'Domène']]
  ] as const)('%s', (_name, key, dir, expected) => {
    expect(names(sortRows(rows, key, dir))).toEqual(expected);
  });
});
