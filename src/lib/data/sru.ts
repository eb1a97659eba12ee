/**
 * Parser of « Communes et inventaire SRU » (DGALN/DHUP, data.gouv.fr): Windows-1252 bytes, `;`
 * separator, French decimals, dated column names (`Nombre_lls_ Inventaire_au_01_01_2024` — with a
 * space inside). The dates in the column names give the inventory date and the triennial period, so
 * another edition of the file parses without code change.
 */
import { assertUniqueRows, readCsvTable, validateRows } from './csv';
import { SourceFormatError } from './errors';
// Re-exported: the SRU step decodes with it.
export { decodeWindows1252 } from './windows-1252';
import { sruRawRowSchema, type SruRawRow } from '../schemas/sources/sru';

export interface SruTable {
  rows: (SruRawRow & { line: number })[];
  /** ISO date of the LLS inventory, from the column name (e.g. 2024-01-01). */
  inventoryDate: string;
  /** Triennial period of the target rate, from the column name (e.g. 2023-2025). */
  period: string;
  /** Lines where a recoverable quirk was read (e.g. « 38;62% »), for the report. */
  warnings: string[];
  /** Real column name of each key (e.g. lls → `Nombre_lls_ Inventaire_au_01_01_2024`), for messages. */
  columns: Record<string, string>;
}

const FIXED = {
  code: 'Code_INSEE_commune',
  epci: 'Code_SIREN_EPCI',
  nom: 'Nom_commune',
  deficitaire: 'commune_deficitaire',
  carencee: 'Commune_carencée'
} as const;

const DATE = String.raw`(\d{2})_(\d{2})_(\d{4})`;
const PATTERNS = {
  population: new RegExp(`^Population_municipale_${DATE}$`),
  subject: new RegExp(`^Commune_sru_au_${DATE}$`),
  lls: new RegExp(`^Nombre_lls_\\s*Inventaire_au_${DATE}$`, 'i'),
  ratePct: new RegExp(`^Taux_SRU_au_${DATE}$`),
  exemptee: /^Commune_exemptée_(\d{4})_(\d{4})$/,
  targetPct: /^Taux_cible_commune_(\d{4})_(\d{4})$/,
  levyEur: /^Prélèvement_net_(\d{4})/
} as const;

type Key = keyof typeof FIXED | keyof typeof PATTERNS;

/** Parse the SRU CSV text (already decoded). Throws a SourceFormatError naming file/line/field. */
export function parseSruCsv(text: string, file: string): SruTable {
  const table = readCsvTable(text, {
    file,
    delimiter: ';',
    requiredColumns: Object.values(FIXED)
  });
  const columns = { ...FIXED } as Record<Key, string>;
  let previousSubject: string | null = null;
  for (const [key, re] of Object.entries(PATTERNS) as [keyof typeof PATTERNS, RegExp][]) {
    // Several dated columns may match (Commune_sru_au_01_01_2025 and …_2024): take the latest.
    const matches = table.header.filter((h) => re.test(h)).sort(byDateDesc(re));
    const found = matches[0];
    if (found === undefined) {
      throw new SourceFormatError(file, `aucune colonne de l’en-tête ne correspond à ${re}`, {
        line: 1,
        field: key
      });
    }
    columns[key] = found;
    if (key === 'subject' && matches[1] !== undefined) previousSubject = matches[1];
  }
  if (previousSubject !== null)
    (columns as Record<string, string>).subjectPrevious = previousSubject;
  const inventoryDate = isoFromColumn(columns.lls, PATTERNS.lls);
  const periodMatch = PATTERNS.targetPct.exec(columns.targetPct);
  const period = periodMatch ? `${periodMatch[1]}-${periodMatch[2]}` : '';

  const warnings: string[] = [];
  const renamed = {
    header: Object.keys(columns),
    rows: table.rows.map(({ line, values }) => {
      const out: Record<string, string> = {};
      for (const [key, col] of Object.entries(columns)) out[key] = values[col] ?? '';
      if (/;/.test(out.ratePct ?? '')) {
        warnings.push(
          `ligne ${line} : taux « ${out.ratePct} » lu avec « ; » comme virgule décimale`
        );
      }
      return { line, values: out };
    })
  };
  let validated;
  try {
    validated = validateRows(renamed, sruRawRowSchema, file);
  } catch (e) {
    // Name the real column, not the internal key.
    if (e instanceof SourceFormatError && e.field !== null && e.field in columns) {
      const real = columns[e.field as Key];
      throw new SourceFormatError(file, e.detail, {
        ...(e.line !== null ? { line: e.line } : {}),
        field: real
      });
    }
    throw e;
  }
  const rows = validated.map(({ line, row }) => ({ ...row, line }));
  // One row per commune: a second row would silently replace the first one's figures.
  assertUniqueRows(rows, (r) => r.code, file, columns.code);
  return { rows, inventoryDate, period, warnings, columns };
}

/**
 * Rates outside 0–100 % (a misplaced comma: « 2126% » for 21,26 %). The national file has such
 * rows outside any given EPCI, so the caller decides: an error for a member, a warning otherwise.
 */
export function implausibleSruRates(
  table: SruTable,
  file: string
): { code: string; error: SourceFormatError }[] {
  const out: { code: string; error: SourceFormatError }[] = [];
  for (const r of table.rows) {
    for (const key of ['ratePct', 'targetPct'] as const) {
      const v = r[key];
      if (v !== null && (v < 0 || v > 100)) {
        out.push({
          code: r.code,
          error: new SourceFormatError(file, `taux de ${v} % hors de 0–100 %`, {
            line: r.line,
            id: r.code,
            field: table.columns[key] ?? key
          })
        });
      }
    }
  }
  return out;
}

function isoFromColumn(column: string, re: RegExp): string {
  const m = re.exec(column);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : '';
}

function byDateDesc(re: RegExp) {
  const key = (h: string) => {
    const m = re.exec(h);
    if (!m) return '';
    // dd_mm_yyyy → yyyymmdd; yyyy_yyyy stays as is.
    return m.length >= 4 ? `${m[3]}${m[2]}${m[1]}` : `${m[1]}${m[2] ?? ''}`;
  };
  return (a: string, b: string) => key(b).localeCompare(key(a));
}
