/**
 * Pure builders of MapLibre paint expressions. Values are joined to features by feature-state
 * (sources use `promoteId: 'code'`), so changing the indicator only sets states and one paint
 * property, never reloads geometry.
 */
import { NO_DATA_COLOR, NOT_APPLICABLE_COLOR, REACHED_COLOR } from './palettes';
import type { IndicatorValue } from '../schemas/indicators';

/** Feature-state of a commune for the choropleth. */
export interface ChoroplethState {
  [key: string]: unknown;
  value: number | null;
  status: IndicatorValue['status'];
}

// Expressions are JSON arrays; typed loosely so this module does not import MapLibre.
export type Expression = readonly unknown[];

/** A `step` expression on a numeric feature-state over the class lower bounds. */
export function stepExpression(
  stateKey: string,
  classification: { readonly lowerBounds: readonly number[] },
  colors: readonly string[]
): Expression {
  const [first, ...rest] = classification.lowerBounds;
  if (first === undefined || colors.length === 0) return ['literal', NO_DATA_COLOR];
  const step: unknown[] = ['step', ['to-number', ['feature-state', stateKey], 0], colors[0]];
  // MapLibre throws on a step without stops or with stops not strictly increasing (one class,
  // e.g. every count 0 for a filter that matches nothing; equal manual thresholds).
  let last = first;
  rest.forEach((bound, i) => {
    if (!(bound > last)) return;
    step.push(bound, colors[Math.min(i + 1, colors.length - 1)]);
    last = bound;
  });
  return step.length > 3 ? step : ['to-color', colors[0]];
}

/**
 * Fill colour of the choropleth: class colour for `ok` values, white for « non concernée »,
 * grey for no data or secrecy (never the colour of a low class).
 */
export function choroplethFillColor(
  classification: { readonly lowerBounds: readonly number[] },
  colors: readonly string[],
  /** Zero drawn apart (« objectif atteint »), see `REACHED_COLOR`. */
  zeroApart = false
): Expression {
  const ok = ['==', ['feature-state', 'status'], 'ok'];
  return [
    'case',
    ...(zeroApart ? [['all', ok, ['==', ['feature-state', 'value'], 0]], REACHED_COLOR] : []),
    ok,
    stepExpression('value', classification, colors),
    ['==', ['feature-state', 'status'], 'not_applicable'],
    NOT_APPLICABLE_COLOR,
    NO_DATA_COLOR
  ];
}

/** Feature states setting the choropleth value of each territory; codes without a value get no_data. */
export function choroplethStates(
  codes: readonly string[],
  values: ReadonlyMap<string, IndicatorValue>
): { id: string; state: ChoroplethState }[] {
  return codes.map((code) => {
    const v = values.get(code);
    if (!v) return { id: code, state: { value: null, status: 'no_data' } };
    return {
      id: code,
      state: {
        value: v.status === 'ok' ? v.value : null,
        status: v.value === null ? noNumber(v.status) : v.status
      }
    };
  });
}

// An `ok` value with no number is a broken record: show it as no data rather than as 0.
function noNumber(status: IndicatorValue['status']): IndicatorValue['status'] {
  return status === 'ok' ? 'no_data' : status;
}

/** Outline width: thick for the selected territory, medium when hovered, thin otherwise. */
export function outlineWidth(base = 0.8, hover = 2.5, selected = 4): Expression {
  return [
    'case',
    ['boolean', ['feature-state', 'selected'], false],
    selected,
    ['boolean', ['feature-state', 'hover'], false],
    hover,
    base
  ];
}

/** Outline colour: dark for selected/hovered/highlighted, grey otherwise. */
export function outlineColor(base = '#5a5a5a', strong = '#111111'): Expression {
  return [
    'case',
    [
      'any',
      ['boolean', ['feature-state', 'selected'], false],
      ['boolean', ['feature-state', 'hover'], false],
      ['boolean', ['feature-state', 'highlight'], false]
    ],
    strong,
    base
  ];
}

/**
 * Fill of the « propositions » view: number of workshop items applying to each territory
 * (feature-state `count`), 0 in the lightest class.
 */
export function countFillColor(
  classification: { readonly lowerBounds: readonly number[] },
  colors: readonly string[]
): Expression {
  return [
    'case',
    ['==', ['typeof', ['feature-state', 'count']], 'number'],
    stepExpression('count', classification, colors),
    NO_DATA_COLOR
  ];
}

/** Fill opacity: highlighted territories stand out, the others fade when a highlight set exists. */
export function highlightOpacity(
  hasHighlight: boolean,
  on = 0.85,
  off = 0.25
): Expression | number {
  if (!hasHighlight) return on;
  return ['case', ['boolean', ['feature-state', 'highlight'], false], on, off];
}

/**
 * Width (px) of the QPV outlines, growing with zoom (1.2 px at z9 to 3 px at z14); the
 * `emphasis` QPV (the one a sheet or slide is about) is drawn 2.5× thicker. Without emphasis the
 * expression reads no property, so MapLibre keeps it a cheap zoom-only function.
 */
export function qpvLineWidth(emphasis: string | null): Expression {
  const at = (normal: number) =>
    emphasis === null ? normal : ['case', ['==', ['get', 'code'], emphasis], normal * 2.5, normal];
  return ['interpolate', ['linear'], ['zoom'], 9, at(1.2), 14, at(3)];
}
