/**
 * Lazy loading of MapLibre (the only module importing it at run time): the page's headings and
 * table paint first, the ~450 KB library arrives after. The worker script is served by the app
 * itself (a Vite asset), which the CSP `worker-src 'self'` allows.
 */
import type * as MapLibre from 'maplibre-gl';

export type MapLibreModule = typeof MapLibre;

let loading: Promise<MapLibreModule> | null = null;

export function loadMapLibre(): Promise<MapLibreModule> {
  loading ??= Promise.all([
    import('maplibre-gl'),
    import('maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url'),
    import('maplibre-gl/dist/maplibre-gl.css')
  ]).then(([ml, worker]) => {
    ml.setWorkerUrl(worker.default);
    return ml;
  });
  // A failed download (offline) may succeed on the next attempt.
  loading.catch(() => (loading = null));
  return loading;
}

/**
 * Empty anchor layers fixing the drawing order: each thematic layer inserts itself before its
 * slot, so layers can be toggled in any order and still stack the same way.
 */
export const SLOTS = [
  'slot-basemap',
  'slot-fill',
  'slot-qpv',
  'slot-lines',
  'slot-stops',
  'slot-top'
] as const;
export type Slot = (typeof SLOTS)[number];

/** Offline base style: a plain background and the slots; no glyphs, sprites or remote tiles. */
export function baseStyle(background = '#eef0ec'): MapLibre.StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': background } },
      ...SLOTS.map((id): MapLibre.LayerSpecification => ({
        id,
        type: 'background',
        layout: { visibility: 'none' },
        paint: { 'background-opacity': 0 }
      }))
    ]
  };
}

/** Removes layers then their source, ignoring those already gone (map destroyed, style reset). */
export function removeLayers(
  map: MapLibre.Map,
  layerIds: readonly string[],
  sourceId?: string
): void {
  if (!map.style) return;
  for (const id of layerIds) if (map.getLayer(id)) map.removeLayer(id);
  if (sourceId && map.getSource(sourceId)) map.removeSource(sourceId);
}
