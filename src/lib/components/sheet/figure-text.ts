/**
 * Pure text of a figure on a territory sheet: the value in French with its unit, the estimate's
 * range, or what stands in for a missing value (never « 0 » for a figure that does not exist).
 */
import {
  formatDistance,
  formatEuros,
  formatNumber,
  formatPercent,
  NNBSP
} from '../../format/number';
import type { IndicatorDefinition, IndicatorValue } from '../../schemas/indicators';

export type FigureFormat = Pick<IndicatorDefinition, 'unit' | 'decimals'>;

export const MISSING_LABELS: Record<Exclude<IndicatorValue['status'], 'ok'>, string> = {
  secret: 'secret statistique',
  no_data: 'pas de donnée',
  not_applicable: 'sans objet'
};

/** One number with the definition's unit: « 14,3 % », « 46 559 € », « 350 m », « 1 234 logements ». */
export function formatWithUnit(x: number, f: FigureFormat): string {
  switch (f.unit) {
    case '%':
      return formatPercent(x, f.decimals);
    case '€':
      return formatEuros(x, f.decimals);
    case 'm':
      return formatDistance(x);
    case '':
      return formatNumber(x, f.decimals);
    default:
      return `${formatNumber(x, f.decimals)}${NNBSP}${f.unit}`;
  }
}

export interface FigureText {
  /** Main text: the value with its unit, or « pas de donnée » / « secret statistique » / « sans objet ». */
  text: string;
  /** True when no number stands behind the text. */
  missing: boolean;
  /** « entre 319 et 327 logements » for an estimate, else null. */
  range: string | null;
}

export function figureText(v: IndicatorValue | undefined, f: FigureFormat): FigureText {
  if (!v) return { text: MISSING_LABELS.no_data, missing: true, range: null };
  if (v.status !== 'ok' || v.value === null) {
    return {
      text: MISSING_LABELS[v.status === 'ok' ? 'no_data' : v.status],
      missing: true,
      range: null
    };
  }
  // A range that rounds to one value (e.g. no missing LLS above target) says nothing more.
  const range =
    v.estimate &&
    v.low !== null &&
    v.high !== null &&
    formatNumber(v.low, f.decimals) !== formatNumber(v.high, f.decimals)
      ? `entre ${formatNumber(v.low, f.decimals)} et ${formatWithUnit(v.high, f)}`
      : null;
  return { text: formatWithUnit(v.value, f), missing: false, range };
}
