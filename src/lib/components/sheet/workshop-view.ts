/**
 * What the sheets show of the workshop base: the items relevant to a territory, grouped by theme
 * then column (problem, ideal, action), each with the sentence saying why it is shown.
 * Plain data (it is serialised into the prerendered page), built from the linking layer's output.
 */
import type { TerritoryItems } from '../../linking/items-for-territory';
import { joinFrench, rankScore } from '../../linking/match';
import type { SourceRef } from '../../schemas/common';
import type { WorkshopColumn } from '../../schemas/workshop';

export interface SheetWorkshopItem {
  id: string;
  /** Verbatim text of the bullet. */
  text: string;
  /** « Affiché car la commune … ». */
  why: string;
  /** Sources of the figures the « why » cites. */
  sources: SourceRef[];
  /** True for an item concerning every territory (`tous`). */
  universal: boolean;
  /** Text of the parent bullet for a sub-bullet, else null. */
  parentText: string | null;
  /** Id of the parent bullet for a sub-bullet, else null. */
  parentId: string | null;
  /** Ranking score of the linking layer, 0 (weak) to 1 (strong); 0 for universal items. */
  score: number;
  /** The territory's conditions that hold for this item, strongest first (empty if universal). */
  reasons: SheetReason[];
  /** True when the item applies only where all its tags hold (condition `all`). */
  allOf: boolean;
}

/** One condition of a territory that holds: its tag and the clause citing the figure. */
export interface SheetReason {
  /** Tag of the condition (`qpv`, `sru_deficitaire`…). */
  key: string;
  /** Clause completing « Affiché car la commune … »: « compte 4 quartiers prioritaires (…) ». */
  text: string;
  /** 0..1, how strongly it holds (ranking weight included). */
  score: number;
  source: SourceRef;
}

export interface SheetWorkshopColumn {
  column: WorkshopColumn;
  label: string;
  /** Framing lines of the column (the tables' questions in italics). */
  intros: string[];
  items: SheetWorkshopItem[];
}

export interface SheetWorkshopTheme {
  theme: number;
  question: string;
  tables: string;
  columns: SheetWorkshopColumn[];
}

export interface SheetWorkshop {
  themes: SheetWorkshopTheme[];
  /** French message when the base could not be read (the rest of the sheet still shows). */
  error: string | null;
  /** Rows of the base rejected by the loader (shown as a warning, with line numbers). */
  rejected: string[];
}

/** Keeps the themes with at least one item, in the linking layer's order and ranking. */
export function toSheetThemes(linked: TerritoryItems): SheetWorkshopTheme[] {
  return linked.themes
    .map((t) => ({
      theme: t.theme,
      question: t.question,
      tables: t.tables,
      columns: t.columns.map((c) => ({
        column: c.column,
        label: c.label,
        intros: c.intros.map((i) => i.text),
        items: c.items.map((l) => ({
          id: l.item.id,
          text: l.item.text,
          why: l.explanation,
          sources: l.sources,
          universal: l.universal,
          parentText: l.parent?.text ?? null,
          parentId: l.item.parentId,
          score: l.score,
          reasons: l.evidence.map((e) => ({
            key: e.tag,
            text: e.reason.trim(),
            score: rankScore(e),
            source: { source: e.source, vintage: e.vintage }
          })),
          allOf: l.item.condition === 'all'
        }))
      }))
    }))
    .filter((t) => t.columns.some((c) => c.items.length > 0));
}

/** The themes keeping only the items that are (or are not) universal, dropping emptied themes. */
export function splitUniversal(
  themes: readonly SheetWorkshopTheme[],
  universal: boolean
): SheetWorkshopTheme[] {
  return themes
    .map((t) => ({
      ...t,
      columns: t.columns.map((c) => ({
        ...c,
        items: c.items.filter((i) => i.universal === universal)
      }))
    }))
    .filter((t) => t.columns.some((c) => c.items.length > 0));
}

/**
 * The `n` strongest items of one column over all themes, for the printed sheet: targeted items by
 * decreasing score (ties keep theme then workshop order), then universal items only when too few
 * are targeted. A bullet whose sub-bullet is also listed is left out: the sub-bullet carries it as
 * context, and a heading bullet (« … auprès de l'État : ») says little on its own.
 */
