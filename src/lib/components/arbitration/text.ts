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
