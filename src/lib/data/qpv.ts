/** Parsers of the QPV CSV sources (2024 list, 2015 populations, 2015→2024 correspondence). */
import { readCsvTable, validateRows } from './csv';
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
  return validateRows(table, qpv2024ListRowSchema, file).map(({ line, row }) => ({ ...row, line }));
}

export function parseQpvPopulation(text: string, file: string): Lined<QpvPopulationRow>[] {
  const table = readCsvTable(text, {
    file,
    delimiter: ',',
    requiredColumns: ['qpv_name', 'code_insee', 'population_2018']
  });
  return validateRows(table, qpvPopulationRowSchema, file).map(({ line, row }) => ({
    ...row,
    line
  }));
}

export function parseQpvCorrespondance(text: string, file: string): Lined<QpvCorrespondanceRow>[] {
  const table = readCsvTable(text, {
    file,
    delimiter: ',',
    requiredColumns: ['code_2015', 'code_2024', 'documented_in']
  });
  return validateRows(table, qpvCorrespondanceRowSchema, file).map(({ line, row }) => ({
    ...row,
    line
  }));
}
