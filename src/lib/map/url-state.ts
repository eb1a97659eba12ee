/**
 * URL codec of the explorer view (pure): indicator, classification, palette, layers, the
 * « propositions » view filters and the selected territory live in the query string, so that a
 * reload or a shared link restores the view. Unknown or invalid values fall back to the defaults
 * and are reported as French warnings (links get old, or are typed by hand), and defaults are
 * left out of the URL to keep links short.
 */
import { isIndicatorId, isWorkshopColumn, type IndicatorId } from '../schemas/vocabulary';
import { isTableColumnId, type TableColumnId } from './table-columns';
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
  /**
   * Filters of the « propositions » view: theme number (« 1 »–« 4 »), workshop column, topic
   * keyword (a free string, checked against the workshop base once it is loaded).
   */
  theme: string | null;
  column: string | null;
  topic: string | null;
  /** Selected commune (INSEE code) or QPV code. */
  selected: string | null;
  /** Columns of the communes table chosen by the user; null: the defaults of the indicator. */
  tableColumns: TableColumnId[] | null;
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
  selected: null,
  tableColumns: null
});

export const MIN_CLASSES = 2;
export const MAX_CLASSES = 7;

const TERRITORY_CODE = /^(\d{5}|2[AB]\d{3}|Q[PN]\d{5,6}[A-Z]?)$/;

/** Workshop themes are numbered 1 to 4 (see data/workshop). */
const THEME_NUMBER = /^[1-4]$/;

/**
 * A query parameter that named nothing valid and was replaced by its default. `message` is a
 * French phrase naming the parameter and its value, for a discreet notice.
 */
export interface UrlWarning {
  param: string;
  value: string;
  message: string;
}

/** Shortens a raw value for display (a pasted link can carry anything). */
function shown(raw: string): string {
  const t = raw.trim();
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}

export function urlWarning(param: string, raw: string, what: string): UrlWarning {
  return { param, value: raw, message: `${param} « ${shown(raw)} » : ${what}` };
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
}

function text(raw: string | null): string | null {
  const t = raw?.trim() ?? '';
  return t === '' ? null : t.slice(0, 120);
}

/**
 * Manual thresholds `10_20_25,5` (comma or point decimals) → sorted numbers, or null when the
 * list is unusable: a non-number, two equal thresholds (a class would be empty and MapLibre
 * refuses non-increasing steps), or more thresholds than classes allow.
 */
export function parseBreaks(raw: string): number[] | null {
  const parts = raw.split('_').filter((s) => s.trim() !== '');
  if (parts.length === 0 || parts.length > MAX_CLASSES - 1) return null;
  const numbers = parts.map((s) =>
    /^-?\d+([.,]\d+)?$/.test(s.trim()) ? Number(s.trim().replace(',', '.')) : NaN
  );
  if (numbers.some((n) => !Number.isFinite(n))) return null;
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted.every((n, i) => i === 0 || n > sorted[i - 1]!) ? sorted : null;
}

/**
 * Reads a view from a query string. Every field that names nothing valid falls back to its
 * default and adds a warning; unknown parameters (e.g. a tracker's) are ignored.
 */