export function topItems(
  themes: readonly SheetWorkshopTheme[],
  column: WorkshopColumn,
  n: number
): SheetWorkshopItem[] {
  const all = themes.flatMap((t) =>
    t.columns.filter((c) => c.column === column).flatMap((c) => c.items)
  );
  const parents = new Set(all.map((i) => i.parentId).filter((p) => p !== null));
  return all
    .filter((i) => !parents.has(i.id))
    .map((item, order) => ({ item, order }))
    .sort(
      (a, b) =>
        Number(a.item.universal) - Number(b.item.universal) ||
        b.item.score - a.item.score ||
        a.order - b.order
    )
    .slice(0, n)
    .map((x) => x.item);
}

/** Why line of a universal item on the printed sheet and the atlas. */
export const UNIVERSAL_WHY = 'Valable pour tous les territoires.';

/**
 * The « why » line of each item of a printed list, in order: an item shown for the same reason
 * as an earlier one of the list refers to it (« Affiché pour la même raison que le n° 1. ») instead
 * of repeating a sentence of two or three lines, as the screen sheet states each reason once.
 */
export function printWhys(list: readonly Pick<SheetWorkshopItem, 'why' | 'universal'>[]): string[] {
  const first = new Map<string, number>();
  return list.map((it, i) => {
    if (it.universal) return UNIVERSAL_WHY;
    const earlier = first.get(it.why);
    if (earlier !== undefined) return `Affiché pour la même raison que le n° ${earlier + 1}.`;
    first.set(it.why, i);
    return it.why;
  });
}

/** Items of one reason, by theme then column (the workshop tables' order). */
export interface ReasonGroup {
  /** Stable key of the reason (its tag, or tags joined by `+` for a condition `all`). */
  key: string;
  /** Clause(s) completing « Parce que Grenoble … »: « compte 4 quartiers prioritaires (…) ». */
  reason: string;
  /** Sources of the figures the reason cites. */
  sources: SourceRef[];
  /** Strength of the reason, 0..1 (orders groups of equal size). */
  score: number;
  /** Number of items in the group. */
  count: number;
  themes: SheetWorkshopTheme[];
}

/**
 * Targeted items grouped by the reason they are shown for, so that a sheet states each reason
 * once (« Parce que Grenoble compte 4 QPV (…) : 45 propositions ») instead of on every item.
 * An item goes to its strongest reason; an item that applies only where all its tags hold goes
 * to the group of that combination. Its other reasons stay on the item (`reasons`, shown as
 * « aussi : … »). Groups are ordered by size (what concerns the territory most often first), then
 * strength, then key; items keep the linking
 * layer's order within each theme and column. Universal items are left out (see `splitUniversal`).
 */
export function groupByReason(themes: readonly SheetWorkshopTheme[]): ReasonGroup[] {
  const groups = new Map<string, ReasonGroup>();
  for (const t of themes) {
    for (const c of t.columns) {
      for (const item of c.items) {
        if (item.universal || item.reasons.length === 0) continue;
        const rs = item.allOf
          ? [...item.reasons].sort((a, b) => a.key.localeCompare(b.key))
          : item.reasons.slice(0, 1);
        const key = rs.map((r) => r.key).join('+');
        let g = groups.get(key);
        if (!g) {
          g = {
            key,
            reason: joinFrench(rs.map((r) => r.text)),
            sources: uniqueRefs(rs.map((r) => r.source)),
            score: Math.min(...rs.map((r) => r.score)),
            count: 0,
            themes: []
          };
          groups.set(key, g);
        }
        g.count += 1;
        let gt = g.themes.find((x) => x.theme === t.theme);
        if (!gt) {
          gt = {
            theme: t.theme,
            question: t.question,
            tables: t.tables,
            columns: t.columns.map((col) => ({ ...col, items: [] }))
          };
          g.themes.push(gt);
        }
        gt.columns.find((col) => col.column === c.column)?.items.push(item);
      }
    }
  }
  return [...groups.values()]
    .map((g) => ({
      ...g,
      themes: g.themes.map((t) => ({ ...t, columns: t.columns.filter((c) => c.items.length > 0) }))
    }))
    .sort((a, b) => b.count - a.count || b.score - a.score || a.key.localeCompare(b.key));
}

/** The reasons of an item other than those of its group, for « aussi : … ». */
export function otherReasons(item: SheetWorkshopItem, groupKey: string): SheetReason[] {
  const inGroup = new Set(groupKey.split('+'));
  return item.reasons.filter((r) => !inGroup.has(r.key));
}

function uniqueRefs(refs: readonly SourceRef[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const r of refs) seen.set(`${r.source}|${r.vintage}`, r);
  return [...seen.values()];
}
