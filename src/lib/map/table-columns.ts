/**
 * Columns of the communes table on `/` (pure): which figures sit beside each commune's name.
 * The user picks them (kept in the URL as `tableau`); by default an SRU indicator brings the whole
 * SRU picture — rate, target, gap in points, missing LLS (estimate), status — and any other
 * indicator comes with the population. The map's indicator is always shown, first.
 */
import { isIndicatorId, type IndicatorId } from '../schemas/vocabulary';

/** An indicator, or the SRU status of the commune (a category, not a number). */
export type TableColumnId = IndicatorId | 'statut_sru';

export const SRU_STATUS_COLUMN = 'statut_sru' as const;

/** The SRU columns shown together by default (issue 13: rate, target, gap, deficit, status). */
export const SRU_TABLE_COLUMNS: readonly TableColumnId[] = [
  'sru_taux_lls',
  'sru_taux_cible',
  'sru_ecart_cible_points',
  'sru_lls_manquants',
  SRU_STATUS_COLUMN
];

export function isTableColumnId(id: string): id is TableColumnId {
  return id === SRU_STATUS_COLUMN || isIndicatorId(id);
}

/** Default columns for the map's indicator (the indicator first). */
export function defaultTableColumns(indicator: IndicatorId): TableColumnId[] {
  if (indicator.startsWith('sru_'))
    return [indicator, ...SRU_TABLE_COLUMNS.filter((c) => c !== indicator), 'population'];
  return indicator === 'population' ? ['population'] : [indicator, 'population'];
}

/**
 * Columns to draw: the user's choice (or the defaults), without repeats, the map's indicator
 * first whatever the choice — the table explains the map.
 */
export function tableColumns(
  indicator: IndicatorId,
  chosen: readonly TableColumnId[] | null
): TableColumnId[] {
  const list = chosen ?? defaultTableColumns(indicator);
  return [indicator, ...new Set(list.filter((c) => c !== indicator))];
}
