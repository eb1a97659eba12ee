/**
 * Cuts the pre-projected SVG geometry (`svg-overview.json`, `svg-transit.json`, viewBox units,
 * y down) down to what a small map around some territories can show, at build time: a sheet
 * then carries a few kilobytes of paths instead of the whole network. Pure.
 *
 * Method: the « window » is the box of the framed territories, widened so that any container
 * aspect between `minAspect` and `maxAspect` (width / height) stays inside it, plus `margin` (a
 * share of that size). Communes and QPV whose box meets the window are kept whole (their outline
 * outside is hidden by the map's own frame); tram and Chrono lines are clipped to the window, segment by
 * segment; stops outside are dropped, the others written as one path per mode (position only).
 */
import type { SvgOverview, SvgTransit } from '../../schemas/svg-map';
import { parsePathPoints, pointsToPath, type PathPoint } from './paths';
import { focusBox, type BBox } from './view';

/** What the SVG map draws of the transit network (no stop names nor served lines). */
export interface MapTransit {
  lines: Pick<SvgTransit['lines'][number], 'id' | 'mode' | 'color' | 'path'>[];
  /** One path per mode, a zero-length segment (« Mx,yh0 ») per stop: drawn as dots. */
  stops: { mode: SvgTransit['stops'][number]['mode']; path: string }[];
}

export interface CutOptions {
  /** Narrowest and widest container the map may be drawn in (width / height). */
  minAspect: number;
  maxAspect: number;
  /** Room added on every side, as a share of the window's size. */
  margin: number;
  /** Smallest window width, in viewBox units (a small QPV is shown in its surroundings). */
  minWidth: number;
}

const DEFAULTS: CutOptions = { minAspect: 0.85, maxAspect: 1.5, margin: 0.06, minWidth: 0 };

/** The box (x0, y0, x1, y1) any map framing `box` in a container of the given aspects shows. */
export function cutWindow(box: BBox, o: CutOptions): BBox {
  const cx = (box[0] + box[2]) / 2;
  const cy = (box[1] + box[3]) / 2;
  const bw = Math.max(box[2] - box[0], o.minWidth, 1);
  const bh = Math.max(box[3] - box[1], 1);
  // A wide container shows more width (height-bound), a tall one more height (width-bound).
  const w = Math.max(bw, bh * o.maxAspect) * (1 + 2 * o.margin);
  const h = Math.max(bh, bw / o.minAspect) * (1 + 2 * o.margin);
  return [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
}

const meets = (a: BBox, b: BBox) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
const inside = (p: readonly [number, number], b: BBox) =>
  p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];

type Pt = PathPoint;

/** Segment a→b clipped to box b (Liang–Barsky), or null when it lies outside. */
function clipSegment(a: Pt, b: Pt, box: BBox): [Pt, Pt] | null {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a[0] - box[0]],
    [dx, box[2] - a[0]],
    [-dy, a[1] - box[1]],
    [dy, box[3] - a[1]]
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return null;
    }
  }
  return [
    [a[0] + t0 * dx, a[1] + t0 * dy],
    [a[0] + t1 * dx, a[1] + t1 * dy]
  ];
}

const num = (n: number) => String(Math.round(n * 10) / 10);
const same = (a: Pt, b: Pt) => Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9;

/** Polyline path data clipped to `box`, written as `geometryToPath` writes; '' when nothing is left. */
export function clipPolylinePath(d: string, box: BBox): string {
  const parts: Pt[][] = [];
  for (const line of parsePathPoints(d)) {
    let current: Pt[] | null = null;
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1];
      const b = line[i];
      if (!a || !b) continue;
      const seg = clipSegment(a, b, box);
      if (!seg) {
        current = null;
        continue;
      }
      const last: Pt | undefined = current?.[current.length - 1];
      if (current && last && same(last, seg[0])) current.push(seg[1]);
      else {
        current = [seg[0], seg[1]];
        parts.push(current);
      }
    }
  }
  return pointsToPath(parts);
}

/**
 * The geometry a map framing `codes` (communes and/or QPV) needs, and the transit network
 * clipped to it (null when `transit` is null).
 * @throws when none of `codes` is in the geometry (a sheet must not show a map of elsewhere).
 */
export function cutGeometry(
  overview: SvgOverview,
  transit: SvgTransit | null,
  codes: readonly string[],
  options: Partial<CutOptions> = {}
): { geometry: SvgOverview; transit: MapTransit | null } {
  const known = new Set([...overview.communes, ...overview.qpv].map((t) => t.code));
  if (!codes.some((c) => known.has(c))) {
    throw new Error(`carte : ${codes.join(', ')} absent(s) de svg-overview.json`);
  }
  const win = cutWindow(focusBox(overview, codes), { ...DEFAULTS, ...options });
  const geometry: SvgOverview = {
    ...overview,
    // Only stroked: its outline, clipped like a line ('' when the window is inside the EPCI).
    epci: { ...overview.epci, path: clipPolylinePath(overview.epci.path, win) },
    communes: overview.communes.filter((c) => meets(c.bbox, win)),
    qpv: overview.qpv.filter((q) => meets(q.bbox, win))
  };
  if (!transit) return { geometry, transit: null };
  const lines: MapTransit['lines'] = [];
  for (const l of transit.lines) {
    // Bus routes would hide the map under dozens of overlapping strokes (and weigh most of the
    // page): tram and Chrono lines are drawn, bus service shows through its stops.
    if (l.mode === 'bus') continue;
    const path = clipPolylinePath(l.path, win);
    if (path) lines.push({ id: l.id, mode: l.mode, color: l.color, path });
  }
  // Buses under Chrono under tram, as on the network map.
  const rank = (mode: string) => (mode === 'tram' ? 2 : mode === 'chrono' ? 1 : 0);
  lines.sort((a, b) => rank(a.mode) - rank(b.mode));
  const byMode = new Map<MapTransit['stops'][number]['mode'], string>();
  for (const s of transit.stops) {
    if (!inside(s.at, win)) continue;
    byMode.set(s.mode, `${byMode.get(s.mode) ?? ''}M${num(s.at[0])},${num(s.at[1])}h0`);
  }
  // Tram stops drawn last, over the bus stops.
  const stops = [...byMode]
    .map(([mode, path]) => ({ mode, path }))
    .sort((a, b) => rank(a.mode) - rank(b.mode));
  return { geometry, transit: { lines, stops } };
}
