/**
 * The communes compared on /arbitrage live in the URL (`?comparer=38111,38229`), so a comparison
 * survives a reload and can be shared. Pure parsing and formatting.
 */

export const COMPARE_PARAM = 'comparer';
/** A comparison shows 2 to 4 communes. */
export const MAX_COMPARED = 4;

export interface ParsedCompare {
  /** Known codes, in the link's order, without repeats, at most `MAX_COMPARED`. */
  codes: string[];
  /** Entries naming no known commune (shown in a discreet message). */
  unknown: string[];
  /** Known codes beyond the fourth, dropped. */
  dropped: string[];
}

/** Reads `comparer=…` (codes separated by commas); `known` = the communes of the table. */
export function parseCompareParam(raw: string | null, known: ReadonlySet<string>): ParsedCompare {
  const codes: string[] = [];
  const unknown: string[] = [];
  const dropped: string[] = [];
  for (const part of (raw ?? '').split(',')) {
    const code = part.trim();
    if (code === '' || codes.includes(code) || dropped.includes(code)) continue;
    if (!known.has(code)) unknown.push(code);
    else if (codes.length >= MAX_COMPARED) dropped.push(code);
    else codes.push(code);
  }
  return { codes, unknown, dropped };
}

/** The query string for a comparison (`?comparer=…`), or '' when nothing is compared. */
export function compareQuery(codes: readonly string[]): string {
  return codes.length === 0 ? '' : `?${COMPARE_PARAM}=${codes.join(',')}`;
}
