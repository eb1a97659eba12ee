/** French wording of projection results, shared by the arbitration components. */
import type { CommuneProjection, PeriodStatus } from '$lib/arbitration/projection';

export const PERIOD_STATUS_LABEL: Record<PeriodStatus, string> = {
  met: 'atteint',
  missed: 'manqué',
  on_track: 'en bonne voie (période partielle)',
  behind: 'en retard (période partielle)',
  no_objective: 'sans objectif'
};

/**
 * « déjà atteinte », « 2028 », « 2035 (après le PLH) » (extrapolated at the pace of the PLH's
 * last year, explained in a note), « non atteinte ».
 */
export function reachText(p: CommuneProjection, extrapolated: number | null | undefined): string {
  if (p.alreadyAboveTarget) return 'déjà atteinte';
  if (p.reachedYear !== null) return String(p.reachedYear);
  if (extrapolated != null) return `${extrapolated} (après le PLH)`;
  return 'non atteinte';
}

/**
 * Publisher as transcribed, with the transcriber's English qualifiers in French
 * (« Place Gre'net (press) » → « Place Gre'net (presse) »).
 */
export function publisherLabel(publisher: string): string {
  return publisher
    .replace(/\(press\)/g, '(presse)')
    .replace(/\(opposition group[^)]*\)/g, '(groupe d’opposition)');
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre'
];

/** « 2022-05-06 » → « 6 mai 2022 »; any other text is returned as is. */
export function frenchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  const day = Number(m[3]);
  return `${day === 1 ? '1er' : day} ${month} ${m[1]}`;
}
