/**
 * What every figure of a sheet needs besides its value: the indicator definitions (label, unit,
 * method, sources, vintage) and the titles of the sources for the links to `/sources#id`.
 */
import type { IndicatorDefinition, IndicatorId } from '../../schemas/indicators';
import type { SourceEntry } from '../../schemas/sources-manifest';

export interface SheetRefs {
  definitions: Partial<Record<IndicatorId, IndicatorDefinition>>;
  /** Source id → short title shown in the citation. */
  sourceTitles: Record<string, string>;
  /** Source id → vintage of the dataset, for figures that carry no vintage of their own. */
  sourceVintages: Record<string, string>;
}

/**
 * Short form of a dataset title for citations: the part before « : », « — » or « ( »
 * (« Communes et inventaire SRU (édition 2025 v2) » → « Communes et inventaire SRU »).
 */
export function shortTitle(title: string): string {
  const cut = title.split(/\s(?::|—|\()|\s\(/)[0]?.trim();
  return cut && cut.length > 0 ? cut : title;
}

export function makeSheetRefs(
  definitions: readonly IndicatorDefinition[],
  sources: readonly SourceEntry[]
): SheetRefs {
  return {
    definitions: Object.fromEntries(definitions.map((d) => [d.id, d])),
    sourceTitles: Object.fromEntries(sources.map((s) => [s.id, shortTitle(s.title)])),
    sourceVintages: Object.fromEntries(sources.map((s) => [s.id, s.vintage]))
  };
}
