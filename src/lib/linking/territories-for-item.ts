/**
 * The reverse link: where a workshop item applies, and counts of items per territory for the
 * map's « propositions » view (pure).
 */
import type { TerritoryKind, TerritoryProfile, WorkshopTag } from '$lib/schemas/tags';
import type { WorkshopItem } from '$lib/schemas/workshop';
import { matchesFilter, type WorkshopFilter } from './filter';
import { compareMatches, evidenceByTag, matchItem, type ItemMatch } from './match';
import { compareFrench } from '$lib/format/collate';

export interface TerritoryMatch extends ItemMatch {
  code: string;
  nom: string;
  kind: TerritoryKind;
}

/**
 * Territories of `profiles` where `item` applies, strongest condition first (ties by name, French
 * collation). A `tous` item applies to every profile with score 0; a framing line to none.
 */
export function territoriesForItem(
  item: WorkshopItem,
  profiles: readonly TerritoryProfile[]
): TerritoryMatch[] {
  const out: TerritoryMatch[] = [];
  for (const p of profiles) {
    const match = matchItem(item, p);
    if (match) out.push({ ...match, code: p.code, nom: p.nom, kind: p.kind });
  }
  return out.sort((a, b) => compareMatches(a, b) || compareFrench(a.nom, b.nom));
}

export interface TerritoryCount {
  code: string;
  nom: string;
  kind: TerritoryKind;
  /** Items (bullets and sub-bullets) shown because a tag of the territory holds. */
  targeted: number;
  /** `tous` items, the same number everywhere. */
  universal: number;
}

export interface TerritoryCounts {
  counts: TerritoryCount[];
  /** Diagnostics: ids of filtered items that apply to none of the profiles. */
  unusedItems: string[];
  /** Diagnostics: codes of profiles with no targeted item. */
  territoriesWithoutTargeted: string[];
}

/**
 * Number of items passing `filter` that apply to each profile (profiles keep their input order),
 * for choropleths of the « propositions » view.
 */
export function countItemsByTerritory(
  items: readonly WorkshopItem[],
  profiles: readonly TerritoryProfile[],
  filter: WorkshopFilter = {}
): TerritoryCounts {
  const selected = items.filter((i) => matchesFilter(i, filter));
  const used = new Set<string>();
  const counts = profiles.map((p) => {
    const byTag = evidenceByTag(p);
    let targeted = 0;
    let universal = 0;
    for (const item of selected) {
      const m = matchItem(item, p, byTag);
      if (!m) continue;
      used.add(item.id);
      if (m.universal) universal += 1;
      else targeted += 1;
    }
    return { code: p.code, nom: p.nom, kind: p.kind, targeted, universal };
  });
  return {
    counts,
    unusedItems: selected.filter((i) => !used.has(i.id)).map((i) => i.id),
    territoriesWithoutTargeted: counts.filter((c) => c.targeted === 0).map((c) => c.code)
  };
}

/** How many items (bullets and sub-bullets) carry each tag. */
export function tagCounts(items: readonly WorkshopItem[]): Map<WorkshopTag, number> {
  const out = new Map<WorkshopTag, number>();
  for (const i of items) {
    if (i.kind === 'intro') continue;
    for (const t of i.tags) out.set(t, (out.get(t) ?? 0) + 1);
  }
  return out;
}

/** Topic keywords with the number of items carrying each, most frequent first (for filters). */
export function keywordCounts(
  items: readonly WorkshopItem[]
): { keyword: string; count: number }[] {
  const out = new Map<string, number>();
  for (const i of items) {
    if (i.kind === 'intro') continue;
    for (const k of i.keywords) out.set(k, (out.get(k) ?? 0) + 1);
  }
  return [...out.entries()]
    .map(([keyword, count]) => ({ keyword, count }))
    .sort((a, b) => b.count - a.count || compareFrench(a.keyword, b.keyword));
}
