/** Parsers of the QPV CSV sources (2024 list, 2015 populations, 2015→2024 correspondence). */
import { assertUniqueRows, readCsvTable, validateRows } from './csv';
import {
  qpv2024ListRowSchema,
  qpvCorrespondanceRowSchema,
  qpvPopulationRowSchema,
  type Qpv2024ListRow,
  type QpvCorrespondanceRow,
  type QpvPopulationRow
} from '../schemas/sources/qpv';

type Lined<T> = T & { line: number };

export function parseQpv2024List(text: string, file: string): Lined<Qpv2024ListRow>[] {
  const table = readCsvTable(text, {
    file,
    delimiter: ',',
    requiredColumns: ['code_qp', 'lib_qp', 'insee_com']
  });
  const rows = validateRows(table, qpv2024ListRowSchema, file).map(({ line, row }) => ({
    ...row,
    line
  }));
  // One row per QPV and commune (a QPV over two communes has two rows): that pair is the key.
  assertUniqueRows(rows, (r) => `${r.code_qp} × ${r.insee_com}`, file, 'code_qp');
  return rows;
}

export function parseQpvPopulation(text: string, file: string): Lined<QpvPopulationRow>[] {
  const table = readCsvTable(text, {
    file,
    delimiter: ',',
    requiredColumns: ['qpv_name', 'code_insee', 'population_2018']
  });
  const rows = validateRows(table, qpvPopulationRowSchema, file).map(({ line, row }) => ({
    ...row,
    line
  }));
  assertUniqueRows(rows, (r) => `${r.qpv_name} × ${r.code_insee}`, file, 'qpv_name');
  return rows;
}

export function parseQpvCorrespondance(text: string, file: string): Lined<QpvCorrespondanceRow>[] {
  const table = readCsvTable(text, {
    file,
    delimiter: ',',
    requiredColumns: ['code_2015', 'code_2024', 'documented_in']
  });
  const rows = validateRows(table, qpvCorrespondanceRowSchema, file).map(({ line, row }) => ({
    ...row,
    line
  }));
  // Each 2015 QPV has one successor at most, each 2024 QPV one predecessor at most.
  assertUniqueRows(rows, (r) => r.code_2015, file, 'code_2015');
  assertUniqueRows(rows, (r) => r.code_2024, file, 'code_2024');
  return rows;
}
