/** French wording of projection results, shared by the arbitration components. */
import type { CommuneProjection, PeriodStatus } from '$lib/arbitration/projection';
import { formatNumber } from '$lib/format/number';

export const PERIOD_STATUS_LABEL: Record<PeriodStatus, string> = {
  met: 'atteint',
  missed: 'manqué',
  on_track: 'en bonne voie (période partielle)',
  behind: 'en retard (période partielle)',
  no_objective: 'sans objectif'
};

/** A gap in LLS with its sign, French format: « +1 234 », « -3 », « 0 ». */
export const signed = (v: number): string => (v > 0 ? `+${formatNumber(v)}` : formatNumber(v));

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

/** A file name part from a scenario name: « Rythme triennal (v2) » → « rythme-triennal-v2 ». */
export function fileSlug(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'scenario'
  );
}

/** Notice of a comparison link naming communes it cannot compare (`[]`: no notice). */
export function compareLinkNotice(ignored: readonly string[]): string | null {
  return ignored.length > 0
    ? `Lien de comparaison : ${ignored.join(', ')} ignoré(s) (commune inconnue ou plus de 4 communes).`
    : null;
}

/**
 * Notice once the solver's productions are applied: its label of what it applied, capitalised,
 * with the number of communes changed (« Production … appliquée à … (3 commune(s)). »).
 */
export function solverAppliedText(label: string, communes: number): string {
  return `${label.charAt(0).toUpperCase()}${label.slice(1)} (${communes} commune(s)).`;
}

/** Sources printed under a scenario: the SRU inventory, the law, the signed CMS if any. */
export function printedSources(sruSourceText: string, cmsUrls: readonly string[]): string[] {
  return [
    `Inventaire SRU : ${sruSourceText}`,
    'CCH art. L302-5 (taux cibles) et L302-8 (rattrapage triennal), paramètres de rattrapage de l’Atlas',
    ...(cmsUrls.length > 0
      ? [`Contrats de mixité sociale : ${[...new Set(cmsUrls)].join(', ')}`]
      : [])
  ];
}
