/**
 * Rows of one commune of the printable atlas (pure): the very sections of the printed commune
 * sheet, with a per-sheet numbered list of the sources they cite (title and vintage), the
 * sources of the page's map last.
 */
import {
  citeMapSources,
  communePrintSections,
  PrintNotes,
  type PrintSection
} from '$lib/components/sheet/print-sheet';
import type { CommuneIndicators, IndicatorDefinition } from '$lib/schemas/indicators';

export interface AtlasSheetRows {
  sections: PrintSection[];
  /** « Title — vintage », numbered in order of first citation. */
  notes: string[];
  /** Note numbers of the map's sources (cited after the figures), ascending. */
  mapRefs: number[];
}

export function atlasRows(
  commune: CommuneIndicators,
  definitions: readonly IndicatorDefinition[],
  sourceTitles: Readonly<Record<string, string>>,
  mapSources: readonly { source: string; vintage: string }[] = []
): AtlasSheetRows {
  const notes = new PrintNotes(sourceTitles);
  const defs = Object.fromEntries(definitions.map((d) => [d.id, d]));
  const sections = communePrintSections(commune.values, defs, notes);
  const mapRefs = citeMapSources(notes, mapSources);
  return { sections, notes: notes.notes, mapRefs };
}
