/**
 * Pure logic of the propositions browser: filter state ⇄ URL query, and filtering with a
 * full-text search that ignores case and accents (« equilibre » finds « rééquilibrage »).
 */
import { matchesFilter, type WorkshopFilter } from '../../linking/filter';
import { evidenceByTag, matchItem } from '../../linking/match';
import { urlWarning, type UrlWarning } from '../../map/url-state';
import type { TerritoryProfile, TerritoryRef } from '../../schemas/tags';
import {
  isWorkshopColumn,
  isWorkshopTag,
  type WorkshopColumn,
  type WorkshopTag
} from '../../schemas/vocabulary';
import type { WorkshopItem } from '../../schemas/workshop';
import { compareFrench } from '../../format/collate';

export interface BrowseState {
  theme: number | null;
  column: WorkshopColumn | null;
  /** Topic keyword, as written in the base. */
  topic: string | null;
  tag: WorkshopTag | null;
  /** Free text. */
  q: string;
  /** Id of the item whose territories are highlighted. */
  item: string | null;
  /** Code of a territory (commune or QPV): only the items that apply there. */
  territory: string | null;
}

export const EMPTY_STATE: BrowseState = {
  theme: null,
  column: null,
  topic: null,
  tag: null,
  q: '',
  item: null,
  territory: null
};

/** URL query parameter of each field (French, since people share these links). */
const PARAM = {
  theme: 'theme',
  column: 'colonne',
  topic: 'sujet',
  tag: 'tag',
  q: 'q',
  item: 'element',
  territory: 'territoire'
} as const;

/** Reads the state from a URL query; unknown values are dropped, never thrown on (links get old). */
export function stateFromQuery(query: URLSearchParams): BrowseState {
  const theme = Number(query.get(PARAM.theme));
  const column = query.get(PARAM.column);
  const tag = query.get(PARAM.tag);
  const topic = query.get(PARAM.topic)?.trim();
  const item = query.get(PARAM.item)?.trim();
  const territory = query.get(PARAM.territory)?.trim();
  return {
    theme: Number.isInteger(theme) && theme >= 1 && theme <= 4 ? theme : null,
    column: isWorkshopColumn(column) ? column : null,
    topic: topic ? topic : null,
    tag: isWorkshopTag(tag) ? tag : null,
    q: query.get(PARAM.q)?.trim() ?? '',
    item: item ? item : null,
    territory: territory ? territory : null
  };
}

/**
 * Reads the state from a URL query and checks it against the base: a theme, column, tag, topic
 * or element that names nothing in `items` falls back to « all » with a French warning naming
 * the parameter (shown discreetly by the page). The free text `q` is never refused.
 */
export function stateFromQueryChecked(
  query: URLSearchParams,
  items: readonly WorkshopItem[]
): { state: BrowseState; warnings: UrlWarning[] } {
  const state = stateFromQuery(query);
  const warnings: UrlWarning[] = [];
  const raw = (key: keyof typeof PARAM) => query.get(PARAM[key])?.trim() ?? '';

  const themes = new Set(items.map((i) => i.theme));
  if (raw('theme') !== '' && (state.theme === null || !themes.has(state.theme))) {
    warnings.push(urlWarning(PARAM.theme, raw('theme'), 'thème inconnu'));
    state.theme = null;
  }
  if (raw('column') !== '' && state.column === null)
    warnings.push(urlWarning(PARAM.column, raw('column'), 'colonne inconnue'));
  if (raw('tag') !== '' && state.tag === null)
    warnings.push(urlWarning(PARAM.tag, raw('tag'), 'type de territoire inconnu'));
  if (state.topic !== null) {
    const match = topicsOf(items).find((t) => fold(t) === fold(state.topic ?? ''));
    if (match === undefined) {
      warnings.push(urlWarning(PARAM.topic, state.topic, 'aucun sujet de ce nom'));
      state.topic = null;
    } else state.topic = match;
  }
  if (state.item !== null && !items.some((i) => i.id === state.item)) {
    warnings.push(urlWarning(PARAM.item, state.item, 'aucun élément de ce numéro'));
    state.item = null;
  }
  return { state, warnings };
}

