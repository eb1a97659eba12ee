/**
 * The workshop base as `/propositions` carries it in its prerendered page: each theme's question
 * and tables once, not on each of its items. They were 27 KB of the page's inline data (the same
 * sentence on 70 items), which every first view parses and compiles before the page answers.
 * Pure; the page unpacks once (211 objects), and the rest of the code keeps `WorkshopItem`.
 */
import type { WorkshopItem } from '../../schemas/workshop';

/** An item without what its theme says (`themeQuestion`, `tables`). */
export type PackedItem = Omit<WorkshopItem, 'themeQuestion' | 'tables'>;

export interface PackedTheme {
  theme: number;
  question: string;
  tables: string;
}

export interface PackedItems {
  /** One entry per theme, in the order the themes first appear. */
  themes: PackedTheme[];
  items: PackedItem[];
}

/**
 * Moves the theme fields of the items into one entry per theme.
 * @throws when two items of one theme disagree on its question or tables: the loader
 * (workshop.ts) already rejects such a base, so packing must not pick one silently.
 */
export function packItems(items: readonly WorkshopItem[]): PackedItems {
  const themes = new Map<number, PackedTheme>();
  const packed: PackedItem[] = [];
  for (const { themeQuestion, tables, ...rest } of items) {
    const known = themes.get(rest.theme);
    if (!known) themes.set(rest.theme, { theme: rest.theme, question: themeQuestion, tables });
    else if (known.question !== themeQuestion || known.tables !== tables)
      throw new Error(
        `${rest.id} : thème ${rest.theme} décrit autrement que par les autres éléments`
      );
    packed.push(rest);
  }
  return { themes: [...themes.values()], items: packed };
}

/**
 * The items as `packItems` received them.
 * @throws when an item's theme has no entry (the packed data was altered).
 */
export function unpackItems(packed: PackedItems): WorkshopItem[] {
  const themes = new Map(packed.themes.map((t) => [t.theme, t]));
  return packed.items.map((item) => {
    const theme = themes.get(item.theme);
    if (!theme) throw new Error(`${item.id} : thème ${item.theme} absent des données de la page`);
    return { ...item, themeQuestion: theme.question, tables: theme.tables };
  });
}
