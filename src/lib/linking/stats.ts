/**
 * How well the workshop base tells territories apart (pure): share of universal items and number
 * of distinct sets of targeted items across territories. Targets of issue 11: at most 45 %
 * universal, at least 20 distinct sets across the 49 communes.
 */
import type { TerritoryProfile } from '$lib/schemas/tags';
import type { WorkshopItem } from '$lib/schemas/workshop';
import { evidenceByTag, matchItem } from './match';

export interface LinkingStats {
  /** Bullets and sub-bullets (framing lines excluded). */
  items: number;
  universal: number;
  /** universal / items, %. */
  universalSharePct: number;
  /** Number of different sets of targeted item ids among the profiles. */
  distinctSets: number;
  /** Territories sharing each set, largest groups first (codes). */
  groups: string[][];
}

export function linkingStats(
  items: readonly WorkshopItem[],
  profiles: readonly TerritoryProfile[]
): LinkingStats {
  const props = items.filter((i) => i.kind !== 'intro');
  const universal = props.filter((i) => i.tags.includes('tous')).length;
  const bySet = new Map<string, string[]>();
  for (const p of profiles) {
    const byTag = evidenceByTag(p);
    const ids = props
      .filter((i) => {
        const m = matchItem(i, p, byTag);
        return m !== null && !m.universal;
      })
      .map((i) => i.id)
      .join(' ');
    const group = bySet.get(ids) ?? [];
    group.push(p.code);
    bySet.set(ids, group);
  }
  return {
    items: props.length,
    universal,
    universalSharePct: props.length > 0 ? (100 * universal) / props.length : 0,
    distinctSets: bySet.size,
    groups: [...bySet.values()].sort((a, b) => b.length - a.length)
  };
}
