/**
 * CSV reading shared by the source parsers: papaparse with `dynamicTyping: false` (INSEE codes stay
 * strings), header checks, field-count checks, then a zod schema per row. Every error names the
 * file, the line and the field, in French.
 */
import Papa from 'papaparse';
import type { z } from 'zod';
import { SourceFormatError } from './errors';

/** papaparse's problems in French (its own messages are English); unknown codes keep its text. */
const PARSE_ERRORS: Record<Papa.ParseError['code'], string> = {
  MissingQuotes: 'champ entre guillemets jamais fermé',
  InvalidQuotes: 'guillemet fermant suivi d’autres caractères dans un champ entre guillemets',
  UndetectableDelimiter: 'séparateur de champs introuvable',
  TooFewFields: 'trop peu de champs',
  TooManyFields: 'trop de champs'
};

/** French description of a papaparse error. */
export function csvParseErrorText(error: Pick<Papa.ParseError, 'code' | 'message'>): string {
  return PARSE_ERRORS[error.code] ?? error.message;
}

export interface CsvTable {
  header: string[];
  /** Data rows keyed by header name; `line` is the 1-based line in the file (header = 1). */
  rows: { line: number; values: Record<string, string> }[];
}

/** Parse CSV text into rows keyed by column name, checking that `requiredColumns` exist. */
export function readCsvTable(
  text: string,
  options: { file: string; delimiter: ';' | ','; requiredColumns: readonly string[] }
): CsvTable {
  const { file, delimiter, requiredColumns } = options;
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (clean.trim() === '') throw new SourceFormatError(file, 'fichier vide');
  const parsed = Papa.parse<string[]>(clean, {
    delimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: true
  });
  const [header, ...data] = parsed.data;
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    // The column whose quote swallowed the following lines, when it can be seen.
    const cells = parsed.data[quoteError.row ?? -1] ?? [];
    const column = cells.findIndex((c) => c.includes('\n'));
    const field = header?.[column]?.trim();
    throw new SourceFormatError(
      file,
      `guillemets déséquilibrés (${csvParseErrorText(quoteError)}) : les lignes suivantes ont pu être fusionnées dans celle-ci`,
      { line: (quoteError.row ?? 0) + 1, ...(field ? { field } : {}) }
    );
  }
  if (!header) throw new SourceFormatError(file, 'pas de ligne d’en-tête');
  const names = header.map((h) => h.trim());
  for (const column of requiredColumns) {
    if (!names.includes(column)) {
      throw new SourceFormatError(file, `colonne « ${column} » absente de l’en-tête`, {
        line: 1,
        field: column
      });
    }
  }
  if (data.length === 0) {
    // A header alone would give every territory a zero: an empty source is an error.
    throw new SourceFormatError(
      file,
      'aucune ligne de données après l’en-tête (source vide ou tronquée)',
      {
        line: 2
      }
    );
  }
  const rows = data.map((cells, i) => {
    // skipEmptyLines drops blank lines, so the line number is exact only without blank lines
    // inside the data, which official files do not have.
    const line = i + 2;
    if (cells.length !== names.length) {
      throw new SourceFormatError(
        file,
        `${names.length} champs attendus, ${cells.length} trouvés (ligne tronquée ou décalée)`,
        { line }
      );
    }
    const multiLine = cells.findIndex((c) => c.includes('\n'));
    if (multiLine >= 0) {
      // Official files have no multi-line cell: a quote left open swallowed the next lines.
      throw new SourceFormatError(
        file,
        'valeur entre guillemets sur plusieurs lignes : un guillemet n’est pas fermé et les lignes suivantes ont été fusionnées dans celle-ci',
        { line, field: names[multiLine] ?? `colonne ${multiLine + 1}` }
      );
    }
    const values: Record<string, string> = {};
    names.forEach((name, j) => {
      values[name] = cells[j] ?? '';
    });
    return { line, values };
  });
  return { header: names, rows };
}

/** Validate every row with `schema`; the first invalid row throws, naming its line and field. */
export function validateRows<S extends z.ZodType>(
  table: CsvTable,
  schema: S,
  file: string
): { line: number; row: z.infer<S> }[] {
  return table.rows.map(({ line, values }) => {
    const result = schema.safeParse(values);
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue?.path[0];
      const value = typeof field === 'string' ? values[field] : undefined;
      throw new SourceFormatError(
        file,
        `${issue?.message ?? 'ligne invalide'}${value !== undefined ? ` (reçu « ${value} »)` : ''}`,
        { line, ...(typeof field === 'string' ? { field } : {}) }
      );
    }
    return { line, row: result.data };
  });
}

/**
 * Throw on the second row with the same key (`key` may join several columns), naming both lines:
 * a duplicate would silently replace, or double, the first row's figures.
 */
export function assertUniqueRows<R extends { line: number }>(
  rows: readonly R[],
  key: (row: R) => string,
  file: string,
  field: string
): void {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    const first = seen.get(k);
    if (first !== undefined) {
      throw new SourceFormatError(file, `clé en double « ${k} » (déjà ligne ${first})`, {
        line: r.line,
        field
      });
    }
    seen.set(k, r.line);
  }
}
