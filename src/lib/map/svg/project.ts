/**
 * Projection of the overview maps (pure): a conformal conic close to Lambert-93 (standard
 * parallels 44° and 49°, central meridian 3° E), fitted once by the pipeline to the EPCI on a
 * fixed viewBox. The parameters are stored in `svg-overview.json` so that a client can rebuild
 * the same projection (e.g. to hand the SVG's extent to MapLibre) without recomputing the fit.
 */
import { geoConicConformal, geoDistance, type GeoProjection } from 'd3-geo';
import type { Position } from 'geojson';
import { EARTH_RADIUS_M } from '../../indicators/sampling';
import type { SvgOverview } from '../../schemas/svg-map';
import type { NamePoint } from '../label-placement';

/** Standard parallels (degrees) and rotation of Lambert-93 (RGF93 / CC central meridian 3° E). */
export const LAMBERT_LIKE = {
  parallels: [44, 49] as [number, number],
  rotate: [-3, 0] as [number, number]
};

export interface ProjectionParams {
  parallels: [number, number];
  rotate: [number, number];
  /** d3 scale (viewBox units per radian at the standard parallels). */
  scale: number;
  /** Translation (viewBox units). */
  translate: [number, number];
}

/** The d3 projection described by `params` (lon/lat degrees → viewBox units, y down). */
export function conicProjection(params: ProjectionParams): GeoProjection {
  return geoConicConformal()
    .parallels(params.parallels)
    .rotate(params.rotate)
    .scale(params.scale)
    .translate(params.translate);
}

/**
 * Fits the projection so that `points` (lon/lat) fill a viewBox `width` units wide with `pad`
 * units of margin; the height follows the shape of the points.
 * @returns the parameters and the viewBox height (units, rounded up).
 * @example fitProjection(epciOutlineRing, 1000, 12) // → { params, height: 1190 }
 */
export function fitProjection(
  points: readonly Position[],
  width: number,
  pad: number
): { params: ProjectionParams; height: number } {
  // A MultiPoint, not the polygon: d3 reads polygons on the sphere, where a ring's winding
  // decides which side is inside; points have no such trap.
  const shape = { type: 'MultiPoint' as const, coordinates: points.map((p) => [p[0]!, p[1]!]) };
  const p = geoConicConformal().parallels(LAMBERT_LIKE.parallels).rotate(LAMBERT_LIKE.rotate);
  p.fitWidth(width - 2 * pad, shape);
  const [[, y0], [, y1]] = boundsOf(p, points);
  const height = Math.ceil(y1 - y0 + 2 * pad);
  p.fitExtent(
    [
      [pad, pad],
      [width - pad, height - pad]
    ],
    shape
  );
  const [tx, ty] = p.translate();
  return {
    params: {
      parallels: LAMBERT_LIKE.parallels,
      rotate: LAMBERT_LIKE.rotate,
      scale: p.scale(),
      translate: [tx, ty]
    },
    height
  };
}

function boundsOf(
  p: GeoProjection,
  points: readonly Position[]
): [[number, number], [number, number]] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const pt of points) {
    const xy = p([pt[0]!, pt[1]!]);
    if (!xy) continue;
    x0 = Math.min(x0, xy[0]);
    y0 = Math.min(y0, xy[1]);
    x1 = Math.max(x1, xy[0]);
    y1 = Math.max(y1, xy[1]);
  }
  return [
    [x0, y0],
    [x1, y1]
  ];
}

/**
 * Ground distance (m) of one viewBox unit around the point `at` (viewBox units), measured
 * horizontally over 10 units. A conformal projection has the same scale in every direction at a
 * point; over a 50 km EPCI it varies by less than 0.1 %.
 */
export function metresPerUnit(projection: GeoProjection, at: [number, number]): number {
  const a = projection.invert?.([at[0] - 5, at[1]]);
  const b = projection.invert?.([at[0] + 5, at[1]]);
  if (!a || !b) throw new Error('projection: no inverse at the given point');
  return (geoDistance(a, b) * EARTH_RADIUS_M) / 10;
}

/**
 * The overview's name anchors in longitude/latitude, with the radius (metres) of the circle
 * inscribed around each, by commune code: MapLibre names the communes at the SVG map's points.
 * The radius uses the overview's scale at its centre (the conformal conic's scale varies by
 * under 0,1 % across an EPCI).
 */
export function nameAnchorsLngLat(
  overview: Pick<SvgOverview, 'projection' | 'metresPerUnit' | 'communes'>
): Map<string, NamePoint> {
  const projection = conicProjection(overview.projection);
  const out = new Map<string, NamePoint>();
  for (const c of overview.communes) {
    const ll = projection.invert?.(c.anchor);
    if (!ll) continue;
    out.set(c.code, {
      lngLat: [ll[0], ll[1]],
      radiusM: c.anchorRadius * overview.metresPerUnit
    });
  }
  return out;
}

/**
 * Longitude/latitude bounds that a Web Mercator map `size` px large (MapLibre) fits, without
 * padding, at the scale and centre the SVG map shows `viewBox` in that size: the map handed over
 * keeps the SVG's extent and scale at its centre, so the communes and their names do not move.
 * (The bounds of the viewBox's own corners would be wider — the conic's parallels curve — and
 * MapLibre would shrink the map by several per cent.)
 */
export function viewBoxToMercatorBounds(
  projection: GeoProjection,
  viewBox: readonly [number, number, number, number],
  size: { width: number; height: number }
): [[number, number], [number, number]] {
  const [x, y, w, h] = viewBox;
  const k = Math.min(size.width / w, size.height / h);
  const centre: [number, number] = [x + w / 2, y + h / 2];
  const ll = projection.invert?.(centre);
  if (!ll) throw new Error('projection: no inverse at the viewBox centre');
  const [lng, lat] = ll;
  const metresPerPx = metresPerUnit(projection, centre) / k;
  // World width (px) of the Mercator map whose scale at `lat` is metresPerPx.
  const world = (2 * Math.PI * EARTH_RADIUS_M * Math.cos((lat * Math.PI) / 180)) / metresPerPx;
  const toX = (lon: number) => ((lon + 180) / 360) * world;
  const toY = (la: number) =>
    ((1 - Math.log(Math.tan(Math.PI / 4 + (la * Math.PI) / 360)) / Math.PI) / 2) * world;
  const fromX = (px: number) => (px / world) * 360 - 180;
  const fromY = (py: number) =>
    (Math.atan(Math.exp(Math.PI * (1 - (2 * py) / world))) * 360) / Math.PI - 90;
  const cx = toX(lng);
  const cy = toY(lat);
  return [
    [fromX(cx - size.width / 2), fromY(cy + size.height / 2)],
    [fromX(cx + size.width / 2), fromY(cy - size.height / 2)]
  ];
}
