/**
 * Meeting mode, pure helpers: the territory sequence of the URL, keyboard navigation, and the
 * content of one slide (three key figures with their source, the top workshop problems and
 * actions with their « why »). No DOM, no map.
 */
import { itemsForTerritory, type LinkedItem } from '$lib/linking/items-for-territory';
import { formatIndicatorValue } from '$lib/map/indicator-format';
import { isInseeCode } from '$lib/schemas/vocabulary';
import type {
  IndicatorDefinition,
  IndicatorId,
  IndicatorsFile,
  IndicatorValue
} from '$lib/schemas/indicators';
import type { SlideData, SlideFigure, SlideItem } from '$lib/schemas/slides';
import type { WorkshopItem } from '$lib/schemas/workshop';

/** QPV codes as the pipeline writes them (2015 « QP038012 », 2024 « QN03801M »). */
const QPV_CODE = /^Q[PN]\d{6}[A-Z]?$|^Q[PN]\d{5}[A-Z]$/;

/** The URL parameter holding the sequence: `/presentation?territoires=38185,38111`. */
export const TERRITORIES_PARAM = 'territoires';

export interface ParsedSequence {
  /** Valid codes in order, duplicates kept once (first position). */
  codes: string[];
  /** Tokens that are neither an INSEE code nor a QPV code. */
  invalid: string[];
}

/** Reads `38185, 38111 ,QP038012` → codes; blank tokens are ignored. */
export function parseTerritories(param: string | null): ParsedSequence {
  const codes: string[] = [];
  const invalid: string[] = [];
  for (const raw of (param ?? '').split(',')) {
    const token = raw.trim().toUpperCase();
    if (token === '') continue;
    if (isInseeCode(token) || QPV_CODE.test(token)) {
      if (!codes.includes(token)) codes.push(token);
    } else invalid.push(raw.trim());
  }
  return { codes, invalid };
}

/** Builds the query string value (commas kept readable). */
export function formatTerritories(codes: readonly string[]): string {
  return codes.join(',');
}

/**
 * Next slide index for a key of a keyboard or a presenter clicker (clickers send PageDown /
 * PageUp, sometimes arrows). Returns null for keys that do not navigate.
 */
