/**
 * Downloads the MapLibre map component on demand, for every page that starts with the SVG map
 * (explorer, sheets). Without WebGL nothing is downloaded and the French notice says why; a failed
 * download (offline, new deployment) gets a French message too, never the library's English one.
 */
import type AtlasMapType from './AtlasMap.svelte';
import { hasWebGL, NO_WEBGL_MESSAGE } from '../../map/webgl';

export const ATLAS_MAP_LOAD_FAILED =
  "La carte détaillée n'a pas pu se charger (réseau indisponible ?) : la carte simplifiée reste affichée.";

export type AtlasMapLoad =
  { ok: true; component: typeof AtlasMapType } | { ok: false; notice: string };

export async function loadAtlasMap(): Promise<AtlasMapLoad> {
  if (!hasWebGL()) return { ok: false, notice: NO_WEBGL_MESSAGE };
  try {
    return { ok: true, component: (await import('./AtlasMap.svelte')).default };
  } catch (error) {
    console.error(error);
    return { ok: false, notice: ATLAS_MAP_LOAD_FAILED };
  }
}
