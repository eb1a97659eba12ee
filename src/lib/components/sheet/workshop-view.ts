/**
 * What the sheets show of the workshop base: the items relevant to a territory, grouped by theme
 * then column (problem, ideal, action), each with the sentence saying why it is shown.
 * Plain data (it is serialised into the prerendered page), built from the linking layer's output.
 */
import type { TerritoryItems } from '../../linking/items-for-territory';
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
          score: l.score
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