export function navigate(index: number, count: number, key: string, shift = false): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return Math.min(last, index + 1);
    case ' ':
    case 'Spacebar':
      return shift ? Math.max(0, index - 1) : Math.min(last, index + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'Backspace':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/** Moves one element of a list up (-1) or down (+1); a no-op at the ends. */
export function move<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  const out = [...list];
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return out;
  const [item] = out.splice(index, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}

// Types from the contract of the published slide files (type-only: no zod in this module).
export type { SlideData, SlideFigure, SlideItem } from '$lib/schemas/slides';

/** Key figures of a slide, in order; the first ones available are used. */
const COMMUNE_FIGURES: readonly IndicatorId[] = [
  'sru_taux_lls',
  'qpv_nombre',
  'tc_couverture_population'
];
const QPV_FIGURES: readonly IndicatorId[] = [
  'qpv_population',
  'tc_couverture_population',
  'tc_distance_tram_chrono',
  'population'
];

const SRU_STATUS_TEXT: Record<string, string> = {
  carencee: 'commune carencée',
  deficitaire: 'commune déficitaire',
  conforme: 'objectif atteint',
  exemptee: 'commune exemptée',
  non_soumise: 'commune non soumise à la loi SRU'
};

function figure(
  id: IndicatorId,
  values: Partial<Record<IndicatorId, IndicatorValue>>,
  defs: ReadonlyMap<IndicatorId, IndicatorDefinition>,
  detail: string | null = null
): SlideFigure | null {
  const def = defs.get(id);
  if (!def) return null;
  const v = values[id];
  return {
    id,
    label: def.label,
    value: formatIndicatorValue(v, def),
    detail,
    estimate: v?.estimate ?? false,
    sources: def.sources,
    vintage: def.vintage
  };
}

function toSlideItem(l: LinkedItem): SlideItem {
  return {
    id: l.item.id,
    text: l.item.text,
    parentText: l.parent?.text ?? null,
    why: l.explanation,
    universal: l.universal
  };
}

/**
 * Top items of a column over all themes: the targeted ones by decreasing score first (the
 * ranking of the linking layer), then items for every territory only if too few are targeted.
 * A bullet with a sub-bullet in the list is left out: the sub-bullet is shown under its parent,
 * rendered as a heading (« … auprès de l'État : » says little on its own). Sub-bullets of one
 * parent are kept next to each other (at the rank of the best one) so the heading is shown once.
 */
function top(linked: LinkedItem[], n: number): SlideItem[] {
  const parents = new Set(linked.map((l) => l.item.parentId).filter((p) => p !== null));
  const sorted = linked
    .filter((l) => !parents.has(l.item.id))
    .sort((a, b) => Number(a.universal) - Number(b.universal) || b.score - a.score)
    .slice(0, n);
  const grouped: LinkedItem[] = [];
  for (const l of sorted) {
    if (grouped.includes(l)) continue;
    grouped.push(l);
    if (l.item.parentId === null) continue;
    for (const sibling of sorted)
      if (sibling !== l && sibling.item.parentId === l.item.parentId) grouped.push(sibling);
  }
  return grouped.map(toSlideItem);
}

/**
 * Content of every possible slide, keyed by code: each commune and each QPV of the indicators
 * file. `perColumn`: how many problems and actions a slide shows; `qpvGeneration`: QPV code →
 * generation of its perimeter (« 2015 »), stated on the slide.
 */
export function buildSlides(
  indicators: IndicatorsFile,
  items: readonly WorkshopItem[],
  options: { perColumn?: number; qpvGeneration?: ReadonlyMap<string, string> } = {}
): Map<string, SlideData> {
  const perColumn = options.perColumn ?? 4;
  const defs = new Map(indicators.definitions.map((d) => [d.id, d]));
  const names = new Map(indicators.communes.map((c) => [c.code, c.nom]));
  const slides = new Map<string, SlideData>();
  const linkedOf = (profile: Parameters<typeof itemsForTerritory>[0]) => {
    const linked = itemsForTerritory(profile, items);
    const cols = linked.themes.flatMap((t) => t.columns);
    return {
      problems: top(
        cols.filter((c) => c.column === 'probleme').flatMap((c) => c.items),
        perColumn
      ),
      actions: top(
        cols.filter((c) => c.column === 'action').flatMap((c) => c.items),
        perColumn
      )
    };
  };
  for (const c of indicators.communes) {
    const target = c.values.sru_taux_cible;
    const sruDetail =
      c.sruStatus === 'non_soumise'
        ? SRU_STATUS_TEXT.non_soumise
        : `${SRU_STATUS_TEXT[c.sruStatus] ?? c.sruStatus}${
            target?.status === 'ok' && target.value !== null
              ? ` · cible ${formatIndicatorValue(target, { unit: '%', decimals: 0 })}`
              : ''
          }`;
    const figures = COMMUNE_FIGURES.map((id) =>
      figure(id, c.values, defs, id === 'sru_taux_lls' ? (sruDetail ?? null) : null)
    ).filter((f): f is SlideFigure => f !== null);
    const pop = c.values.population;
    slides.set(c.code, {
      code: c.code,
      kind: 'commune',
      nom: c.nom,
      subtitle:
        pop?.status === 'ok' && pop.value !== null
          ? `Commune · ${formatIndicatorValue(pop, defs.get('population') ?? { unit: 'hab.', decimals: 0 })}`
          : 'Commune',
      focus: [c.code],
      figures,
      ...linkedOf(c.profile)
    });
  }
  for (const q of indicators.qpv) {
    const ok = QPV_FIGURES.filter((id) => q.values[id]?.status === 'ok');
    const rest = QPV_FIGURES.filter((id) => !ok.includes(id));
    const figures = [...ok, ...rest]
      .slice(0, 3)
      .map((id) => figure(id, q.values, defs))
      .filter((f): f is SlideFigure => f !== null);
    slides.set(q.code, {
      code: q.code,
      kind: 'qpv',
      nom: q.nom,
      subtitle: `Quartier prioritaire${
        options.qpvGeneration?.has(q.code)
          ? ` (périmètre ${options.qpvGeneration.get(q.code)})`
          : ''
      } · ${q.communes.map((x) => names.get(x) ?? x).join(', ')}`,
      focus: [...q.communes],
      figures,
      ...linkedOf(q.profile)
    });
  }
  return slides;
}

/** Columns of the workshop shown on slides, in order, with the words of the slide title. */
export const SLIDE_COLUMNS = [
  {
    key: 'problems',
    column: 'probleme',
    title: 'problèmes',
    heading: 'Problèmes soulevés en atelier'
  },
  { key: 'actions', column: 'action', title: 'actions', heading: 'Actions proposées pour le PLH' }
] as const;
export type SlideColumnKey = (typeof SLIDE_COLUMNS)[number]['key'];

/** One projected page: a territory's overview (figures), or one page of one column's items. */
export type SlidePage =
  | { code: string; kind: 'overview' }
  | {
      code: string;
      kind: 'items';
      column: SlideColumnKey;
      /** Indexes into the slide's column list. */
      items: number[];
      part: number;
      of: number;
    };

/**
 * Greedy pagination of blocks of measured `heights` (px) into pages of at most `available` px,
 * `gap` px between two blocks. A block taller than a page gets a page of its own (the caller
 * makes such a page scroll rather than cut it). Returns the block indexes of each page; no page
 * is empty, and an empty list gives no page.
 */
export function paginate(heights: readonly number[], available: number, gap: number): number[][] {
  const pages: number[][] = [];
  let page: number[] = [];
  let used = 0;
  heights.forEach((h, i) => {
    const need = page.length === 0 ? h : used + gap + h;
    if (page.length > 0 && need > available) {
      pages.push(page);
      page = [i];
      used = h;
    } else {
      page.push(i);
      used = need;
    }
  });
  if (page.length > 0) pages.push(page);
  return pages;
}

/**
 * The page sequence of a presentation: for each slide, its overview then the pages of each
 * column (`split(slide, column)` gives the item indexes per page, from `paginate`). A column
 * with no item gets no page.
 */
export function buildPages(
  slides: readonly SlideData[],
  split: (slide: SlideData, column: SlideColumnKey) => number[][]
): SlidePage[] {
  const pages: SlidePage[] = [];
  for (const slide of slides) {
    pages.push({ code: slide.code, kind: 'overview' });
    for (const { key } of SLIDE_COLUMNS) {
      if (slide[key].length === 0) continue;
      const parts = split(slide, key).filter((p) => p.length > 0);
      parts.forEach((items, i) =>
        pages.push({
          code: slide.code,
          kind: 'items',
          column: key,
          items,
          part: i + 1,
          of: parts.length
        })
      );
    }
  }
  return pages;
}

/** A stable key of a page (survives a re-pagination): territory, column and first item. */
export function pageAnchor(page: SlidePage): string {
  return page.kind === 'overview'
    ? `${page.code}|overview`
    : `${page.code}|${page.column}|${page.items[0] ?? 0}`;
}

/**
 * Index of the page that shows `anchor` in a new pagination: the same overview, or the page of
 * the same column holding the anchor's first item; else the territory's first page; else 0.
 */
export function findAnchor(pages: readonly SlidePage[], anchor: string): number {
  const [code, column, first] = anchor.split('|');
  const exact = pages.findIndex((p) =>
    column === 'overview'
      ? p.code === code && p.kind === 'overview'
      : p.code === code &&
        p.kind === 'items' &&
        p.column === column &&
        p.items.includes(Number(first))
  );
  if (exact >= 0) return exact;
  const sameTerritory = pages.findIndex((p) => p.code === code);
  return Math.max(0, sameTerritory);
}
