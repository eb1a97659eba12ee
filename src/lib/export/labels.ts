/** French labels shared by the downloads and the territory sheets. */
import type { SruStatus } from '../schemas/indicators';

/** SRU situation of a commune, as a planner says it. */
export const SRU_STATUS_LABELS: Record<SruStatus, string> = {
  carencee: 'carencée',
  deficitaire: 'déficitaire',
  conforme: 'atteint son objectif',
  exemptee: 'exemptée',
  non_soumise: 'non soumise'
};
