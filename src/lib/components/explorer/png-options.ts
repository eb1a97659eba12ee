/**
 * Legend rows and source lines of the explorer's PNG export (pure), from the same scheme the map
 * and its on-screen legend draw.
 */
import type { LegendEntry } from '../../export/map-png';
import { QPV_COLOR } from '../../map/layer-colors';
import type { MapScheme } from '../../map/scheme/scheme';
import type { IndicatorDefinition } from '../../schemas/indicators';
import type { SourceEntry } from '../../schemas/sources-manifest';

/** The scheme's rows, then the QPV when drawn (« QPV, périmètres 2015 »). */
export function pngLegend(
  scheme: Pick<MapScheme, 'legend'>,
  qpvGenerations: readonly string[] | null
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
  return rows;
}

/** One line per source: « title (producer) — vintage ». */
export function pngSources(
  propositionsMode: boolean,
  definition: Pick<IndicatorDefinition, 'sources' | 'vintage'>,
  manifest: readonly Pick<SourceEntry, 'id' | 'title' | 'producer'>[]
): string[] {
  if (propositionsMode)
    return ['Base des ateliers de la concertation du PLH (propositions ciblées par commune)'];
  return definition.sources.map((id) => {
    const src = manifest.find((m) => m.id === id);
    return `${src ? `${src.title} (${src.producer})` : id} — ${definition.vintage}`;
  });
}

/** « 2026-11-30 »: the local day of `date` (the day the user sees on their clock). */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** « atlas-plh-sru_taux_lls-2026-11-30.png », « atlas-plh-propositions-2026-11-30.png ». */
export function pngFileName(shown: string, date: Date): string {
  return `atlas-plh-${shown}-${localDay(date)}.png`;
}
