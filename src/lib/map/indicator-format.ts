/**
 * French display of indicator values and class ranges (pure), shared by the legend, the tooltip
 * and the table so that a figure reads the same everywhere.
 */
import { formatDistance, formatEuros, formatNumber, formatPercent } from '../format/number';
import type { IndicatorDefinition, IndicatorValue } from '../schemas/indicators';

type Def = Pick<IndicatorDefinition, 'unit' | 'decimals'>;

/** A number with the unit of its indicator: « 14,3 % », « 46 559 € », « 350 m », « 1 234 logements ». */
export function formatWithUnit(value: number, def: Def): string {
  switch (def.unit) {
    case '%':
      return formatPercent(value, def.decimals);
    case '€':
      return formatEuros(value, def.decimals);
    case 'm':
      return formatDistance(value);
    case '':
      return formatNumber(value, def.decimals);
    default:
      return `${formatNumber(value, def.decimals)}\u00a0${def.unit}`;
  }
}

export const STATUS_LABELS: Record<Exclude<IndicatorValue['status'], 'ok'>, string> = {
  not_applicable: 'non concernée',
  no_data: 'pas de donnée',
  secret: 'secret statistique'
};

/** A value as shown to people: no-data is said in words, an estimate carries « ≈ » and its range. */
export function formatIndicatorValue(v: IndicatorValue | undefined, def: Def): string {
  if (!v) return STATUS_LABELS.no_data;
  if (v.status !== 'ok' || v.value === null)
    return STATUS_LABELS[v.status === 'ok' ? 'no_data' : v.status];
  const main = formatWithUnit(v.value, def);
  if (!v.estimate) return main;
  if (v.low !== null && v.high !== null) {
    const low = formatWithUnit(v.low, def);
    const high = formatWithUnit(v.high, def);
    // A range that rounds to one value (e.g. no missing LLS above target) says nothing more.
    if (low !== high) return `≈\u00a0${main} (estimation, entre ${low} et ${high})`;
  }
  return `≈\u00a0${main} (estimation)`;
}

/**
 * A value for a table cell, short enough to stay on one line: « ≈ 291 (288–295) » for an
 * estimate (unit on the central value only when it is a symbol: « ≈ 14,3 % (14,2–14,4) »), the
 * word for a missing figure (`notApplicable`: « non soumise » for SRU figures). Units spelled out (« logements ») are left to the column header.
 */
export function formatCompactValue(
  v: IndicatorValue | undefined,
  def: Def,
  notApplicable: string = STATUS_LABELS.not_applicable
): string {
  if (!v) return STATUS_LABELS.no_data;
  if (v.status === 'not_applicable') return notApplicable;
  if (v.status !== 'ok' || v.value === null)
    return STATUS_LABELS[v.status === 'ok' ? 'no_data' : v.status];
  const symbolUnit = def.unit === '%' || def.unit === '€' || def.unit === 'm' || def.unit === '';
  const plain = (x: number) => formatNumber(x, def.decimals);
  const main = symbolUnit ? formatWithUnit(v.value, def) : plain(v.value);
  if (!v.estimate) return main;
  if (v.low !== null && v.high !== null) {
    const low = plain(v.low);
    const high = plain(v.high);
    if (low !== high) return `≈\u00a0${main} (${low}–${high})`;
  }
  return `≈\u00a0${main}`;
}

/** Legend text of class i: « de 10,0 % à moins de 15,0 % », the last one « de 25,0 % à 31,2 % ». */
export function formatClassRange(
  lowerBounds: readonly number[],
  max: number,
  i: number,
  def: Def
): string {
  const from = lowerBounds[i];
  if (from === undefined) return '';
  const next = lowerBounds[i + 1];
  if (next === undefined) {
    return from === max
      ? formatWithUnit(from, def)
      : `de ${formatWithUnit(from, def)} à ${formatWithUnit(max, def)}`;
  }
  return `de ${formatWithUnit(from, def)} à moins de ${formatWithUnit(next, def)}`;
}
