/**
 * French number entry, independent of the browser's locale (issue 13 §1).
 *
 * Accepted: « 0,8 », « 0.8 », « 1 200 », « 1 200,5 » (thousands separated by a space, a no-break
 * space U+00A0, a narrow no-break space U+202F or a thin space U+2009, in groups of three),
 * « -3 » / « −3 », and « 14,3 % » where the field allows a percent sign.
 * Rejected, with a French message: several decimal separators (« 1,2,3 », « 1.2.3 », « 1,2.3 »),
 * badly grouped thousands (« 12 00 »), letters or exponents, an empty required field, a value
 * outside the field's bounds, a decimal in a whole-number field.
 *
 * A single « , » or « . » is always the decimal separator: « 1.200 » reads 1,2 (never 1 200),
 * so a value is never silently multiplied or divided by a thousand; in a whole-number field
 * (years, dwellings) it is refused as not whole, which surfaces the ambiguity.
 */

import { formatNumber, NNBSP } from './number';

export interface NumberRule {
  /** Inclusive lower bound, in the field's unit. */
  min?: number;
  /** Inclusive upper bound, in the field's unit. */
  max?: number;
  /** Only whole numbers (years, dwellings). */
  integer?: boolean;
  /** The field is a percentage: a trailing « % » is accepted (and ignored: 14,3 % → 14.3). */
  percent?: boolean;
  /** An empty entry is an error (otherwise it reads as null). */
  required?: boolean;
}

export type ParseResult = { ok: true; value: number | null } | { ok: false; error: string };

/** Spaces a French user (or Intl fr-FR, or a copy from a spreadsheet) puts between thousands. */
const SPACES = /[\u0020\u00a0\u202f\u2009]/g;
const MINUS = /^[-\u2212\u2013]/;

/** Largest number of decimals shown in an error message for a bound. */
function bound(n: number): string {
  const decimals = Number.isInteger(n) ? 0 : Math.min(3, String(n).split('.')[1]?.length ?? 0);
  return formatNumber(n, decimals);
}

export function parseFrenchNumber(input: string, rule: NumberRule = {}): ParseResult {
  let text = input.trim();
  if (text === '') {
    return rule.required ? { ok: false, error: 'Saisissez un nombre.' } : { ok: true, value: null };
  }
  const shown = text;
  if (text.endsWith('%')) {
    if (!rule.percent)
      return { ok: false, error: 'Le signe % n’est pas attendu ici : saisissez le nombre seul.' };
    text = text.slice(0, -1).trim();
  }
  let sign = 1;
  if (MINUS.test(text)) {
    sign = -1;
    text = text.slice(1).trim();
  } else if (text.startsWith('+')) {
    text = text.slice(1).trim();
  }
  const separators = text.match(/[.,]/g) ?? [];
  if (separators.length > 1) {
    return {
      ok: false,
      error: `« ${shown} » contient plusieurs séparateurs décimaux : une seule virgule (ex. 0,8 ou 1 200,5).`
    };
  }
  const [intPart = '', fracPart] = text.split(/[.,]/);
  if (
    !/^[\d\u0020\u00a0\u202f\u2009]*$/.test(intPart) ||
    (fracPart !== undefined && !/^\d+$/.test(fracPart))
  ) {
    return {
      ok: false,
      error: `« ${shown} » n’est pas un nombre. Exemples acceptés : 0,8 ; 1 200 ; -3.`
    };
  }
  if (/[\u0020\u00a0\u202f\u2009]/.test(intPart)) {
    // Thousands groups: 1 to 3 digits, then groups of exactly 3.
    if (!/^\d{1,3}([\u0020\u00a0\u202f\u2009]\d{3})+$/.test(intPart)) {
      return {
        ok: false,
        error: `« ${shown} » : les milliers se séparent par groupes de trois chiffres (ex. 1 200).`
      };
    }
  }
  const digits = intPart.replace(SPACES, '');
  if (digits === '' && fracPart === undefined) {
    return {
      ok: false,
      error: `« ${shown} » n’est pas un nombre. Exemples acceptés : 0,8 ; 1 200 ; -3.`
    };
  }
  const value = sign * Number(`${digits || '0'}.${fracPart ?? '0'}`);
  if (!Number.isFinite(value)) {
    return { ok: false, error: `« ${shown} » n’est pas un nombre utilisable.` };
  }
  if (rule.integer && !Number.isInteger(value)) {
    return { ok: false, error: `Saisissez un nombre entier (« ${shown} » a des décimales).` };
  }
  const { min, max } = rule;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const range =
      min !== undefined && max !== undefined
        ? `comprise entre ${bound(min)} et ${bound(max)}`
        : min !== undefined
          ? `supérieure ou égale à ${bound(min)}`
          : `inférieure ou égale à ${bound(max as number)}`;
    return { ok: false, error: `La valeur doit être ${range}.` };
  }
  // -0 reads as 0.
  return { ok: true, value: value === 0 ? 0 : value };
}

export type ListParseResult = { ok: true; values: number[] } | { ok: false; error: string };

/**
 * A list of numbers separated by « ; » (manual class breaks: « 10 ; 20,5 ; 1 200 »). Spaces stay
 * thousands separators, so « ; » is the only list separator. Each item follows `rule`; an empty
 * list is accepted unless the rule is required. Errors name the item (« Valeur 2 : … »).
 */
export function parseFrenchNumberList(input: string, rule: NumberRule = {}): ListParseResult {
  const items = input
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) {
    return rule.required
      ? { ok: false, error: 'Saisissez au moins un nombre.' }
      : { ok: true, values: [] };
  }
  const values: number[] = [];
  for (const [i, item] of items.entries()) {
    const r = parseFrenchNumber(item, { ...rule, required: true });
    if (!r.ok)
      return { ok: false, error: items.length > 1 ? `Valeur ${i + 1} : ${r.error}` : r.error };
    values.push(r.value as number);
  }
  return { ok: true, values };
}

/**
 * A number as the user would type it back: French decimal comma, thousands with a narrow
 * no-break space unless `grouping` is false (years), at most `maxDecimals` decimals and no
 * trailing zeros (0.8 → « 0,8 »). The digits of `formatNumber` (rounded as the tables show them),
 * as `Intl.NumberFormat('fr-FR', { maximumFractionDigits })` writes them (a unit test compares
 * both), without its creation cost: ~30 ms per format in Chromium, on the first view of the
 * arbitration page.
 */
export function formatNumberInput(value: number | null, maxDecimals = 3, grouping = true): string {
  if (value === null || !Number.isFinite(value)) return '';
  let s = formatNumber(value, maxDecimals);
  if (s.includes(',')) s = s.replace(/,?0+$/, '');
  if (!grouping) s = s.replaceAll(NNBSP, '');
  return s;
}
