/** Parser of the transcribed PLH figures (CSV, UTF-8, comma-separated, one figure per row). */
import { readCsvTable, validateRows } from './csv';
import { plhObjectifRowSchema, type PlhObjectifRow } from '../schemas/sources/plh-objectifs';

export function parsePlhObjectifs(
  text: string,
  file: string
): (PlhObjectifRow & { line: number })[] {
  const table = readCsvTable(text, {
    file,
    delimiter: ',',
    requiredColumns: [
      'plh_period',
      'scope',
      'code_insee',
      'nom',
      'indicator',
      'value',
      'unit',
      'source_url',
      'source_publisher',
      'source_date',
      'note'
    ]
  });
  return validateRows(table, plhObjectifRowSchema, file).map(({ line, row }) => ({ ...row, line }));
}
