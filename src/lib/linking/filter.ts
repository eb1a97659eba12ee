/** Filters of the « propositions » views (pure). */
import type { WorkshopTag } from '$lib/schemas/tags';
import type { WorkshopColumn, WorkshopItem } from '$lib/schemas/workshop';

export interface WorkshopFilter {
  /** Theme 1–4. */
  theme?: number;
  column?: WorkshopColumn;
  /** Topic keyword (compared case-insensitively, e.g. « foncier », « LLS »). */
  keyword?: string;
  /** Items carrying this tag. */
  tag?: WorkshopTag;
}

const fold = (s: string) => s.trim().toLocaleLowerCase('fr');

/** True when the item passes every criterion the filter sets. Framing lines never pass. */
export function matchesFilter(item: WorkshopItem, filter: WorkshopFilter = {}): boolean {
  if (item.kind === 'intro') return false;
  if (filter.theme !== undefined && item.theme !== filter.theme) return false;
  if (filter.column !== undefined && item.column !== filter.column) return false;
  if (filter.tag !== undefined && !item.tags.includes(filter.tag)) return false;
  if (filter.keyword !== undefined) {
    const k = fold(filter.keyword);
    if (!item.keywords.some((w) => fold(w) === k)) return false;
  }
  return true;
}
