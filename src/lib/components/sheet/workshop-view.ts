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
          parentText: l.parent?.text ?? null
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
