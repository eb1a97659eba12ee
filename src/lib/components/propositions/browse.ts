/**
 * Pure logic of the propositions browser: filter state ⇄ URL query, and filtering with a
 * full-text search that ignores case and accents (« equilibre » finds « rééquilibrage »).
 */
import { matchesFilter, type WorkshopFilter } from '../../linking/filter';
import { workshopTagSchema, type WorkshopTag } from '../../schemas/tags';
import {
  workshopColumnSchema,
  type WorkshopColumn,
  type WorkshopItem
} from '../../schemas/workshop';

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
}

export const EMPTY_STATE: BrowseState = {
  theme: null,
  column: null,
  topic: null,
  tag: null,
  q: '',
  item: null
};

/** URL query parameter of each field (French, since people share these links). */
const PARAM = {
  theme: 'theme',
  column: 'colonne',
  topic: 'sujet',
  tag: 'tag',
  q: 'q',
  item: 'element'
} as const;

/** Reads the state from a URL query; unknown values are dropped, never thrown on (links get old). */
export function stateFromQuery(query: URLSearchParams): BrowseState {
  const theme = Number(query.get(PARAM.theme));
  const column = workshopColumnSchema.safeParse(query.get(PARAM.column));
  const tag = workshopTagSchema.safeParse(query.get(PARAM.tag));
  const topic = query.get(PARAM.topic)?.trim();
  const item = query.get(PARAM.item)?.trim();
  return {
    theme: Number.isInteger(theme) && theme >= 1 && theme <= 4 ? theme : null,
    column: column.success ? column.data : null,
    topic: topic ? topic : null,
    tag: tag.success ? tag.data : null,
    q: query.get(PARAM.q)?.trim() ?? '',
    item: item ? item : null
  };
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
  return query;
}

/** Lower case without diacritics, for comparisons. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
}

/**
 * Items (framing lines excluded) passing the filters and containing every word of `q` in their
 * text, keywords or id. Workshop order is kept.
 */
export function browseItems(items: readonly WorkshopItem[], state: BrowseState): WorkshopItem[] {
  const filter: WorkshopFilter = {};
  if (state.theme !== null) filter.theme = state.theme;
  if (state.column !== null) filter.column = state.column;
  if (state.topic !== null) filter.keyword = state.topic;
  if (state.tag !== null) filter.tag = state.tag;
  const words = fold(state.q)
    .split(/\s+/)
    .filter((w) => w.length > 0);
  return items.filter((item) => {
    if (!matchesFilter(item, filter)) return false;
    if (words.length === 0) return true;
    const haystack = fold([item.text, item.id, ...item.keywords].join(' '));
    return words.every((w) => haystack.includes(w));
  });
}

/** Topic keywords of the base, each once (first spelling met), sorted the French way. */
export function topicsOf(items: readonly WorkshopItem[]): string[] {
  const byFold = new Map<string, string>();
  for (const item of items) {
    for (const k of item.keywords) if (!byFold.has(fold(k))) byFold.set(fold(k), k);
  }
  return [...byFold.values()].sort((a, b) => a.localeCompare(b, 'fr'));
}