export function decodeViewChecked(params: URLSearchParams): {
  state: ViewParams;
  warnings: UrlWarning[];
} {
  const warnings: UrlWarning[] = [];
  const pick = <T extends string>(
    param: string,
    allowed: readonly T[],
    fallback: T,
    what: string
  ): T => {
    const raw = params.get(param);
    if (raw === null) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    warnings.push(urlWarning(param, raw, what));
    return fallback;
  };

  const mode = pick('vue', MAP_MODES, DEFAULT_VIEW.mode, 'vue inconnue');
  let indicator: IndicatorId = DEFAULT_VIEW.indicator;
  const rawIndicator = params.get('indicateur');
  if (rawIndicator !== null) {
    if (isIndicatorId(rawIndicator)) indicator = rawIndicator;
    else warnings.push(urlWarning('indicateur', rawIndicator, 'indicateur inconnu'));
  }
  const method = pick('methode', CLASS_METHODS, DEFAULT_VIEW.method, 'méthode de classes inconnue');

  let classes = DEFAULT_VIEW.classes;
  const rawClasses = params.get('classes');
  if (rawClasses !== null) {
    const n = /^\d+$/.test(rawClasses.trim()) ? Number(rawClasses.trim()) : NaN;
    if (n >= MIN_CLASSES && n <= MAX_CLASSES) classes = n;
    else
      warnings.push(
        urlWarning(
          'classes',
          rawClasses,
          `nombre de classes attendu entre ${MIN_CLASSES} et ${MAX_CLASSES}`
        )
      );
  }

  let breaks: number[] = [];
  const rawBreaks = params.get('seuils');
  if (rawBreaks !== null) {
    const parsed = parseBreaks(rawBreaks);
    if (parsed) breaks = parsed;
    else
      warnings.push(
        urlWarning(
          'seuils',
          rawBreaks,
          `seuils invalides (1 à ${MAX_CLASSES - 1} nombres différents attendus)`
        )
      );
  }
  // Manual thresholds are only meaningful together: without usable ones, the default method.
  const manualWithoutBreaks = method === 'manuel' && breaks.length === 0;

  const palette = pick('palette', PALETTE_IDS, DEFAULT_VIEW.palette, 'palette inconnue');

  let layers = [...DEFAULT_VIEW.layers];
  const rawLayers = params.get('couches');
  if (rawLayers !== null) {
    const asked = rawLayers.split(',').filter((s) => s !== '');
    const unknown = asked.filter((id) => !(LAYER_IDS as readonly string[]).includes(id));
    if (unknown.length > 0)
      warnings.push(urlWarning('couches', unknown.join(','), 'couche inconnue'));
    layers = LAYER_IDS.filter((id) => asked.includes(id));
  }

  let theme: string | null = null;
  const rawTheme = text(params.get('theme'));
  if (rawTheme !== null) {
    if (THEME_NUMBER.test(rawTheme)) theme = rawTheme;
    else warnings.push(urlWarning('theme', rawTheme, 'thème inconnu (1 à 4)'));
  }
  let column: string | null = null;
  const rawColumn = text(params.get('colonne'));
  if (rawColumn !== null) {
    if (isWorkshopColumn(rawColumn)) column = rawColumn;
    else warnings.push(urlWarning('colonne', rawColumn, 'colonne inconnue'));
  }

  let tableColumns: TableColumnId[] | null = null;
  const rawTable = params.get('tableau');
  if (rawTable !== null) {
    const asked = rawTable.split(',').filter((s) => s !== '');
    const unknown = asked.filter((id) => !isTableColumnId(id));
    if (unknown.length > 0)
      warnings.push(urlWarning('tableau', unknown.join(','), 'colonne de tableau inconnue'));
    tableColumns = asked.filter(isTableColumnId);
  }

  let selected: string | null = null;
  const rawSelected = params.get('selection');
  if (rawSelected !== null && rawSelected.trim() !== '') {
    if (TERRITORY_CODE.test(rawSelected.trim())) selected = rawSelected.trim();
    else warnings.push(urlWarning('selection', rawSelected, 'code de commune ou de QPV invalide'));
  }

  return {
    state: {
      mode,
      indicator,
      method: manualWithoutBreaks && rawBreaks !== null ? DEFAULT_VIEW.method : method,
      classes,
      breaks,
      palette,
      layers,
      theme,
      column,
      topic: text(params.get('sujet')),
      selected,
      tableColumns
    },
    warnings
  };
}

/** Reads a view from a query string; every field falls back to its default on bad input. */
export function decodeView(params: URLSearchParams): ViewParams {
  return decodeViewChecked(params).state;
}

/**
 * Checks the fields that need the data (known only once loaded): the selected territory must
 * exist, the topic must be a keyword of the workshop base (`topics`, when loaded). Returns the
 * corrected view (or the same object when nothing changed) and the warnings.
 */
export function checkViewAgainstData(
  view: ViewParams,
  known: { territories?: ReadonlySet<string>; topics?: readonly string[] }
): { state: ViewParams; warnings: UrlWarning[] } {
  const warnings: UrlWarning[] = [];
  let state = view;
  if (view.selected !== null && known.territories && !known.territories.has(view.selected)) {
    warnings.push(urlWarning('selection', view.selected, 'aucun territoire de ce code'));
    state = { ...state, selected: null };
  }
  if (view.topic !== null && known.topics) {
    // Compared as the workshop filter does: case and accents ignored.
    const wanted = fold(view.topic);
    const match = known.topics.find((t) => fold(t) === wanted);
    if (match === undefined) {
      warnings.push(urlWarning('sujet', view.topic, 'aucun sujet de ce nom dans les ateliers'));
      state = { ...state, topic: null };
    } else if (match !== view.topic) state = { ...state, topic: match };
  }
  return { state, warnings };
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
  if (view.tableColumns) p.set('tableau', view.tableColumns.join(','));
  return p;
}
