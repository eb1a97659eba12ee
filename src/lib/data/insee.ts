/**
 * Parser of the INSEE « Base du comparateur de territoires » CSV (`;`, `s` = statistical secrecy,
 * decimal dot in census columns and decimal comma in income columns). Census columns are prefixed
 * with the census year (P22_…) and income columns suffixed with the Filosofi year (MED21): the
 * years are read from the header, so another vintage parses without code change.
 */
import { assertUniqueRows, readCsvTable, validateRows } from './csv';
import { SourceFormatError } from './errors';
import { inseeRawRowSchema, type InseeRawRow } from '../schemas/sources/insee';

export interface InseeTable {
  rows: (InseeRawRow & { line: number })[];
  /** Census year, e.g. 2022 (from P22_POP). */
  censusYear: number;
  /** Earlier census year of the file (2016 from P16_POP), or null. */
  previousCensusYear: number | null;
  /** Filosofi year, e.g. 2021 (from MED21). */
  incomeYear: number;
  /** Real column name of each key (e.g. logements → P22_LOG), for messages. */
  columns: Record<string, string>;
}

type Stat = number | 'secret' | null;
const num = (v: Stat): number | null => (typeof v === 'number' ? v : null);

/**
 * Figures that cannot be: a part larger than its whole (vacant or main homes above all homes,
 * owners above main homes: a vacancy rate over 100 %), a poverty rate outside 0–100 %.
 */
function implausible(
  row: InseeRawRow
): { key: keyof typeof CENSUS | keyof typeof INCOME; detail: string } | null {
  const parts = [
    [
      'logementsVacants',
      'logements',
      'plus de logements vacants que de logements (vacance au-delà de 100 %)'
    ],
    ['residencesPrincipales', 'logements', 'plus de résidences principales que de logements'],
    [
      'proprietaires',
      'residencesPrincipales',
      'plus de ménages propriétaires que de résidences principales'
    ]
  ] as const;
  for (const [part, whole, what] of parts) {
    const p = num(row[part]);
    const w = num(row[whole]);
    if (p !== null && w !== null && p > w) return { key: part, detail: `${what} (${p} > ${w})` };
  }
  const poverty = num(row.tauxPauvretePct);
  if (poverty !== null && (poverty < 0 || poverty > 100)) {
    return { key: 'tauxPauvretePct', detail: `taux de pauvreté de ${poverty} % hors de 0–100 %` };
  }
  return null;
}

const CENSUS = {
  population: 'POP',
  logements: 'LOG',
  residencesPrincipales: 'RP',
  logementsVacants: 'LOGVAC',
  proprietaires: 'RP_PROP'
} as const;
const INCOME = { revenuMedianEur: 'MED', tauxPauvretePct: 'TP60' } as const;

export function parseInseeComparateur(text: string, file: string): InseeTable {
  const table = readCsvTable(text, { file, delimiter: ';', requiredColumns: ['CODGEO'] });
  // Latest census first; an earlier one (P16_POP), when present, gives the population change.
  const censusYears = table.header
    .map((h) => /^P(\d{2})_POP$/.exec(h)?.[1])
    .filter((y): y is string => y !== undefined)
    .sort((a, b) => Number(b) - Number(a));
  const census = censusYears[0];
  const previousCensus = censusYears[1];
  const income = table.header.map((h) => /^MED(\d{2})$/.exec(h)?.[1]).find(Boolean);
  if (!census) {
    throw new SourceFormatError(file, 'colonne du recensement absente (de la forme « P22_POP »)', {
      line: 1,
      field: 'P22_POP'
    });
  }
  if (!income) {
    throw new SourceFormatError(file, 'colonne des revenus absente (de la forme « MED21 »)', {
      line: 1,
      field: 'MED21'
    });
  }
  const columns: Record<string, string> = { code: 'CODGEO' };
  for (const [key, suffix] of Object.entries(CENSUS)) columns[key] = `P${census}_${suffix}`;
  for (const [key, prefix] of Object.entries(INCOME)) columns[key] = `${prefix}${income}`;
  if (previousCensus !== undefined) columns.populationPrevious = `P${previousCensus}_POP`;
  for (const col of Object.values(columns)) {
    if (!table.header.includes(col)) {
      throw new SourceFormatError(file, `colonne « ${col} » absente de l’en-tête`, {
        line: 1,
        field: col
      });
    }
  }
  const renamed = {
    header: Object.keys(columns),
    rows: table.rows.map(({ line, values }) => {
      const out: Record<string, string> = {};
      for (const [key, col] of Object.entries(columns)) out[key] = values[col] ?? '';
      return { line, values: out };
    })
  };
  let validated;
  try {
    validated = validateRows(renamed, inseeRawRowSchema, file);
  } catch (e) {
    if (e instanceof SourceFormatError && e.field !== null && columns[e.field] !== undefined) {
      throw new SourceFormatError(file, e.detail, {
        ...(e.line !== null ? { line: e.line } : {}),
        field: columns[e.field]
      });
    }
    throw e;
  }
  const rows = validated.map(({ line, row }) => ({ ...row, line }));
  assertUniqueRows(rows, (r) => r.code, file, 'CODGEO');
  for (const r of rows) {
    const bad = implausible(r);
    if (bad) {
      throw new SourceFormatError(file, bad.detail, {
        line: r.line,
        id: r.code,
        field: columns[bad.key] ?? bad.key
      });
    }
  }
  return {
    rows,
    censusYear: 2000 + Number(census),
    previousCensusYear: previousCensus !== undefined ? 2000 + Number(previousCensus) : null,
    incomeYear: 2000 + Number(income),
    columns
  };
}
