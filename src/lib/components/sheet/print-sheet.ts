/**
 * Compact rows of the printed territory sheets (pure): each figure with its value in French (an
 * estimate carries « ≈ » and its range, a missing value is said in words), and a per-sheet
 * numbered list of the sources cited (short title and vintage), so that a sheet fits one A4 page
 * while every figure keeps its source and vintage.
 */
import { formatDistance } from '../../format/number';
import { formatIndicatorValue } from '../../map/indicator-format';
import type { IndicatorDefinition, IndicatorId, IndicatorValue } from '../../schemas/indicators';
import { SHEET_SECTIONS } from './sheet-sections';

export interface PrintRow {
  /** Indicator id, or a free key for rows that are not indicators. */
  key: string;
  label: string;
  value: string;
  estimate: boolean;
  /** 1-based numbers into the sheet's notes. */
  refs: number[];
}

export interface PrintSection {
  title: string;
  rows: PrintRow[];
}

/** Numbered « Title — vintage » notes of one printed sheet, in order of first citation. */
export class PrintNotes {
  readonly notes: string[] = [];

  constructor(private readonly titles: Readonly<Record<string, string>>) {}

  /**
   * Note numbers of `sources` with `vintage`. A vintage with one part per source (« A ; B », as
   * the indicator definitions write it) is paired with its source; otherwise it is used whole.
   */
  cite(sources: readonly string[], vintage: string): number[] {
    const parts = vintage.split(' ; ');
    return sources.map((src, i) => {
      const v = parts.length === sources.length ? (parts[i] ?? vintage) : vintage;
      const text = `${this.titles[src] ?? src} — ${v}`;
      let n = this.notes.indexOf(text);
      if (n < 0) n = this.notes.push(text) - 1;
      return n + 1;
    });
  }
}

/**
 * One section of figures: the indicators `ids` that apply to the territory (a `not_applicable`
 * value is left out, as on screen), each citing its definition's sources in `notes`. Ids without
 * a definition are skipped.
 */
export function printSection(
  title: string,
  ids: readonly IndicatorId[],
  values: Partial<Record<IndicatorId, IndicatorValue>>,
  definitions: Partial<Record<IndicatorId, IndicatorDefinition>>,
  notes: PrintNotes
): PrintSection {
  return {
    title,
    rows: ids.flatMap((id): PrintRow[] => {
      const def = definitions[id];
      const v = values[id];
      if (!def || v?.status === 'not_applicable') return [];
      return [
        {
          key: id,
          label: def.label,
          value: formatIndicatorValue(v, def),
          estimate: v?.estimate ?? false,
          refs: notes.cite(def.sources, def.vintage)
        }
      ];
    })
  };
}

/** The sections of a printed commune sheet (and of the atlas), in order. */
export const COMMUNE_PRINT_SECTIONS = [
  SHEET_SECTIONS.sru,
  SHEET_SECTIONS.transit,
  SHEET_SECTIONS.qpv,
  SHEET_SECTIONS.housing
];

/** The figures of a printed commune sheet, citing their sources in `notes`. */
export function communePrintSections(
  values: Partial<Record<IndicatorId, IndicatorValue>>,
  definitions: Partial<Record<IndicatorId, IndicatorDefinition>>,
  notes: PrintNotes
): PrintSection[] {
  return COMMUNE_PRINT_SECTIONS.map((s) =>
    printSection(s.title, s.ids, values, definitions, notes)
  );
}

/** Note numbers (ascending, once each) of the sources of a printed map, cited in `notes`. */
export function citeMapSources(
  notes: PrintNotes,
  refs: readonly { source: string; vintage: string }[]
): number[] {
  const numbers = new Set(refs.flatMap((r) => notes.cite([r.source], r.vintage)));
  return [...numbers].sort((a, b) => a - b);
}

/** « [1][3] » after a printed figure. */
export function refMarks(refs: readonly number[]): string {
  return refs.map((n) => `[${n}]`).join('');
}

/** Width and height of a printed map, mm. */
export interface PrintMapSize {
  width: number;
  height: number;
}

/**
 * Size of the map of a printed commune sheet and of an atlas page (mm): floated top right, the
 * title and lead lines beside it, about a third of the A4 width so that a table still fits
 * beside it and the fullest sheets (Grenoble) keep to one page.
 */
export const PRINT_MAP_MM: PrintMapSize = { width: 58, height: 36 };

/**
 * A QPV sheet has two short tables: its map is larger (a perimeter is drawn at street scale),
 * the figures flow down the left column beside it.
 */
export const PRINT_MAP_QPV_MM: PrintMapSize = { width: 84, height: 60 };

/** Walking radii (metres) around the stops, by mode, as in the indicators' parameters. */
export interface TransitRadii {
  radiusTramM: number;
  radiusChronoM: number;
  radiusBusM: number;
}

/** The printed sheets' method line for transit coverage (radii in French, e.g. « 500 m »). */
export function transitMethodText(radii: TransitRadii): string {
  return `Desserte calculée à ${formatDistance(radii.radiusTramM)} d’un arrêt de tram, ${formatDistance(
    radii.radiusChronoM
  )} d’un arrêt Chrono, ${formatDistance(radii.radiusBusM)} des autres bus (sans les fréquences).`;
}
