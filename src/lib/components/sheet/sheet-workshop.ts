/**
 * Loads the workshop base at build time and links it to one territory, for the sheets' server
 * loads. A broken base never breaks the sheet: its error is returned as a French message.
 */
import { loadBundledWorkshop } from '../../data/workshop';
import { itemsForTerritory } from '../../linking/items-for-territory';
import type { TerritoryProfile } from '../../schemas/tags';
import { toSheetThemes, type SheetWorkshop } from './workshop-view';

export async function loadSheetWorkshop(profile: TerritoryProfile): Promise<SheetWorkshop> {
  try {
    const { items, errors } = await loadBundledWorkshop();
    return {
      themes: toSheetThemes(itemsForTerritory(profile, items)),
      error: null,
      rejected: errors.map((e) => e.message)
    };
  } catch (e) {
    return {
      themes: [],
      error: e instanceof Error ? e.message : String(e),
      rejected: []
    };
  }
}
