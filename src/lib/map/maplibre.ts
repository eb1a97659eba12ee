/**
 * Lazy loading of MapLibre (the only module importing it at run time): the page's headings and
 * table paint first, the ~450 KB library arrives after. The library and its worker are served as
 * the app's own files (Vite assets, allowed by the CSP's `'self'`), by URL rather than as a
 * bundled chunk so that map pages can name the library in a `<link rel="modulepreload">` of the
 * prerendered HTML: its download then starts with the page's, not after hydration.
 */
import type * as MapLibre from 'maplibre-gl';
import libraryUrl from 'maplibre-gl/dist/maplibre-gl.mjs?url';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

export type MapLibreModule = typeof MapLibre;

/** URL of the MapLibre module, for the `modulepreload` link of the pages that draw a map. */
export const MAPLIBRE_URL: string = libraryUrl;
/** URL of MapLibre's worker script (also precached for offline presentations). */
export const MAPLIBRE_WORKER_URL: string = workerUrl;

let loading: Promise<MapLibreModule> | null = null;

function isMapLibre(mod: unknown): mod is MapLibreModule {
  return (
    typeof mod === 'object' &&
    mod !== null &&
    typeof (mod as { Map?: unknown }).Map === 'function' &&
    typeof (mod as { setWorkerUrl?: unknown }).setWorkerUrl === 'function'
  );
}

export function loadMapLibre(): Promise<MapLibreModule> {
  loading ??= Promise.all([
    import(/* @vite-ignore */ libraryUrl) as Promise<unknown>,
    import('maplibre-gl/dist/maplibre-gl.css')
  ]).then(([ml]) => {
    if (!isMapLibre(ml)) throw new Error(`${libraryUrl} n'est pas la bibliothèque MapLibre.`);
    ml.setWorkerUrl(workerUrl);
    // The worker starts now, not at `new Map`: its start needs the main thread, which the map's
    // first GL calls then hold (150 ms or more without a GPU), and the sources wait for it.
    ml.prewarm();
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

/**
 * Adds a source unless the map already has it: AtlasMap builds its map with the sources of the
 * data it already holds (`atlasSources`), and the layer components then find them there.
 */
export function ensureSource(
  map: MapLibre.Map,
  id: string,
  source: () => MapLibre.SourceSpecification
): void {
  if (!map.getSource(id)) map.addSource(id, source());
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
