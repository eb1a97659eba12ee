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
  /** Indicator id → rank and group value (« 5e sur 22 communes SRU ; … »), see context-text.ts. */
  contexts: Partial<Record<IndicatorId, string>>;
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
  sources: readonly SourceEntry[],
  contexts: Partial<Record<IndicatorId, string>> = {}
): SheetRefs {
  return {
    definitions: Object.fromEntries(definitions.map((d) => [d.id, d])),
    sourceTitles: Object.fromEntries(sources.map((s) => [s.id, shortTitle(s.title)])),
    sourceVintages: Object.fromEntries(sources.map((s) => [s.id, s.vintage])),
    contexts
  };
}

/**
 * The sources and vintage shared by every figure of `ids`, or null when they differ: a block whose
 * figures all come from one dataset cites it once instead of under each figure.
 */
export function commonSource(
  ids: readonly IndicatorId[],
  definitions: SheetRefs['definitions']
): { sources: string[]; vintage: string } | null {
  const keys = new Set<string>();
  let first: { sources: string[]; vintage: string } | null = null;
  for (const id of ids) {
    const d = definitions[id];
    if (!d) return null;
    keys.add(`${d.sources.join(',')}|${d.vintage}`);
    first ??= { sources: d.sources, vintage: d.vintage };
  }
  return keys.size === 1 ? first : null;
}
