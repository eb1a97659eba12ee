/**
 * CSV reading shared by the source parsers: papaparse with `dynamicTyping: false` (INSEE codes stay
 * strings), header checks, field-count checks, then a zod schema per row. Every error names the
 * file, the line and the field.
 */
import Papa from 'papaparse';
import type { z } from 'zod';
import { SourceFormatError } from './errors';

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
  if (clean.trim() === '') throw new SourceFormatError(file, 'file is empty');
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
      `unbalanced quotes (${quoteError.message}): the following lines may have been merged into this row`,
      { line: (quoteError.row ?? 0) + 1, ...(field ? { field } : {}) }
    );
  }
  if (!header) throw new SourceFormatError(file, 'no header line');
  const names = header.map((h) => h.trim());
  for (const column of requiredColumns) {
    if (!names.includes(column)) {
      throw new SourceFormatError(file, `missing column "${column}" in the header`, {
        line: 1,
        field: column
      });
    }
  }
  if (data.length === 0) {
    // A header alone would give every territory a zero: an empty source is an error.
    throw new SourceFormatError(
      file,
      'the file has a header but no data row (empty or cut source)',
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
        `expected ${names.length} fields, found ${cells.length} (truncated or shifted row)`,
        { line }
      );
    }
    const multiLine = cells.findIndex((c) => c.includes('\n'));
    if (multiLine >= 0) {
      // Official files have no multi-line cell: a quote left open swallowed the next lines.
      throw new SourceFormatError(
        file,
        'a quoted value runs over several lines: a quote is not closed and the following lines were merged into this row',
        { line, field: names[multiLine] ?? `column ${multiLine + 1}` }
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
        `${issue?.message ?? 'invalid row'}${value !== undefined ? ` (got "${value}")` : ''}`,
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
      throw new SourceFormatError(file, `duplicate key ${k} (first on line ${first})`, {
        line: r.line,
        field
      });
    }
    seen.set(k, r.line);
  }
}
