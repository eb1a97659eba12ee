/**
 * The map scheme (pure): one classification, one palette and one rule for the « non concernée »
 * and « pas de donnée » territories, read by every renderer — the SVG map (`fillOf`), the
 * MapLibre layers (`choroplethFillColor(scheme.classification, scheme.colors)`, whose evaluation
 * `tests/unit/map/scheme.test.ts` checks equal to `fillOf`), the legend, the table and the PNG
 * export (`scheme.legend`). No MapLibre, no DOM.
 */
import { CLASS_METHOD_LABELS, classIndex, type Classification } from '../classify';
import { formatClassRange } from '../indicator-format';
import { NO_DATA_COLOR, NOT_APPLICABLE_COLOR, REACHED_COLOR } from '../palettes';
import type { IndicatorDefinition, IndicatorValue } from '../../schemas/indicators';

/** What the scheme needs of a territory's value. */
export type SchemeValue = Pick<IndicatorValue, 'value' | 'status'>;

export interface LegendRow {
  label: string;
  color: string;
  kind: 'zero' | 'class' | 'not_applicable' | 'no_data';
  /** Territories in the row. */
  count: number;
}

export interface MapScheme {
  /** « Taux de logements sociaux (%) ». */
  title: string;
  /** « Quantiles (effectifs égaux), 5 classes ». */
  legendTitle: string;
  classification: Classification;
  colors: readonly string[];
  /** Whether 0 is drawn apart (« objectif atteint »), MapLibre's `choroplethFillColor` 3rd argument. */
  zeroApart: boolean;
  /** Fill of a value: class colour when `ok`, white when not concerned, grey otherwise. */
  fillOf(v: SchemeValue | undefined): string;
  /** Fill of a territory by code (grey when it has no value). */
  fillOfCode(code: string): string;
  /** Class colour of an `ok` value, else null (the table shades only classed values). */
  classColorOf(v: SchemeValue | undefined): string | null;
  /** Class rows, then « non concernée » and « pas de donnée » when any territory is in them. */
  legend: LegendRow[];
}

export interface SchemeInput {
  values: ReadonlyMap<string, SchemeValue>;
  /** Every territory drawn (a code with no value counts as « pas de donnée »). */
  codes: readonly string[];
  classification: Classification;
  colors: readonly string[];
  definition: Pick<IndicatorDefinition, 'label' | 'unit' | 'decimals'>;
  /** Label of `not_applicable` (« Non soumise à la loi SRU » for the SRU indicators). */
  notApplicableLabel?: string;
  /**
   * For an indicator where 0 means the objective is reached (see {@link zeroApartFor}): 0 gets its
   * own colour and legend row, and `classification` must be computed on the values above 0.
   */
  zeroApart?: boolean;
  /** Classes asked for: the legend says so when ties left fewer. */
  requestedClasses?: number;
}

/**
 * Indicators whose 0 means « objective reached »: lumping it with the smallest deficits would hide
 * the difference between a compliant commune and one missing 56 homes (issue 13).
 */
export const ZERO_APART_INDICATORS: readonly string[] = [
  'sru_lls_manquants',
  'sru_ecart_cible_points',
  'sru_objectif_triennal'
];
export const zeroApartFor = (indicatorId: string) => ZERO_APART_INDICATORS.includes(indicatorId);
export const REACHED_LABEL = 'Objectif atteint (0)';

/** The values to classify: `ok` numbers, without the zeros drawn apart. */
export function classedNumbers(values: Iterable<SchemeValue>, zeroApart: boolean): number[] {
  const out: number[] = [];
  for (const v of values)
    if (v.status === 'ok' && v.value !== null && !(zeroApart && v.value === 0)) out.push(v.value);
  return out;
}

/** The class colour of a number (what MapLibre's `step` over the lower bounds gives). */
function stepColor(value: number, c: Classification, colors: readonly string[]): string {
  if (c.lowerBounds.length === 0 || colors.length === 0) return NO_DATA_COLOR;
  const i = classIndex(value, c);
  return colors[Math.min(i, colors.length - 1)] ?? NO_DATA_COLOR;
}

/** Status as drawn: an `ok` value without a number is a broken record, drawn as no data. */
export function drawnStatus(v: SchemeValue | undefined): IndicatorValue['status'] {
  if (!v) return 'no_data';
  return v.status === 'ok' && v.value === null ? 'no_data' : v.status;
}

export function buildScheme(input: SchemeInput): MapScheme {
  const { classification: c, colors, definition: def } = input;
  const zeroApart = input.zeroApart ?? false;
  const okColor = (x: number) => (zeroApart && x === 0 ? REACHED_COLOR : stepColor(x, c, colors));
  const fillOf = (v: SchemeValue | undefined): string => {
    const status = drawnStatus(v);
    if (status === 'ok') return okColor(v!.value!);
    return status === 'not_applicable' ? NOT_APPLICABLE_COLOR : NO_DATA_COLOR;
  };
  const classColorOf = (v: SchemeValue | undefined) =>
    drawnStatus(v) === 'ok' ? okColor(v!.value!) : null;
  let notApplicable = 0;
  let noData = 0;
  let zeros = 0;
  for (const code of input.codes) {
    const v = input.values.get(code);
    const s = drawnStatus(v);
    if (s === 'not_applicable') notApplicable++;
    else if (s !== 'ok') noData++;
    else if (zeroApart && v?.value === 0) zeros++;
  }
  const legend: LegendRow[] = [];
  if (zeros > 0)
    legend.push({ label: REACHED_LABEL, color: REACHED_COLOR, kind: 'zero', count: zeros });
  legend.push(
    ...c.lowerBounds.map((_, i): LegendRow => ({
      label: formatClassRange(c.lowerBounds, c.max, i, def),
      color: colors[Math.min(i, colors.length - 1)] ?? NO_DATA_COLOR,
      kind: 'class',
      count: c.counts[i] ?? 0
    }))
  );
  if (notApplicable > 0)
    legend.push({
      label: input.notApplicableLabel ?? 'Non concernée',
      color: NOT_APPLICABLE_COLOR,
      kind: 'not_applicable',
      count: notApplicable
    });
  if (noData > 0)
    legend.push({ label: 'Pas de donnée', color: NO_DATA_COLOR, kind: 'no_data', count: noData });
  const k = c.lowerBounds.length;
  const asked = input.requestedClasses ?? k;
  // Ties (many equal values) leave fewer distinct classes than asked: say it, or the legend
  // seems to contradict the control.
  const merged =
    asked > k ? ` (${asked} demandées : des valeurs égales ne peuvent être séparées)` : '';
  return {
    title: `${def.label}${def.unit ? ` (${def.unit})` : ''}`,
    legendTitle: `${CLASS_METHOD_LABELS[c.method]}, ${k} classe${k > 1 ? 's' : ''}${merged}${
      zeros > 0 ? ', hors objectif atteint' : ''
    }`,
    classification: c,
    colors,
    zeroApart,
    fillOf,
    fillOfCode: (code) => fillOf(input.values.get(code)),
    classColorOf,
    legend
  };
}

/** « Non soumise à la loi SRU » for the SRU indicators, « Non concernée » otherwise. */
export function notApplicableLabelOf(indicatorId: string): string {
  return indicatorId.startsWith('sru_') ? 'Non soumise à la loi SRU' : 'Non concernée';
}

/** Counts (« propositions » view) as scheme values: every territory is `ok`, 0 included. */
export function countValues(counts: ReadonlyMap<string, number>): Map<string, SchemeValue> {
  return new Map([...counts].map(([code, n]) => [code, { value: n, status: 'ok' as const }]));
}
