/**
 * French dates for the interface (pure). The time zone is fixed to the territory's
 * (Europe/Paris), so that every visitor reads the same day for the same build.
 */

// Built on first use: a time-zoned formatter costs 50–70 ms of main thread to create.
let longDate: Intl.DateTimeFormat | null = null;

/**
 * An ISO 8601 timestamp → « 29 novembre 2026 », « 1er août 2026 » (day in Paris time), or null
 * when the text is not a valid date (the caller then shows nothing rather than « Invalid Date »).
 */
export function formatLongDateFr(iso: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // French typography writes the first day of a month as an ordinal; Intl does not.
  longDate ??= new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
  return longDate.format(date).replace(/^1 /, '1er ');
}

/**
 * A calendar day `YYYY-MM-DD` (optionally followed by a time, ignored) → « 01/01/2024 », or null
 * when the text is not such a day. Plain string work, no `Intl`: the day is the one written in
 * the source file, whatever the visitor's time zone.
 */
export function formatIsoDayFr(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(iso);
  if (!m) return null;
  const [, y, mo, d] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${d}/${mo}/${y}`;
}
