/** French labels shared by the downloads and the territory sheets. */
import type { IndicatorValue, SruStatus } from '../schemas/indicators';

/** SRU situation of a commune, as a planner says it. */
export const SRU_STATUS_LABELS: Record<SruStatus, string> = {
  carencee: 'carencée',
  deficitaire: 'déficitaire',
  conforme: 'atteint son objectif',
  exemptee: 'exemptée',
  non_soumise: 'non soumise'
};

/** Why a figure is there or not, for the `_statut` columns of the downloads. */
export const VALUE_STATUS_LABELS: Record<IndicatorValue['status'], string> = {
  ok: 'disponible',
  secret: 'secret statistique',
  no_data: 'pas de donnée',
  not_applicable: 'sans objet'
};
