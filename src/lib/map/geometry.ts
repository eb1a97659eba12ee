/**
 * Small planar geometry helpers for map framing and label anchors (pure, lon/lat degrees).
 * At the scale of one intercommunality the planar approximation is good enough to place a label.
 */

type Position = readonly number[];
type Ring = readonly Position[];
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: readonly Ring[] }
  | { type: 'MultiPolygon'; coordinates: readonly (readonly Ring[])[] };

/** [west, south, east, north] */
export type BBox = [number, number, number, number];

function polygons(g: AreaGeometry): (readonly Ring[])[] {
  return g.type === 'Polygon' ? [g.coordinates] : [...g.coordinates];
}

/** Bounding box of geometries, or null when there is none. */
export function bboxOf(geometries: readonly AreaGeometry[]): BBox | null {
  let box: BBox | null = null;
  for (const g of geometries)
    for (const poly of polygons(g))
      for (const [x, y] of poly[0] ?? []) {
        if (x === undefined || y === undefined) continue;
        if (!box) box = [x, y, x, y];
        else
          box = [
            Math.min(box[0], x),
            Math.min(box[1], y),
            Math.max(box[2], x),
            Math.max(box[3], y)
          ];
      }
  return box;
}

/** Signed planar area of a ring (shoelace). */
function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return a / 2;
}

function insideRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = [ring[i]![0]!, ring[i]![1]!];
    const [xj, yj] = [ring[j]![0]!, ring[j]![1]!];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Point in a polygon with holes (even-odd over all its rings). */
export function insidePolygon(x: number, y: number, rings: readonly Ring[]): boolean {
  const [outer, ...holes] = rings;
  return !!outer && insideRing(x, y, outer) && !holes.some((h) => insideRing(x, y, h));
}

function distanceToRings(x: number, y: number, rings: readonly Ring[]): number {
  let best = Infinity;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = [ring[j]![0]!, ring[j]![1]!];
      const [bx, by] = [ring[i]![0]!, ring[i]![1]!];
      const dx = bx - ax;
      const dy = by - ay;
      const t =
        dx === 0 && dy === 0
          ? 0
          : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
    }
  return best;
}

/**
 * Anchor of a territory's label: in its largest polygon, the sampled point farthest from the
 * boundary (a coarse pole of inaccessibility), so that the label sits well inside even a
 * crescent-shaped commune. Grid of `samples`² points, refined once around the best one.
 */
export function labelPoint(g: AreaGeometry, samples = 16): [number, number] | null {
  const largest = polygons(g).reduce<readonly Ring[] | null>(
    (best, p) =>
      !best || Math.abs(ringArea(p[0] ?? [])) > Math.abs(ringArea(best[0] ?? [])) ? p : best,
    null
  );
  const box = largest ? bboxOf([{ type: 'Polygon', coordinates: largest }]) : null;
  if (!largest || !box) return null;
  // Held in an object: TypeScript does not follow assignments made inside the closure.
  const found: { at: [number, number] | null; distance: number } = { at: null, distance: -1 };
  const search = (w: number, s: number, e: number, n: number) => {
    for (let i = 0; i <= samples; i++)
      for (let j = 0; j <= samples; j++) {
        const x = w + ((e - w) * i) / samples;
        const y = s + ((n - s) * j) / samples;
        if (!insidePolygon(x, y, largest)) continue;
        const d = distanceToRings(x, y, largest);
        if (d > found.distance) {
          found.distance = d;
          found.at = [x, y];
        }
      }
  };
  search(...box);
  if (found.at) {
    const [bx, by] = found.at;
    const hx = (box[2] - box[0]) / samples;
    const hy = (box[3] - box[1]) / samples;
    search(bx - hx, by - hy, bx + hx, by + hy);
  }
  // A sliver thinner than the grid: fall back to its first vertex rather than no label.
  return found.at ?? ([largest[0]![0]![0]!, largest[0]![0]![1]!] as [number, number]);
}

/**
 * A copy of a FeatureCollection keeping only the properties a map layer reads. MapLibre clones
 * the whole object into its worker and indexes every property: the stops' names and line lists
 * are not drawn, so they need not cross (about half the transit files' weight).
 */
export function pickProperties<G, P extends Record<string, unknown>, K extends keyof P & string>(
  collection: { type: 'FeatureCollection'; features: readonly { geometry: G; properties: P }[] },
  keys: readonly K[]
): {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: G; properties: Pick<P, K> }[];
} {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((f) => {
      const properties = {} as Pick<P, K>;
      for (const k of keys) properties[k] = f.properties[k];
      return { type: 'Feature', geometry: f.geometry, properties };
    })
  };
}
