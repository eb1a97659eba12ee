/**
 * URL codec of the explorer view (pure): indicator, classification, palette, layers, the
 * « propositions » view filters and the selected territory live in the query string, so that a
 * reload or a shared link restores the view. Unknown or invalid values fall back to the defaults,
 * and defaults are left out of the URL to keep links short.
 */
import { indicatorIdSchema, type IndicatorId } from '../schemas/indicators';
import { CLASS_METHODS, type ClassMethod } from './classify';
import { PALETTE_IDS, type PaletteId } from './palettes';

export const LAYER_IDS = ['qpv', 'lignes', 'arrets', 'noms', 'fond'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export const MAP_MODES = ['indicateur', 'propositions'] as const;
export type MapMode = (typeof MAP_MODES)[number];

export interface ViewParams {
  mode: MapMode;
  indicator: IndicatorId;
  method: ClassMethod;
  classes: number;
  /** Inner thresholds of the manual classification. */
  breaks: number[];
  palette: PaletteId;
  layers: LayerId[];
  /** Filters of the « propositions » view (free strings: values come from the workshop base). */
  theme: string | null;
  column: string | null;
  topic: string | null;
  /** Selected commune (INSEE code) or QPV code. */
  selected: string | null;
}

export const DEFAULT_VIEW: Readonly<ViewParams> = Object.freeze({
  mode: 'indicateur',
  indicator: 'sru_taux_lls',
  method: 'quantiles',
  classes: 5,
  breaks: [],
  palette: 'bleus',
  // Transit lines (~100 KB gzip) are one click away rather than in every first view.
  layers: ['qpv', 'noms'] as LayerId[],
  theme: null,
  column: null,
  topic: null,
  selected: null
});

export const MIN_CLASSES = 2;
export const MAX_CLASSES = 7;

const TERRITORY_CODE = /^(\d{5}|2[AB]\d{3}|Q[PN]\d{5,6}[A-Z]?)$/;

function oneOf<T extends string>(allowed: readonly T[], raw: string | null, fallback: T): T {
  return raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : fallback;
}

function text(raw: string | null): string | null {
  const t = raw?.trim() ?? '';
  return t === '' ? null : t.slice(0, 120);
}

/** Reads a view from a query string; every field falls back to its default on bad input. */
export function decodeView(params: URLSearchParams): ViewParams {
  const indicator = indicatorIdSchema.safeParse(params.get('indicateur'));
  const classes = Number.parseInt(params.get('classes') ?? '', 10);
  const breaks = (params.get('seuils') ?? '')
    .split('_')
    .filter((s) => s !== '')
    .map((s) => Number(s.replace(',', '.')))
    .filter((n) => Number.isFinite(n))
    .sort((a, b) => a - b);
  const rawLayers = params.get('couches');
  const layers =
    rawLayers === null
      ? [...DEFAULT_VIEW.layers]
      : LAYER_IDS.filter((id) => rawLayers.split(',').includes(id));
  const selected = params.get('selection');
  return {
    mode: oneOf(MAP_MODES, params.get('vue'), DEFAULT_VIEW.mode),
    indicator: indicator.success ? indicator.data : DEFAULT_VIEW.indicator,
    method: oneOf(CLASS_METHODS, params.get('methode'), DEFAULT_VIEW.method),
    classes:
      Number.isInteger(classes) && classes >= MIN_CLASSES && classes <= MAX_CLASSES
        ? classes
        : DEFAULT_VIEW.classes,
    breaks: breaks.slice(0, MAX_CLASSES - 1),
    palette: oneOf(PALETTE_IDS, params.get('palette'), DEFAULT_VIEW.palette),
    layers,
    theme: text(params.get('theme')),
    column: text(params.get('colonne')),
    topic: text(params.get('sujet')),
    selected: selected !== null && TERRITORY_CODE.test(selected) ? selected : null
  };
}

/** Writes a view as a query string, leaving out the defaults (stable key order). */
export function encodeView(view: ViewParams): URLSearchParams {
  const p = new URLSearchParams();
  if (view.mode !== DEFAULT_VIEW.mode) p.set('vue', view.mode);
  if (view.indicator !== DEFAULT_VIEW.indicator) p.set('indicateur', view.indicator);
  if (view.method !== DEFAULT_VIEW.method) p.set('methode', view.method);
  if (view.classes !== DEFAULT_VIEW.classes) p.set('classes', String(view.classes));
  if (view.method === 'manuel' && view.breaks.length > 0) p.set('seuils', view.breaks.join('_'));
  if (view.palette !== DEFAULT_VIEW.palette) p.set('palette', view.palette);
  const layers = LAYER_IDS.filter((id) => view.layers.includes(id));
  if (layers.join(',') !== DEFAULT_VIEW.layers.join(',')) p.set('couches', layers.join(','));
  if (view.theme) p.set('theme', view.theme);
  if (view.column) p.set('colonne', view.column);
  if (view.topic) p.set('sujet', view.topic);
  if (view.selected) p.set('selection', view.selected);
  return p;
}
