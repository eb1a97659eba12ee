/**
 * Pointer events of a clickable map layer, once for every thematic layer: hovering reports the
 * feature's promoted id (its code) and the pointer position, clicking picks it. Returns the
 * function that removes the listeners (for an `$effect` cleanup).
 */
import type { Map as MlMap, MapLayerMouseEvent } from 'maplibre-gl';

export interface FeatureEventHandlers {
  onhover?: (code: string | null, point: { x: number; y: number } | null) => void;
  onpick?: (code: string) => void;
  /** Layers drawn above this one that take the click where they have a feature. */
  yieldTo?: readonly string[];
}

export function bindFeatureEvents(
  map: MlMap,
  layerId: string,
  handlers: () => FeatureEventHandlers
): () => void {
  const codeOf = (e: MapLayerMouseEvent) => {
    const id = e.features?.[0]?.id;
    return id === undefined ? null : String(id);
  };
  const move = (e: MapLayerMouseEvent) => {
    const code = codeOf(e);
    // The pointer promises a click: only over layers that open something.
    if (handlers().onpick) map.getCanvas().style.cursor = code === null ? '' : 'pointer';
    handlers().onhover?.(code, { x: e.point.x, y: e.point.y });
  };
  const leave = () => {
    if (handlers().onpick) map.getCanvas().style.cursor = '';
    handlers().onhover?.(null, null);
  };
  const click = (e: MapLayerMouseEvent) => {
    const { onpick, yieldTo = [] } = handlers();
    const above = yieldTo.filter((id) => map.getLayer(id));
    if (above.length > 0 && map.queryRenderedFeatures(e.point, { layers: above }).length > 0)
      return;
    const code = codeOf(e);
    if (code !== null) onpick?.(code);
  };
  map.on('mousemove', layerId, move);
  map.on('mouseleave', layerId, leave);
  map.on('click', layerId, click);
  return () => {
    map.off('mousemove', layerId, move);
    map.off('mouseleave', layerId, leave);
    map.off('click', layerId, click);
  };
}
