/**
 * Downloads the MapLibre map component on demand, for every page that starts with the SVG map
 * (explorer, sheets). Without WebGL nothing is downloaded and the French notice says why; a failed
 * download (offline, new deployment) gets a French message too, never the library's English one.
 */
import type AtlasMapType from './AtlasMap.svelte';
import type { LayerToggles } from './types';
import { DATA_FILES, type DataFileKey } from '../../data/data-files';
import { loadMapLibre } from '../../map/maplibre';
import { hasWebGL, NO_WEBGL_MESSAGE } from '../../map/webgl';

export const ATLAS_MAP_LOAD_FAILED =
  "La carte détaillée n'a pas pu se charger (réseau indisponible ?) : la carte simplifiée reste affichée.";

export type AtlasMapLoad =
  { ok: true; component: typeof AtlasMapType } | { ok: false; notice: string };

// Probed once: each probe creates a WebGL context, which costs tens of ms without a GPU.
let webgl: boolean | null = null;

/** Probes WebGL, once; `npm run bench` reads the probe's marks (its share of a switch). */
function probeOnce(): boolean {
  if (webgl === null) {
    performance.mark('atlas-webgl-probe');
    webgl = hasWebGL();
    performance.mark('atlas-webgl-probed');
  }
  return webgl;
}

export async function loadAtlasMap(): Promise<AtlasMapLoad> {
  if (!probeOnce()) return { ok: false, notice: NO_WEBGL_MESSAGE };
  try {
    return { ok: true, component: (await import('./AtlasMap.svelte')).default };
  } catch (error) {
    console.error(error);
    return { ok: false, notice: ATLAS_MAP_LOAD_FAILED };
  }
}

/** The generated files AtlasMap draws for these layers: the communes, then each context layer's. */
export function atlasMapFiles(layers: Partial<LayerToggles>): DataFileKey[] {
  return [
    'communes',
    ...(layers.qpv ? (['qpv'] as const) : []),
    ...(layers.lignes ? (['transitLines'] as const) : []),
    ...(layers.arrets ? (['transitStops'] as const) : [])
  ];
}

/**
 * Starts, without waiting for it, everything the MapLibre map will need for these layers, all in
 * parallel: the map component, the library and the data files (`<link rel="preload">`, which
 * the loaders' later `fetch` takes over). For a page that knows before hydrating that it will switch to MapLibre (a link
 * asking for the transit lines): the downloads run while the page hydrates, not after. Nothing
 * without WebGL (returns false); errors are left to the real loads, which report them in French.
 */
export function preloadAtlasMap(layers: Partial<LayerToggles>, base: string): boolean {
  if (!probeOnce()) return false;
  const ignore = () => undefined;
  import('./AtlasMap.svelte').catch(ignore);
  loadMapLibre().catch(ignore);
  for (const key of atlasMapFiles(layers)) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    // What `fetch` sends by default (CORS mode, same-origin credentials), or it would not match.
    link.crossOrigin = 'anonymous';
    link.href = `${base}${DATA_FILES[key]}`;
    document.head.append(link);
  }
  return true;
}
