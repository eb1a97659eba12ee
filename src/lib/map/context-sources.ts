/**
 * Datasets of the context layers drawn over the indicator (QPV perimeters, transit lines and
 * stops), for the on-screen legend and the PNG export: every layer on the map cites its source
 * and vintage, not only the shaded indicator. Pure.
 */
import type { SourceRef } from '../schemas/common';
import { TRANSIT_LEGEND } from './layer-colors';

/**
 * Ids in `data/sources.json` of the transit datasets: the stops of the GTFS, its routes and the
 * lines' tracés. The pipeline reads them by these ids (scripts/lib/transit.ts), the legends cite
 * the lines' and the stops'.
 */
export const TRANSIT_SOURCE_IDS = {
  stops: 'mreso-gtfs',
  routes: 'mreso-routes',
  lines: 'mreso-lignes-geo'
} as const;

/** The context layers on the map. */
export interface ContextLayersShown {
  /** Datasets of the QPV perimeters drawn (their `geometryRef`), or null when the layer is off. */
  qpv: readonly SourceRef[] | null;
  lines: boolean;
  stops: boolean;
}

export const NO_CONTEXT_LAYER: ContextLayersShown = { qpv: null, lines: false, stops: false };

/** A context layer's dataset: the layer's French name, the source id and the vintage. */
export interface ContextSource extends SourceRef {
  layer: string;
}

/**
 * The datasets of the context layers shown, in legend order (QPV, lines, stops), each QPV dataset
 * once. The QPV cite the vintage their perimeters carry; the transit layers the vintage of their
 * dataset in the manifest (a transit layer whose dataset the manifest lacks is left out: there is
 * nothing to cite).
 */
export function contextSources(
  shown: ContextLayersShown,
  manifest: readonly { id: string; vintage: string }[]
): ContextSource[] {
  const out: ContextSource[] = [];
  for (const ref of shown.qpv ?? [])
    if (!out.some((s) => s.source === ref.source))
      out.push({ layer: 'Périmètres des QPV', source: ref.source, vintage: ref.vintage });
  for (const layer of ['lines', 'stops'] as const) {
    const entry = shown[layer] ? manifest.find((m) => m.id === TRANSIT_SOURCE_IDS[layer]) : null;
    if (entry)
      out.push({ layer: TRANSIT_LEGEND[layer].label, source: entry.id, vintage: entry.vintage });
  }
  return out;
}

/** The distinct perimeter datasets of these QPV, in first-seen order. */
export function qpvSourceRefs(qpv: readonly { geometryRef: SourceRef }[]): SourceRef[] {
  const out: SourceRef[] = [];
  for (const { geometryRef } of qpv)
    if (!out.some((r) => r.source === geometryRef.source && r.vintage === geometryRef.vintage))
      out.push(geometryRef);
  return out;
}

/**
 * « 2024 (décret n° 2023-1314 …) » → « 2024 »: a vintage without its closing parenthesis, for
 * captions and legends short of room (the sources page keeps it whole).
 */
export function vintageHead(vintage: string): string {
  return vintage.replace(/\s*\([^()]*\)\s*$/, '') || vintage;
}

/**
 * The context layers' datasets in one short sentence for the on-screen legend, where room is
 * scarce: « Couches : périmètres des QPV — ANCT, SIG Ville, 2024 ; arrêts — SMMAG / M réso,
 * GTFS d'octobre 2025. » (producer and vintage without its parenthesis; the PNG export and the
 * sources page give the full references). Null when no context layer is drawn.
 */
export function contextSourcesLine(
  sources: readonly ContextSource[],
  manifest: readonly { id: string; producer: string }[]
): string | null {
  if (sources.length === 0) return null;
  const parts = sources.map((s) => {
    const producer = manifest.find((m) => m.id === s.source)?.producer ?? s.source;
    const layer = s.layer.charAt(0).toLowerCase() + s.layer.slice(1);
    return `${layer} — ${producer}, ${vintageHead(s.vintage)}`;
  });
  return `Couches : ${parts.join(' ; ')}.`;
}