/** Writes the non-empty fields of the state as a URL query (stable order). */
export function stateToQuery(state: BrowseState): URLSearchParams {
  const query = new URLSearchParams();
  if (state.theme !== null) query.set(PARAM.theme, String(state.theme));
  if (state.column !== null) query.set(PARAM.column, state.column);
  if (state.topic !== null) query.set(PARAM.topic, state.topic);
  if (state.tag !== null) query.set(PARAM.tag, state.tag);
  if (state.q.trim() !== '') query.set(PARAM.q, state.q.trim());
  if (state.item !== null) query.set(PARAM.item, state.item);
  if (state.territory !== null) query.set(PARAM.territory, state.territory);
  return query;
}

/** Lower case without diacritics, for comparisons. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
}

/**
 * The territory a text names, ignoring case, accents, hyphens and apostrophes (« meylan »,
 * « SAINT MARTIN D'HERES », « echirolles »): an exact name first, else the only name that
 * contains it. Null when none or several match.
 */
export function findTerritory<T extends TerritoryRef>(
  text: string,
  territories: readonly T[]
): T | null {
  const norm = (s: string) =>
    fold(s)
      .replace(/[-'’\s]+/g, ' ')
      .trim();
  const t = norm(text);
  if (t.length < 2) return null;
  const exact = territories.filter((p) => norm(p.nom) === t || p.code.toLowerCase() === t);
  if (exact.length === 1) return exact[0] ?? null;
  if (exact.length > 1) return exact.find((p) => p.kind === 'commune') ?? null;
  const partial = territories.filter((p) => norm(p.nom).includes(t));
  return partial.length === 1 ? (partial[0] ?? null) : null;
}

/**
 * Items (framing lines excluded) passing the filters and containing every word of `q` in their
 * text, keywords or id. Workshop order is kept. With a territory (`state.territory`, or a `q` that
 * names one, see `findTerritory`), only the items that apply there (targeted or universal).
 */
export function browseItems(
  items: readonly WorkshopItem[],
  state: BrowseState,
  profiles: readonly TerritoryProfile[] = []
): WorkshopItem[] {
  const filter: WorkshopFilter = {};
  if (state.theme !== null) filter.theme = state.theme;
  if (state.column !== null) filter.column = state.column;
  if (state.topic !== null) filter.keyword = state.topic;
  if (state.tag !== null) filter.tag = state.tag;
  let territory = state.territory
    ? (profiles.find((p) => p.code === state.territory) ?? null)
    : null;
  let q = state.q;
  if (!territory && q.trim() !== '') {
    // « Meylan » typed in the search box: the items of Meylan, not the word in the texts.
    const named = findTerritory(q, profiles);
    if (named) {
      territory = named;
      q = '';
    }
  }
  const words = fold(q)
    .split(/\s+/)
    .filter((w) => w.length > 0);
  const byTag = territory ? evidenceByTag(territory) : null;
  return items.filter((item) => {
    if (!matchesFilter(item, filter)) return false;
    if (territory && byTag && matchItem(item, territory, byTag) === null) return false;
    if (words.length === 0) return true;
    const haystack = fold([item.text, item.id, ...item.keywords].join(' '));
    return words.every((w) => haystack.includes(w));
  });
}

/** Topic keywords of the base, each once (first spelling met), sorted the French way. */
export function topicsOf(items: readonly WorkshopItem[]): string[] {
  const byFold = new Map<string, string>();
  for (const item of items) {
    for (const k of item.keywords) {
      const key = fold(k);
      if (!byFold.has(key)) byFold.set(key, k);
    }
  }
  return [...byFold.values()].sort(compareFrench);
}
