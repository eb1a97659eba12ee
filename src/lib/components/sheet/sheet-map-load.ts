/**
 * Build-time load of a sheet's map: the pre-projected SVG geometry cut to the territory's
 * surroundings (`cutGeometry`), so the prerendered sheet carries only the paths it draws. A
 * missing or broken file never breaks the sheet: its French message replaces the map.
 */
import { contextSources, vintageHead } from '../../map/context-sources';
import { loadData, type Loaded } from '../../data/app-data';
import { cutGeometry, type MapTransit } from '../../map/svg/cut';
import type { SvgOverview, SvgTransit } from '../../schemas/svg-map';
import type { SourceEntry } from '../../schemas/sources-manifest';
import { shortTitle } from './sheet-context';

type Fetch = typeof fetch;

export interface SheetMapData {
  geometry: SvgOverview;
  transit: MapTransit | null;
  /** Codes framed (the QPV, or its communes when its perimeter is not drawn). */
  focus: string[];
  /** « Fond : Contours des communes — ADMIN EXPRESS… ; Réseau M — GTFS… ». */
  sources: string;
  /** The same sources as ids and vintages (the printed sheet numbers them in its notes). */
  refs: { source: string; vintage: string }[];
}

/** « Fond : title — vintage ; … » of the geometry drawn. */
export function mapSourcesLine(
  refs: readonly { source: string; vintage: string }[],
  manifest: readonly SourceEntry[]
): string {
  const title = (id: string) => {
    const s = manifest.find((m) => m.id === id);
    return s ? shortTitle(s.title) : id;
  };
  // The vintages' parentheses (a decree's number) would push a printed sheet onto a second page.
  return `Fond : ${refs.map((r) => `${title(r.source)} — ${vintageHead(r.vintage)}`).join(' ; ')}.`;
}

/**
 * The map of a territory from the whole geometry (pure): cut around `codes`, with its sources.
 * @param codes what the map frames: the commune, or the QPV code.
 * @param minWidthM smallest width shown, metres on the ground (a QPV in its surroundings).
 * @param fallback what it frames when none of `codes` is drawn (a QPV's communes).
 * @throws when neither `codes` nor `fallback` is drawn.
 */
export function sheetMapData(
  overview: SvgOverview,
  transit: SvgTransit | null,
  codes: readonly string[],
  manifest: readonly SourceEntry[],
  minWidthM = 0,
  fallback: readonly string[] = []
): SheetMapData {
  const drawn = new Set([...overview.communes, ...overview.qpv].map((t) => t.code));
  // Without a fallback, cutGeometry's error then names the territory asked for.
  const focus =
    codes.some((c) => drawn.has(c)) || fallback.length === 0 ? [...codes] : [...fallback];
  const cut = cutGeometry(overview, transit, focus, {
    minWidth: minWidthM / overview.metresPerUnit
  });
  // The network as drawn in the frame: the lines' tracés and the stops each cite their dataset.
  const drawnTransit = contextSources(
    {
      qpv: null,
      lines: (cut.transit?.lines.length ?? 0) > 0,
      stops: (cut.transit?.stops.length ?? 0) > 0
    },
    manifest
  );
  const refs = [
    ...overview.sources,
    ...drawnTransit.map(({ source, vintage }) => ({ source, vintage }))
  ];
  return { ...cut, focus, sources: mapSourcesLine(refs, manifest), refs };
}

/** `sheetMapData` of the generated geometry files; a missing or broken file gives its message. */
export async function loadSheetMap(
  fetchFn: Fetch,
  codes: readonly string[],
  manifest: readonly SourceEntry[],
  minWidthM = 0,
  fallback: readonly string[] = []
): Promise<Loaded<SheetMapData>> {
  try {
    const [overview, transit] = await Promise.all([
      loadData(fetchFn, 'svgOverview'),
      loadData(fetchFn, 'svgTransit')
    ]);
    return {
      ok: true,
      data: sheetMapData(overview, transit, codes, manifest, minWidthM, fallback)
    };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
