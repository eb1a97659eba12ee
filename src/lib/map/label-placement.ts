/**
 * The MapLibre map's names (pure helpers). They are HTML labels placed with the same rules and
 * the same placement as the SVG map's (`nameAttempts`, `placeFirstFit` in scheme/labels.ts), from
 * the same anchors when the SVG overview is at hand: a map handed over from SVG to MapLibre names
 * the same communes, at the same points, in the same type.
 */
import { EARTH_RADIUS_M } from '../indicators/sampling';
import type { NameAnchor } from './scheme/labels';

/** Where a territory is named: its anchor and the radius of the circle inscribed around it. */
export interface NamePoint {
  /** [longitude, latitude]. */
  lngLat: [number, number];
  /** Radius of the largest circle around the anchor inside the territory, metres (0: unknown). */
  radiusM: number;
}

/** MapLibre's tile size, px: zoom 0 shows the world 512 px wide. */
const TILE_PX = 512;

/**
 * Ground metres per CSS pixel of a Web Mercator map at `zoom`, at latitude `lat` (degrees), on
 * the mean-radius sphere the SVG overview's scale (hence `NamePoint.radiusM`) is measured on.
 * @example metresPerPixel(45.19, 10) // ≈ 53,8 m/px over Grenoble
 */
export function metresPerPixel(lat: number, zoom: number): number {
  return (2 * Math.PI * EARTH_RADIUS_M * Math.cos((lat * Math.PI) / 180)) / (TILE_PX * 2 ** zoom);
}

/** A name to place on the MapLibre map: its anchor on screen (px) and its point. */
export interface ScreenName {
  code: string;
  text: string;
  /** The name alone, when `text` adds its count (see `LabelInput.shortText`). */
  shortText?: string;
  /** The anchor projected on the map, CSS px of the map container. */
  x: number;
  y: number;
  point: NamePoint;
  /** Higher first; the selected commune gets +Infinity. */
  priority: number;
}

/**
 * The names to place in a view `width` × `height` px at `zoom`: those whose anchor is in view,
 * with their inscribed radius in px (what `nameAttempts` sizes the type by).
 */
export function namesInView(
  names: readonly ScreenName[],
  view: { width: number; height: number; zoom: number }
): NameAnchor[] {
  return names
    .filter((n) => n.x >= 0 && n.y >= 0 && n.x <= view.width && n.y <= view.height)
    .map((n) => ({
      code: n.code,
      text: n.text,
      ...(n.shortText !== undefined && n.shortText !== n.text ? { shortText: n.shortText } : {}),
      x: n.x,
      y: n.y,
      radius: n.point.radiusM / metresPerPixel(n.point.lngLat[1], view.zoom),
      priority: n.priority
    }));
}
