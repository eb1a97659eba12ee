/**
 * Planar geometry → SVG path data (pure), and back to points. Coordinates are already projected
 * to viewBox units (y down); geometries are streamed by d3-geo's `geoPath` on the identity
 * projection, rounded to `digits` decimals (1 decimal = 0.1 unit, invisible at the sizes the
 * maps are drawn).
 *
 * The path data is written compactly, as mapshaper and svgo do: each ring's first point
 * absolute (`M`), the next ones relative (`l`), no separator where a minus sign or a second
 * decimal point already separates two numbers, no leading zero, no repeated point. The same
 * outlines are about a third shorter than d3's absolute `M…L…Z`; they are in every map page
 * twice (its SVG markup and the data it hydrates from). Relative steps are taken between
 * rounded points, in whole units of the last decimal, so no rounding error adds up along a ring.
 */
import { geoPath, type GeoContext } from 'd3-geo';
import type { Geometry, Position } from 'geojson';

/** A point in viewBox units. */
export type PathPoint = [number, number];

/** Writes numbers in units of 10^-digits, as SVG path data, with the fewest separators. */
class CompactPath implements GeoContext {
  private out = '';
  /** The last token written: a command letter or a number. */
  private last = '';
  /** Current point, in units. */
  private x = 0;
  private y = 0;
  /** A move was written and no line yet: the next point needs its `l`. */
  private moved = false;
  private readonly k: number;
  constructor(digits: number) {
    this.k = 10 ** digits;
  }

  private num(units: number): void {
    let s = String(units / this.k);
    if (s.startsWith('0.')) s = s.slice(1);
    else if (s.startsWith('-0.')) s = `-${s.slice(2)}`;
    // A separator only where the number would run into the previous one: not after a command,
    // not before a minus sign, not before « .5 » when the previous number has its point.
    const afterNumber = /[\d.]$/.test(this.last);
    const apart = s.startsWith('-') || (s.startsWith('.') && this.last.includes('.'));
    this.out += afterNumber && !apart ? `,${s}` : s;
    this.last = s;
  }

  private command(c: string): void {
    this.out += c;
    this.last = c;
  }

  moveTo(x: number, y: number): void {
    this.x = Math.round(x * this.k);
    this.y = Math.round(y * this.k);
    this.command('M');
    this.num(this.x);
    this.num(this.y);
    this.moved = true;
  }

  lineTo(x: number, y: number): void {
    const X = Math.round(x * this.k);
    const Y = Math.round(y * this.k);
    if (X === this.x && Y === this.y) return;
    if (this.moved) this.command('l');
    this.moved = false;
    this.num(X - this.x);
    this.num(Y - this.y);
    this.x = X;
    this.y = Y;
  }

  closePath(): void {
    this.command('z');
    this.moved = false;
  }

  beginPath(): void {}

  // geoPath draws Point geometries as circles (arc); the overview maps have none.
  arc(): void {
    throw new Error('tracé SVG : les points ne sont pas écrits en chemins');
  }

  toString(): string {
    return this.out;
  }
}

/**
 * SVG path data of a planar geometry (Polygon, MultiPolygon, LineString, MultiLineString);
 * "" for an empty geometry. Polygons are closed with `z`; holes are drawn as extra subpaths, so
 * fill them with `fill-rule="evenodd"`.
 * @example geometryToPath({ type: 'LineString', coordinates: [[0, 0], [10.04, 5]] }) // "M0,0l10,5"
 */
export function geometryToPath(geometry: Geometry, digits = 1): string {
  const path = new CompactPath(digits);
  geoPath(null, path)(geometry);
  return path.toString();
}

/**
 * Path data of polylines given as points (viewBox units): compact, as `geometryToPath`;
 * `closed` ends each with `z`.
 */
export function pointsToPath(lines: readonly PathPoint[][], digits = 1, closed = false): string {
  const path = new CompactPath(digits);
  for (const line of lines) {
    line.forEach((p, i) => (i === 0 ? path.moveTo(p[0], p[1]) : path.lineTo(p[0], p[1])));
    if (closed && line.length > 0) path.closePath();
  }
  return path.toString();
}

