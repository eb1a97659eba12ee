/**
 * The workshop items of one territory grouped by the reason they are shown (pure), for the sheets,
 * the slides and the CSV export: « Parce que Grenoble compte 4 quartiers prioritaires … : 45
 * propositions », and the universal items apart (« Valables partout »).
 *
 * A reason is the set of the territory's tags that make an item apply (after the same merging as
 * the « why » sentence: a carencée commune is not also « déficitaire »). Its key is stable (tags in
 * `CLAUSE_ORDER`, joined by « + »), so a URL fragment or a test can name a group.
 */
import type { TagEvidence, TerritoryKind, TerritoryProfile, TerritoryTag } from '$lib/schemas/tags';
import type { WorkshopItem } from '$lib/schemas/workshop';
import type { WorkshopFilter } from './filter';
import { framingLinesOf } from './framing';
import { itemsForTerritory, type LinkedItem } from './items-for-territory';
import { CLAUSE_ORDER, joinFrench, spellOutLls, visibleClauses } from './match';

export interface ReasonGroup {
  /** Stable key: the tags of the reason in clause order, joined by « + » (« qpv », « parc_social+habitat_collectif »). */
  key: string;
  tags: TerritoryTag[];
  /** The evidence of those tags (figure, source, vintage). */
  evidence: TagEvidence[];
  /** French title: « Parce que Grenoble compte 4 quartiers prioritaires … » (no count, no final stop). */
  title: string;
  /** Strongest score of the group's items (0–1): groups are ranked by it. */
  score: number;
  /** The items, by theme, column, then rank within the column (as `itemsForTerritory`). */
  items: LinkedItem[];
}

export interface GroupedItems {
  territory: { code: string; nom: string; kind: TerritoryKind };
  groups: ReasonGroup[];
  /** `tous` items, in theme / column / workshop order. */
  universal: LinkedItem[];
  /** Framing lines heading each item shown (id → framing lines), for views that show them. */
  framing: Map<string, WorkshopItem[]>;
}

/** Stable key of a set of tags. */
export function reasonKey(tags: readonly TerritoryTag[]): string {
  const rank = (t: TerritoryTag) => {
    const i = CLAUSE_ORDER.indexOf(t);
    return i < 0 ? CLAUSE_ORDER.length : i;
  };
  return [...new Set(tags)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).join('+');
}

/** « Parce que Grenoble <clauses> »: the same clauses as the « why » sentence. */
export function reasonTitle(nom: string, evidence: readonly TagEvidence[]): string {
  return spellOutLls(`Parce que ${nom} ${joinFrench(visibleClauses(evidence))}`);
}

export function groupItemsByReason(
  profile: TerritoryProfile,
  items: readonly WorkshopItem[],
  filter: WorkshopFilter = {}
): GroupedItems {
  const linked = itemsForTerritory(profile, items, filter);
  const groups = new Map<string, ReasonGroup>();
  const universal: LinkedItem[] = [];
  const framing = new Map<string, WorkshopItem[]>();
  for (const theme of linked.themes) {
    for (const col of theme.columns) {
      for (const l of col.items) {
        const lines = framingLinesOf(l.item, items);
        if (lines.length > 0) framing.set(l.item.id, lines);
        if (l.universal) {
          universal.push(l);
          continue;
        }
        const shown = visibleEvidence(l.evidence);
        const key = reasonKey(shown.map((e) => e.tag));
        let g = groups.get(key);
        if (!g) {
          const tags = key.split('+') as TerritoryTag[];
          const evidence = tags
            .map((t) => shown.find((e) => e.tag === t))
            .filter((e): e is TagEvidence => e !== undefined);
          g = {
            key,
            tags,
            evidence,
            title: reasonTitle(profile.nom, evidence),
            score: 0,
            items: []
          };
          groups.set(key, g);
        }
        g.score = Math.max(g.score, l.score);
        g.items.push(l);
      }
    }
  }
  return {
    territory: linked.territory,
    groups: [...groups.values()].sort(
      (a, b) => b.score - a.score || b.items.length - a.items.length || a.key.localeCompare(b.key)
    ),
    universal,
    framing
  };
}

/** The evidence whose clause the « why » sentence keeps (see `visibleClauses`). */
function visibleEvidence(evidence: readonly TagEvidence[]): TagEvidence[] {
  const kept = new Set(visibleClauses(evidence));
  return evidence.filter((e) => kept.has(e.reason.trim().replace(/[.\s]+$/, '')));
}
