/**
 * The workshop items relevant to one territory, grouped by theme and column and ranked (pure).
 */
import type { TerritoryKind, TerritoryProfile } from '$lib/schemas/tags';
import {
  WORKSHOP_COLUMNS,
  WORKSHOP_COLUMN_LABELS,
  type WorkshopColumn
} from '$lib/schemas/vocabulary';
import type { WorkshopItem } from '$lib/schemas/workshop';
import { matchesFilter, type WorkshopFilter } from './filter';
import { compareMatches, evidenceByTag, matchItem, type ItemMatch } from './match';

export interface LinkedItem extends ItemMatch {
  item: WorkshopItem;
  /** The bullet a sub-bullet belongs to, for context (null for a bullet). */
  parent: WorkshopItem | null;
}

export interface LinkedColumn {
  column: WorkshopColumn;
  /** Column heading of the workshop tables. */
  label: string;
  /** Framing lines in italics of the column, in workshop order. */
  intros: WorkshopItem[];
  /** Items that apply, ranked: strongest targeted first, `tous` items last. */
  items: LinkedItem[];
}

export interface LinkedTheme {
  theme: number;
  question: string;
  tables: string;
  columns: LinkedColumn[];
}

export interface TerritoryItems {
  territory: { code: string; nom: string; kind: TerritoryKind };
  /** Every theme of the base, each with its three columns (possibly without items). */
  themes: LinkedTheme[];
  /** Items shown because a tag of the territory holds. */
  targeted: number;
  /** Items shown because they concern every territory (`tous`). */
  universal: number;
}

/**
 * Items of `items` that apply to `profile` (see `matchItem` for the semantics), grouped by theme
 * (ascending) and column (problème, idéal, action). Within a column: targeted items by decreasing
 * score (the strength of the territory's condition, 0–1), then by number of tags holding, then
 * workshop order; `tous` items after them in workshop order. `filter` narrows the items considered.
 */
export function itemsForTerritory(
  profile: TerritoryProfile,
  items: readonly WorkshopItem[],
  filter: WorkshopFilter = {}
): TerritoryItems {
  const byTag = evidenceByTag(profile);
  const byId = new Map(items.map((i) => [i.id, i]));
  const themes = new Map<number, LinkedTheme>();
  const columnOf = (item: WorkshopItem): LinkedColumn => {
    let theme = themes.get(item.theme);
    if (!theme) {
      theme = {
        theme: item.theme,
        question: item.themeQuestion,
        tables: item.tables,
        columns: WORKSHOP_COLUMNS.map((column) => ({
          column,
          label: WORKSHOP_COLUMN_LABELS[column],
          intros: [],
          items: []
        }))
      };
      themes.set(item.theme, theme);
    }
    const col = theme.columns[WORKSHOP_COLUMNS.indexOf(item.column)];
    if (!col) throw new Error(`unknown column ${item.column} of item ${item.id}`);
    return col;
  };

  let targeted = 0;
  let universal = 0;
  for (const item of items) {
    const col = columnOf(item);
    if (item.kind === 'intro') {
      col.intros.push(item);
      continue;
    }
    if (!matchesFilter(item, filter)) continue;
    const match = matchItem(item, profile, byTag);
    if (!match) continue;
    if (match.universal) universal += 1;
    else targeted += 1;
    col.items.push({
      ...match,
      item,
      parent: item.parentId === null ? null : (byId.get(item.parentId) ?? null)
    });
  }

  const sorted = [...themes.values()].sort((a, b) => a.theme - b.theme);
  for (const theme of sorted) {
    for (const col of theme.columns) {
      col.intros.sort((a, b) => a.order - b.order);
      col.items.sort((a, b) => compareMatches(a, b) || a.item.order - b.item.order);
    }
  }
  return {
    territory: { code: profile.code, nom: profile.nom, kind: profile.kind },
    themes: sorted,
    targeted,
    universal
  };
}
