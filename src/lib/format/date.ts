/**
 * French dates for the interface (pure). The time zone is fixed to the territory's
 * (Europe/Paris), so that every visitor reads the same day for the same build.
 */

const LONG_DATE = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeZone: 'Europe/Paris'
});

/**
 * An ISO 8601 timestamp → « 29 novembre 2026 », « 1er août 2026 » (day in Paris time), or null
 * when the text is not a valid date (the caller then shows nothing rather than « Invalid Date »).
 */
export function formatLongDateFr(iso: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // French typography writes the first day of a month as an ordinal; Intl does not.
  return LONG_DATE.format(date).replace(/^1 /, '1er ');
}
