/**
 * French number formatting for the UI (« 14,3 % », « 1 234 », « 46 559 € »).
 * Intl 'fr-FR' uses a narrow no-break space (U+202F) between thousands and before « % »/« € »,
 * which keeps figures unbroken on projectors and phones.
 */

/** Narrow no-break space, as Intl fr-FR writes it. */
export const NNBSP = '\u202f';

/**
 * « 1 234 », « 14,3 »: the digits of `toFixed`, grouped by three with U+202F, with a decimal
 * comma: what `Intl.NumberFormat('fr-FR')` writes (a unit test compares both on many values).
 * By hand because creating an `Intl.NumberFormat` costs tens of milliseconds in Chromium on a
 * slow device, on the first view of every page.
 */
export function formatNumber(value: number, decimals = 0): string {
  // Avoid « -0 » after rounding.
  const rounded = Number(value.toFixed(decimals));
  const v = Object.is(rounded, -0) ? 0 : rounded;
  const fixed = Math.abs(v).toFixed(decimals);
  // From 1e21 `toFixed` writes an exponent, and non-finite values have no digits: Intl's text.
  if (!/^\d+(\.\d+)?$/.test(fixed)) return intlFormat(v, decimals);
  const [int = '', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, NNBSP);
  return `${v < 0 ? '-' : ''}${grouped}${frac === undefined ? '' : `,${frac}`}`;
}

function intlFormat(value: number, decimals: number): string {
  return new Intl.NumberFormat('fr-FR', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals
  }).format(value);
}

/** Percent points to « 14,3 % » (14.3 → « 14,3 % »). */
export function formatPercent(valuePct: number, decimals = 1): string {
  return `${formatNumber(valuePct, decimals)}${NNBSP}%`;
}

/** Euros: « 46 559 € ». */
export function formatEuros(value: number, decimals = 0): string {
  return `${formatNumber(value, decimals)}${NNBSP}€`;
}

/** Metres, switching to kilometres from 1 000 m: « 350 m », « 1,2 km ». */
export function formatDistance(metres: number): string {
  if (metres < 1000) return `${formatNumber(Math.round(metres / 10) * 10, 0)}${NNBSP}m`;
  return `${formatNumber(metres / 1000, 1)}${NNBSP}km`;
}

/**
 * `value` rounded to `digits` significant figures (2 151 → 2 200 for 2): for an estimate whose
 * range is far wider than its last digits.
 */
export function roundSignificant(value: number, digits: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  // Halves away from zero, the same on both sides of it.
  const abs = Math.abs(value);
  const step = 10 ** (Math.floor(Math.log10(abs)) + 1 - digits);
  const rounded =
    step >= 1 ? Math.round(abs / step) * step : Number(abs.toFixed(-Math.log10(step)));
  return Math.sign(value) * rounded;
}

/** An estimate with its range: « 1 234 (entre 1 200 et 1 270) ». */
export function formatRange(value: number, low: number, high: number, decimals = 0): string {
  return `${formatNumber(value, decimals)} (entre ${formatNumber(low, decimals)} et ${formatNumber(high, decimals)})`;
}
