/**
 * Parsing of numbers as French official files write them: decimal comma, thousands separated by a
 * space, a no-break space (U+00A0) or a narrow no-break space (U+202F), optional unit suffix.
 */

const SPACES = /[\s\u00a0\u202f]/g;

/**
 * « 46 559,19 € » → 46559.19, « 25,10% » → 25.1, « 1234.5 » → 1234.5 (INSEE also writes dots).
 * Returns null when the text is not a number (the caller decides whether that is an error).
 * `unit` is stripped from the end when present.
 */
export function parseFrenchNumber(raw: string, unit?: '%' | '€'): number | null {
  let s = raw.trim();
  if (unit !== undefined && s.endsWith(unit)) s = s.slice(0, -unit.length);
  s = s.replace(SPACES, '');
  // A comma and a dot together would be ambiguous (1.234,5 vs 1,234.5): French files never mix them.
  if (s.includes(',') && s.includes('.')) return null;
  s = s.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}