const TOKEN = /([A-Za-z])|(-?(?:\d+\.?\d*|\.\d+))|([^\s,])/g;

/**
 * Subpaths of path data made of M, L, H, V, Z commands, absolute or relative (what the
 * pipeline and the SVG maps write), as absolute point lists; Z closes a ring back to its first
 * point.
 * @throws on a command it does not read (curves) or a number without its pair.
 */
export function parsePathPoints(d: string): PathPoint[][] {
  const out: PathPoint[][] = [];
  let cmd = '';
  let x = 0;
  let y = 0;
  let start: PathPoint = [0, 0];
  const nums: number[] = [];
  // After Z, a line starts a new subpath at the closed ring's first point.
  let closed = false;
  const point = (p: PathPoint, move: boolean) => {
    if (closed && !move) out.push([[start[0], start[1]]]);
    closed = false;
    if (move || out.length === 0) out.push([p]);
    else out[out.length - 1]!.push(p);
    [x, y] = p;
    if (move) start = p;
  };
  const flush = () => {
    const rel = cmd === cmd.toLowerCase();
    const c = cmd.toUpperCase();
    if (c === 'H' || c === 'V') {
      for (const n of nums.splice(0))
        point(c === 'H' ? [rel ? x + n : n, y] : [x, rel ? y + n : n], false);
      return;
    }
    if (nums.length % 2 !== 0) throw new Error(`tracé SVG : nombre sans sa paire après « ${cmd} »`);
    for (let i = 0; i < nums.length; i += 2) {
      const p: PathPoint = rel ? [x + nums[i]!, y + nums[i + 1]!] : [nums[i]!, nums[i + 1]!];
      // After a move, the next pairs are lines (relative if the move was).
      point(p, c === 'M' && i === 0);
    }
    nums.length = 0;
  };
  for (const m of d.matchAll(TOKEN)) {
    if (m[3] !== undefined) throw new Error(`tracé SVG : caractère « ${m[3]} » inattendu`);
    if (m[2] !== undefined) {
      if (!cmd) throw new Error('tracé SVG : un nombre avant toute commande');
      nums.push(Number(m[2]));
      continue;
    }
    if (cmd) flush();
    cmd = m[1]!;
    if (cmd === 'Z' || cmd === 'z') {
      const ring = out[out.length - 1];
      if (ring && ring.length > 0 && !closed) ring.push([start[0], start[1]]);
      [x, y] = start;
      closed = true;
    } else if (!'MmLlHhVv'.includes(cmd)) {
      throw new Error(`tracé SVG : commande « ${cmd} » non lue`);
    }
  }
  if (cmd && cmd !== 'Z' && cmd !== 'z') flush();
  return out;
}

/** Bounding box `[x0, y0, x1, y1]` of planar positions (viewBox units), or null when empty. */
export function planarBBox(positions: Iterable<Position>): [number, number, number, number] | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of positions) {
    const x = p[0]!;
    const y = p[1]!;
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  return Number.isFinite(x0) ? [x0, y0, x1, y1] : null;
}

/** Every position of a geometry (any nesting). */
export function* positionsOf(geometry: Geometry): Generator<Position> {
  switch (geometry.type) {
    case 'Point':
      yield geometry.coordinates;
      return;
    case 'MultiPoint':
    case 'LineString':
      yield* geometry.coordinates;
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of geometry.coordinates) yield* line;
      return;
    case 'MultiPolygon':
      for (const poly of geometry.coordinates) for (const ring of poly) yield* ring;
      return;
    case 'GeometryCollection':
      for (const g of geometry.geometries) yield* positionsOf(g);
  }
}

/** Maps every position of a geometry through `f` (same structure, new arrays). */
export function mapPositions<G extends Geometry>(geometry: G, f: (p: Position) => Position): G {
  const g = geometry as Geometry;
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: f(g.coordinates) } as G;
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: g.coordinates.map(f) } as G;
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((l) => l.map(f)) } as G;
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) } as G;
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map((x) => mapPositions(x, f)) } as G;
  }
}

/** Rounds a number to `digits` decimals (for stored anchors and boxes). */
export function round(n: number, digits = 1): number {
  const k = 10 ** digits;
  return Math.round(n * k) / k;
}
