/**
 * zod field schemas for raw CSV cells of official French files (all cells arrive as strings).
 */
import { z } from '../zod';
import { parseFrenchNumber } from '../../data/french-number';

/** « 0 » / « 1 » flag. */
export const flag01 = z.enum(['0', '1'], { error: '0 ou 1 attendu' }).transform((v) => v === '1');

/** Non-negative integer written without separators (« 20532 »). */
export const intCell = z
  .string()
  .regex(/^\d+$/, 'nombre entier attendu')
  .transform((v) => Number(v));

/**
 * Percentage as written by the ministry (« 25,10% », « 20% »). One row of the 2025 v2 SRU file
 * writes « 38;62% » (a semicolon typed for the decimal comma, quoted): it is read as 38,62.
 */
export const frenchPercentCell = z.string().transform((v, ctx) => {
  const fixed = /^\s*\d+;\d+\s*%\s*$/.test(v) ? v.replace(';', ',') : v;
  const n = /%\s*$/.test(fixed) ? parseFrenchNumber(fixed.trim(), '%') : null;
  if (n === null) {
    ctx.addIssue({ code: 'custom', message: 'pourcentage attendu, de la forme « 25,10% »' });
    return z.NEVER;
  }
  return n;
});

/** Euro amount (« 46 559,19 € », thousands separated by a space, NBSP or narrow NBSP). */
export const frenchEurosCell = z.string().transform((v, ctx) => {
  const n = parseFrenchNumber(v, '€');
  if (n === null) {
    ctx.addIssue({ code: 'custom', message: 'montant attendu, de la forme « 46 559,19 € »' });
    return z.NEVER;
  }
  return n;
});

/**
 * INSEE statistic: a number with a dot or a comma as decimal mark, « s » for statistical secrecy
 * (kept distinct from 0), empty for no data.
 */
export const inseeStatCell = z.string().transform((v, ctx): number | 'secret' | null => {
  const t = v.trim();
  if (t === 's') return 'secret';
  if (t === '') return null;
  const n = parseFrenchNumber(t);
  if (n === null) {
    ctx.addIssue({ code: 'custom', message: 'nombre ou « s » (secret statistique) attendu' });
    return z.NEVER;
  }
  return n;
});

/**
 * Textual markers the SRU file writes instead of a figure (no inventory yet, not communicated,
 * out of SRU, or only a bound such as « >25% »): read as « no figure » (null), never as 0.
 */
export const SRU_NO_FIGURE = /^(Pas d'inventaire|NC|Hors SRU|>\s*\d+(,\d+)?\s*%)$/i;

/** An SRU count that may be replaced by a textual marker (→ null). */
export const sruCountCell = z.string().transform((v, ctx): number | null => {
  const t = v.trim();
  if (SRU_NO_FIGURE.test(t)) return null;
  if (!/^\d+$/.test(t)) {
    ctx.addIssue({
      code: 'custom',
      message: "nombre entier, « Pas d'inventaire » ou « NC » attendu"
    });
    return z.NEVER;
  }
  return Number(t);
});

/** An SRU rate that may be replaced by a textual marker (→ null). */
export const sruRateCell = z.string().transform((v, ctx): number | null => {
  if (SRU_NO_FIGURE.test(v.trim())) return null;
  const parsed = frenchPercentCell.safeParse(v);
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: 'pourcentage attendu, de la forme « 25,10% »' });
    return z.NEVER;
  }
  return parsed.data;
});
