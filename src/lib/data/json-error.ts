/**
 * French description of a `JSON.parse` failure. The engines' messages are English and differ
 * (V8: « Unexpected token } in JSON at position 12 », « Expected ',' or '}' after property value in
 * JSON at position 40 (line 3 column 5) », « Unexpected end of JSON input »; Firefox: « JSON.parse:
 * unexpected character at line 1 column 2 of the JSON data »; Safari: « JSON Parse error: Unexpected
 * EOF »): only the place where parsing stopped and whether the text ended too early are taken
 * from them, never their words. Pure.
 */

/** Where and why `JSON.parse` failed; line and column are 1-based, absent when unknown. */
export interface JsonSyntaxProblem {
  line?: number;
  column?: number;
  /** The text is empty (spaces only). */
  empty: boolean;
  /** The text stops before the end of the data (a truncated download or copy). */
  truncated: boolean;
}

const END_OF_INPUT = /end of (?:JSON input|data)|Unexpected EOF/i;
const LINE_COLUMN = /line (\d+) column (\d+)/;
const POSITION = /position (\d+)/;

/** Line and column (1-based) of the character at `index` of `text`. */
function placeOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  return {
    line: before.split('\n').length,
    column: before.length - before.lastIndexOf('\n')
  };
}

/** Reads the place and kind of a `JSON.parse(text)` failure from the engine's `error`. */
export function jsonSyntaxProblem(text: string, error: unknown): JsonSyntaxProblem {
  const message = error instanceof Error ? error.message : String(error);
  const end = text.trimEnd().length;
  if (end === 0) return { empty: true, truncated: false };
  const position = POSITION.exec(message);
  const index = position ? Number(position[1]) : undefined;
  const truncated = END_OF_INPUT.test(message) || (index !== undefined && index >= end);
  const lineColumn = LINE_COLUMN.exec(message);
  const place = lineColumn
    ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
    : index !== undefined
      ? placeOf(text, index)
      : truncated
        ? placeOf(text, end)
        : {};
  return { ...place, empty: false, truncated };
}

/**
 * « JSON invalide à la ligne 3, colonne 5 », « JSON invalide à la ligne 12, colonne 8 : le texte
 * s'arrête avant la fin des données (fichier tronqué ?) », « JSON invalide : fichier vide », or
 * « JSON invalide » when the engine does not say where.
 */
export function jsonSyntaxDetail(text: string, error: unknown): string {
  const problem = jsonSyntaxProblem(text, error);
  if (problem.empty) return 'JSON invalide : fichier vide';
  const place =
    problem.line !== undefined && problem.column !== undefined
      ? ` à la ligne ${problem.line}, colonne ${problem.column}`
      : '';
  const reason = problem.truncated
    ? " : le texte s'arrête avant la fin des données (fichier tronqué ?)"
    : '';
  return `JSON invalide${place}${reason}`;
}
