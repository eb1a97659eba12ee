/**
 * Legend rows and source lines of the explorer's PNG export (pure), from the same scheme the map
 * and its on-screen legend draw.
 */
import type { LegendEntry } from '../../export/map-png';
import {
  contextSources,
  NO_CONTEXT_LAYER,
  type ContextLayersShown
} from '../../map/context-sources';
import { QPV_COLOR, TRANSIT_LEGEND } from '../../map/layer-colors';
import type { MapScheme } from '../../map/scheme/scheme';
import type { IndicatorDefinition } from '../../schemas/indicators';
import type { SourceEntry } from '../../schemas/sources-manifest';

/** Transit layers drawn on the map besides the indicator (MapLibre only). */
export type TransitShown = Pick<ContextLayersShown, 'lines' | 'stops'>;
const NO_TRANSIT: TransitShown = { lines: false, stops: false };

/** The scheme's rows, then the QPV, the transit lines and stops when drawn, as on screen. */
export function pngLegend(
  scheme: Pick<MapScheme, 'legend'>,
  qpvGenerations: readonly string[] | null,
  transit: TransitShown = NO_TRANSIT
): LegendEntry[] {
  const rows: LegendEntry[] = scheme.legend.map((r) => ({
    label: r.kind === 'class' ? r.label : `${r.label} (${r.count})`,
    color: r.color
  }));
  if (qpvGenerations && qpvGenerations.length > 0)
    rows.push({
      label: `Quartiers prioritaires (QPV), périmètres ${qpvGenerations.join(' et ')}`,
      color: QPV_COLOR,
      outline: true
    });
  if (transit.lines) rows.push({ ...TRANSIT_LEGEND.lines, shape: 'line' });
  if (transit.stops) rows.push({ ...TRANSIT_LEGEND.stops, shape: 'dot' });
  return rows;
}

/**
 * One line per source: « title (producer) — vintage » of the indicator (or of the workshop base),
 * then of the context layers drawn (QPV perimeters, transit lines, stops).
 */
export function pngSources(
  propositionsMode: boolean,
  definition: Pick<IndicatorDefinition, 'sources' | 'vintage'>,
  manifest: readonly Pick<SourceEntry, 'id' | 'title' | 'producer' | 'vintage'>[],
  context: ContextLayersShown = NO_CONTEXT_LAYER
): string[] {
  const cite = (id: string) => {
    const src = manifest.find((m) => m.id === id);
    return src ? `${src.title} (${src.producer})` : id;
  };
  const shown = propositionsMode
    ? ['Base des ateliers de la concertation du PLH (propositions ciblées par commune)']
    : definition.sources.map((id) => `${cite(id)} — ${definition.vintage}`);
  for (const s of contextSources(context, manifest)) shown.push(`${cite(s.source)} — ${s.vintage}`);
  return shown;
}

/** Below a propositions map where some names had no room for their count. */
export const PNG_SHORT_NAMES_NOTE =
  "Un nom sans nombre : faute de place sur la carte ; l'Atlas PLH donne le nombre de chaque commune dans son tableau.";

/** « 2026-11-30 »: the local day of `date` (the day the user sees on their clock). */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** « atlas-plh-sru_taux_lls-2026-11-30.png », « atlas-plh-propositions-2026-11-30.png ». */
export function pngFileName(shown: string, date: Date): string {
  return `atlas-plh-${shown}-${localDay(date)}.png`;
}
