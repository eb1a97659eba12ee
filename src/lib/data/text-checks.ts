/**
 * Checks on the decoded text of a source, before any parser reads it: a wrong encoding (Latin-1
 * bytes decoded as UTF-8 give « � »; UTF-8 bytes decoded as Windows-1252 give « Ã© ») and, for CSV,
 * a last line cut mid-row. Each problem is located: line and column name for CSV, feature index,
 * property and identifier for GeoJSON, so that the message names the file, the place and the field.
 * Pure string functions (no Node API).
 */
import { SourceFormatError } from './errors';

export type SourceEncoding = 'utf-8' | 'windows-1252';

/**
 * UTF-8 sequences of French letters and punctuation read as Windows-1252 (or Latin-1): « é » →
 * « Ã© », « à » → « Ã\u00a0 », « € » → « â‚¬ », « ’ » → « â€™ ». No French text writes « Ã » or
 * « Â » before such a character, so a match means double decoding.
 */
const MOJIBAKE =
  /[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|â€|â‚¬/;

/**
 * Windows-1252 leaves bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D unassigned: after decoding they stay C1
 * control characters, which no text file holds.
 */
const C1_CONTROL = /[\u0080-\u009f]/;

export interface EncodingProblem {
  /** Offset of the first faulty character in the text. */
  index: number;
  /** What was found, for the message. */
  detail: string;
}

/** First encoding problem of `text` decoded as `encoding`, or null. */
export function findEncodingProblem(
  text: string,
  encoding: SourceEncoding
): EncodingProblem | null {
  const replacement = text.indexOf('\ufffd');
  if (replacement >= 0) {
    return {
      index: replacement,
      detail:
        encoding === 'utf-8'
          ? 'séquence d’octets UTF-8 invalide (caractère de remplacement « � ») : le fichier est probablement en Latin-1/Windows-1252, pas en UTF-8'
          : 'caractère de remplacement « � » dans le fichier : il a déjà été abîmé par une mauvaise conversion'
    };
  }
  const moji = MOJIBAKE.exec(text);
  if (moji) {
    return {
      index: moji.index,
      detail:
        encoding === 'windows-1252'
          ? `texte UTF-8 lu comme du Windows-1252 (« ${moji[0]} ») : le fichier est en UTF-8, le manifeste indique windows-1252`
          : `texte UTF-8 décodé deux fois (« ${moji[0]} ») : le fichier a été converti en UTF-8 alors qu’il l’était déjà`
    };
  }
  const c1 = C1_CONTROL.exec(text);
  if (c1) {
    const hex = c1[0].charCodeAt(0).toString(16).toUpperCase();
    return {
      index: c1.index,
      detail: `octet de contrôle 0x${hex}, impossible dans un fichier texte ${encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'}`
    };
  }
  return null;
}

/** 1-based line of the character at `index`. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Fields of one CSV line (quotes respected), enough to name a column; not a full parser. */
function splitCsvLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/** The delimiter of a header line: `;` when it has more of them than `,`. */
export function guessDelimiter(headerLine: string): ';' | ',' {
  const count = (c: string) => headerLine.split(c).length - 1;
  return count(';') >= count(',') ? ';' : ',';
}

/** Line and column name of the character at `index` of a CSV text (header = line 1). */
export function csvLocation(text: string, index: number): { line: number; field?: string } {
  const line = lineAt(text, index);
  const headerEnd = text.indexOf('\n');
  const header = (headerEnd < 0 ? text : text.slice(0, headerEnd)).replace(/^\ufeff/, '');
  const delimiter = guessDelimiter(header);
  const names = splitCsvLine(header.replace(/\r$/, ''), delimiter);
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const column = splitCsvLine(text.slice(lineStart, index), delimiter).length - 1;
  const field = names[column];
  return field !== undefined && field !== '' ? { line, field } : { line };
}

/** Property names holding the identifier of a feature, by source (first present wins). */
const ID_PROPERTIES = ['code', 'CODE_QP', 'code_qp', 'idcar_1km', 'CODE'];

/**
 * Feature index, property and identifier at `index` of a GeoJSON text, found by scanning the text
 * (it may not parse): the feature is the last `"type": "Feature"` before the offset.
 */
export function geojsonLocation(
  text: string,
  index: number
): { feature?: number; field?: string; id?: string } {
  const before = text.slice(0, index);
  const starts = [...before.matchAll(/"type"\s*:\s*"Feature"/g)];
  const out: { feature?: number; field?: string; id?: string } = {};
  const last = starts[starts.length - 1];
  if (last?.index !== undefined) {
    out.feature = starts.length - 1;
    const next = /"type"\s*:\s*"Feature"/g;
    next.lastIndex = index;
    const end = next.exec(text)?.index ?? text.length;
    const featureText = text.slice(last.index, end);
    for (const key of ID_PROPERTIES) {
      const m = new RegExp(`"${key}"\\s*:\\s*"([^"]*)"`).exec(featureText);
      if (m?.[1] !== undefined) {
        out.id = m[1];
        break;
      }
    }
  }
  const keys = [...before.matchAll(/"([^"\\]+)"\s*:/g)];
  const key = keys[keys.length - 1]?.[1];
  if (key !== undefined) out.field = out.feature !== undefined ? `properties.${key}` : key;
  return out;
}

/**
 * Throw when the text shows a wrong encoding, naming the file and where. `format` decides how the
 * place is named (CSV line and column, or GeoJSON feature and property).
 */
export function assertEncoding(
  text: string,
  options: { file: string; encoding: SourceEncoding; format: 'csv' | 'geojson' }
): void {
  const problem = findEncodingProblem(text, options.encoding);
  if (!problem) return;
  const where =
    options.format === 'csv'
      ? csvLocation(text, problem.index)
      : { line: lineAt(text, problem.index), ...geojsonLocation(text, problem.index) };
  throw new SourceFormatError(options.file, problem.detail, where);
}

/**
 * A CSV source must end with a line break: official files do, so a last line without one was cut
 * (a download or a copy stopped mid-row), even when its field count still looks right.
 */
export function assertCsvNotCut(text: string, file: string): void {
  if (text.length === 0 || text.endsWith('\n')) return;
  const line = lineAt(text, text.length - 1);
  throw new SourceFormatError(
    file,
    'le fichier ne se termine pas par un saut de ligne : sa dernière ligne a probablement été coupée (téléchargement ou copie interrompus)',
    { line }
  );
}
