/**
 * Placement of territory names on a static map (pure), shared by the SVG map and the PNG export.
 * Works in screen pixels. Two greedy passes by decreasing priority:
 * 1. in place: the name centred on its anchor (or just above / below it);
 * 2. callouts: names that did not fit go beside their territory, at growing distances in 16
 *    directions, joined to their anchor by a leader line that crosses no placed name.
 * Collisions with the names already placed are tested against a Flatbush grid of their boxes
 * (rebuilt only when a name is placed); anchors of the other territories are kept clear too (a
 * static Flatbush index), so a callout never hides where another name points. Candidates are not
 * indexed: there are some 200 per name, and searching them with a « taken » filter cost seconds
 * on a slow phone.
 */
import Flatbush from 'flatbush';
import { FONT_STACK } from '../../fonts/typography';

/** Text width in px of `text` set in the CSS `font` (canvas `measureText`, or an estimate). */
export type Measure = (text: string, font: string) => number;

/** The names' font stack: the app's (src/lib/fonts/typography.ts). */
export const LABEL_FONT_FAMILY = FONT_STACK;

export interface LabelInput {
  code: string;
  text: string;
  /** Anchor, px. */
  x: number;
  y: number;
  /** Radius (px) of the largest circle around the anchor inside the territory. */
  radius: number;
  /** Higher first (population; the selected territory first). */
  priority: number;
  /** Font size, px. */
  fontPx: number;
  /** Font weight (600 for the main names). */
  weight?: number;
  /**
   * The name alone, when `text` adds to it (« Poisat (6) » in the propositions view): what
   * `placeFirstFit` shows when even the smallest type leaves no room for the whole text.
   */
  shortText?: string;
}

export interface PlacedLabel {
  code: string;
  text: string;
  /** Centre of the text box, px. */
  x: number;
  y: number;
  width: number;
  height: number;
  fontPx: number;
  weight: number;
  /** Leader line from the anchor to the box edge, px; null when the name sits on its anchor. */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
  /** Placed by its `shortText` (`placeFirstFit`: no room for the whole text, say its count). */
  short?: true;
}

export interface PlaceOptions {
  /** Drawing area, px: names stay inside it. */
  width: number;
  height: number;
  measure: Measure;
  /** Try callouts (true: « every name »; false: only the names that fit in place). */
  callouts?: boolean;
  /** Longest leader line tried, px. */
  maxLeader?: number;
  /** Gap kept between two names, px. */
  gap?: number;
  /** Rectangles to keep clear (legend, buttons), px. */
  obstacles?: readonly { x0: number; y0: number; x1: number; y1: number }[];
}

export interface Placement {
  placed: PlacedLabel[];
  /** Codes whose name could not be placed. */
  dropped: string[];
}

/** Type size of the names at label scale 1, px; territories too small for it get the smaller one. */
export const NAME_FONT_PX = 11;
export const NAME_SMALL_FONT_PX = 10;
/** « Every name »: type scales tried in turn (see `placeFirstFit`) before a name is dropped. */
export const EVERY_NAME_SCALES = [1, 0.9, 0.8, 0.72] as const;

/** A territory to name, before its type size is chosen (px). */
export type NameAnchor = Omit<LabelInput, 'fontPx' | 'weight'>;

/**
 * The label rules of both renderers (SVG map and MapLibre): the attempts `placeFirstFit` tries,
 * the same names in ever smaller type for « every name » (`every`), else one attempt in full-size
 * type. A territory whose inscribed circle is narrower than 1.6 × the type size gets the smaller
 * type. `labelScale` enlarges all type (a projector).
 */
export function nameAttempts(
  anchors: readonly NameAnchor[],
  every: boolean,
  labelScale = 1
): LabelInput[][] {
  const scales = every ? EVERY_NAME_SCALES : [1];
  return scales.map((scale) => {
    const font = NAME_FONT_PX * labelScale * scale;
    const small = NAME_SMALL_FONT_PX * labelScale * scale;
    return anchors.map((a) => ({ ...a, fontPx: a.radius >= font * 1.6 ? font : small }));
  });
}

/** Longest leader line of `placeLabels` when none is given, px. */
export const MAX_LEADER_PX = 245;
/** Share of the names' spread a leader line may span (`maxLeaderFor`). */
export const LEADER_SPREAD_SHARE = 0.4;

/**
 * The longest leader line (px) for names whose anchors spread over `anchors` (px): 40 % of the
 * longer side of their bounding box, between 40 px and MAX_LEADER_PX. A name hung further away
 * crosses the map and reads as another commune's: it is dropped instead (the table, the tooltip
 * and the full-screen map still name it). The same rule on both renderers.
 * At 1280×800 the anchors of `/` spread ~400 px: 160 px, above the ~70 px its callouts need, so
 * every name stays; in a 536 px panel (a 905 px window) they spread ~230 px: 92 px, where the
 * placement had hung names 170 px away.
 */
export function maxLeaderFor(anchors: readonly { x: number; y: number }[]): number {
  if (anchors.length === 0) return MAX_LEADER_PX;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { x, y } of anchors) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  const spread = Math.max(x1 - x0, y1 - y0);
  return Math.min(MAX_LEADER_PX, Math.max(40, Math.round(LEADER_SPREAD_SHARE * spread)));
}

/** Leader lines of callouts and the dot at their anchor, on every renderer (px). */
export const LEADER_STYLE = { color: '#333333', width: 0.8, dotColor: '#222222', dotRadius: 1.6 };

/** Font of a label, CSS shorthand. */
export function labelFont(fontPx: number, weight = 600): string {
  return `${weight} ${fontPx}px ${LABEL_FONT_FAMILY}`;
}

/**
 * Width estimate (px) of a text in a system sans-serif, for prerendering where no canvas exists;
 * per-character advances of Arial/Helvetica in em, rounded up so that estimates err wide.
 */
export function estimateTextWidth(text: string, font: string): number {
  const px = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
  const bold = /^(6|7|8|9)00|bold/.test(font);
  let em = 0;
  for (const ch of text) {
    if ("il.,:;'’|!".includes(ch)) em += 0.28;
    else if ('fjtrI()-– '.includes(ch)) em += 0.36;
    else if ('mwMW'.includes(ch)) em += 0.86;
    else if (ch >= 'A' && ch <= 'Z') em += 0.7;
    else if ('ÉÈÊ'.includes(ch)) em += 0.68;
    else em += 0.57;
  }
  return Math.ceil(em * px * (bold ? 1.06 : 1));
}

type Box = { x0: number; y0: number; x1: number; y1: number };

const DIRECTIONS = Array.from({ length: 16 }, (_, i) => {
  // Start to the right, then alternate around: horizontal offsets read best with text.
  const order = [0, 8, 4, 12, 2, 6, 10, 14, 1, 7, 9, 15, 3, 5, 11, 13][i]!;
  const a = (order * Math.PI) / 8;
  return [Math.cos(a), Math.sin(a)] as const;
});

function segmentHitsBox(x1: number, y1: number, x2: number, y2: number, b: Box): boolean {
  // Liang–Barsky clipping of the segment against the box (no allocation: called very often).
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    return t0 <= t1;
  };
  return clip(-dx, x1 - b.x0) && clip(dx, b.x1 - x1) && clip(-dy, y1 - b.y0) && clip(dy, b.y1 - y1);
}

/** True when the boxes overlap (boxes that only touch do not). */
function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;
}

/** True when the box stays 1 px inside the drawing area. */
function insideArea(b: Box, options: PlaceOptions): boolean {
  return b.x0 >= 1 && b.y0 >= 1 && b.x1 <= options.width - 1 && b.y1 <= options.height - 1;
}

/** Point of the box nearest to (x, y): where a leader line ends. */
function nearestOnBox(x: number, y: number, b: Box): [number, number] {
  return [Math.min(Math.max(x, b.x0), b.x1), Math.min(Math.max(y, b.y0), b.y1)];
}

/**
 * Places the names. Deterministic: same input, same output.
 * @example placeLabels(items, { width: 780, height: 620, measure: estimateTextWidth })
 */
export function placeLabels(items: readonly LabelInput[], options: PlaceOptions): Placement {
  const gap = options.gap ?? 1.5;
  const maxLeader = options.maxLeader ?? MAX_LEADER_PX;
  const callouts = options.callouts ?? true;
  const order = [...items].sort((a, b) => b.priority - a.priority || a.code.localeCompare(b.code));
  const sizes = order.map((it) => {
    const weight = it.weight ?? 600;
    return {
      width: Math.ceil(options.measure(it.text, labelFont(it.fontPx, weight))) + 2,
      height: Math.ceil(it.fontPx * 1.15),
      weight
    };
  });

  // Every candidate box of every label, indexed once.
  interface Candidate {
    label: number;
    box: Box;
    leader: boolean;
  }
  const candidates: Candidate[] = [];
  const inside = (b: Box) => insideArea(b, options);
  const boxAt = (cx: number, cy: number, w: number, h: number): Box => ({
    x0: cx - w / 2 - gap,
    y0: cy - h / 2 - gap,
    x1: cx + w / 2 + gap,
    y1: cy + h / 2 + gap
  });
  const distances = [10, 18, 28, 40, 55, 72, 92, 115, 140, 170, 205, 245].filter(
    (d) => d <= maxLeader
  );
  order.forEach((it, label) => {
    const { width: w, height: h } = sizes[label]!;
    // Centred, or just above / below the anchor (clear of its dot).
    const off = h / 2 + gap + 2.5;
    for (const dy of [0, -off, off]) {
      const box = boxAt(it.x, it.y + dy, w, h);
      if (inside(box)) candidates.push({ label, box, leader: false });
    }
    if (!callouts) return;
    for (const d of distances) {
      for (const [ux, uy] of DIRECTIONS) {
        // Box centre so that its nearest edge is about `d` away from the anchor along (ux, uy).
        const reach = Math.abs(ux) * (w / 2) + Math.abs(uy) * (h / 2);
        const box = boxAt(it.x + ux * (d + reach), it.y + uy * (d + reach), w, h);
        if (inside(box)) candidates.push({ label, box, leader: true });
      }
    }
  });
  const placedBoxes: Box[] = [];
  const leaders: { x1: number; y1: number; x2: number; y2: number }[] = [];
  const result = new Map<number, PlacedLabel>();
  if (candidates.length === 0) return { placed: [], dropped: order.map((o) => o.code) };
  const anchors = new Flatbush(Math.max(order.length, 1));
  for (const it of order) anchors.add(it.x - 2, it.y - 2, it.x + 2, it.y + 2);
  if (order.length === 0) anchors.add(-10, -10, -10, -10);
  anchors.finish();
  const obstacles = options.obstacles ?? [];

  const free = (ci: number, own: number): boolean => {
    const b = candidates[ci]!.box;
    if (placedIndex().search(b.x0, b.y0, b.x1, b.y1).length > 0) return false;
    if (obstacles.some((o) => overlaps(b, o))) return false;
    // Leader lines already drawn must not run under this name.
    if (leaders.some((l) => segmentHitsBox(l.x1, l.y1, l.x2, l.y2, b))) return false;
    // A name keeps clear of the other anchors (where their names or leader lines start)…
    if (anchors.search(b.x0, b.y0, b.x1, b.y1, (j) => j !== own).length > 0) return false;
    if (!candidates[ci]!.leader) return true;
    // …and its leader line crosses no placed name.
    const it = order[own]!;
    const [ex, ey] = nearestOnBox(it.x, it.y, b);
    // (A name already covering this anchor is left aside: the line starts under it anyway.)
    return !placedBoxes.some(
      (p) =>
        !(it.x >= p.x0 && it.x <= p.x1 && it.y >= p.y0 && it.y <= p.y1) &&
        segmentHitsBox(it.x, it.y, ex, ey, shrink(p, gap + 0.5))
    );
  };
  // Index of the placed boxes, rebuilt lazily after each placement (Flatbush is static).
  let placed: Flatbush | null = null;
  const placedIndex = (): Flatbush => {
    if (placed) return placed;
    placed = new Flatbush(Math.max(placedBoxes.length, 1));
    for (const p of placedBoxes) placed.add(p.x0, p.y0, p.x1, p.y1);
    if (placedBoxes.length === 0) placed.add(-10, -10, -10, -10);
    placed.finish();
    return placed;
  };
  const take = (ci: number) => {
    const c = candidates[ci]!;
    const it = order[c.label]!;
    const s = sizes[c.label]!;
    placedBoxes.push(c.box);
    placed = null;
    let leader: PlacedLabel['leader'] = null;
    if (c.leader) {
      const [x2, y2] = nearestOnBox(it.x, it.y, shrink(c.box, gap));
      leader = { x1: it.x, y1: it.y, x2, y2 };
      leaders.push(leader);
    }
    result.set(c.label, {
      code: it.code,
      text: it.text,
      x: (c.box.x0 + c.box.x1) / 2,
      y: (c.box.y0 + c.box.y1) / 2,
      width: s.width,
      height: s.height,
      fontPx: it.fontPx,
      weight: s.weight,
      leader
    });
  };
  const byLabel = new Map<number, number[]>();
  candidates.forEach((c, i) => {
    const list = byLabel.get(c.label);
    if (list) list.push(i);
    else byLabel.set(c.label, [i]);
  });
  const tryPlace = (label: number, leader: boolean) => {
    const pick = (byLabel.get(label) ?? []).find(
      (ci) => candidates[ci]!.leader === leader && free(ci, label)
    );
    if (pick !== undefined) take(pick);
  };
  // Pass 1: names in place, by priority.
  order.forEach((_, label) => tryPlace(label, false));
  // Pass 2: callouts, the most constrained names (fewest free spots) first.
  const freeCount = (label: number) =>
    (byLabel.get(label) ?? []).filter((ci) => candidates[ci]!.leader && free(ci, label)).length;
  order
    .map((_, label) => label)
    .filter((label) => !result.has(label))
    .map((label) => ({ label, n: freeCount(label) }))
    .sort((a, b) => a.n - b.n || a.label - b.label)
    .forEach(({ label }) => tryPlace(label, true));
  return {
    placed: [...result.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p),
    dropped: order.filter((_, i) => !result.has(i)).map((o) => o.code)
  };
}

function shrink(b: Box, by: number): Box {
  return { x0: b.x0 + by, y0: b.y0 + by, x1: b.x1 - by, y1: b.y1 - by };
}

/**
 * The names placed by their `shortText` given back their whole text, by decreasing priority,
 * wherever the longer box, around the same centre, stays clear of the edges, the obstacles, the
 * other names, anchors and leader lines (the rules of `placeLabels`).
 */
function restoreWholeTexts(
  placement: Placement,
  items: readonly LabelInput[],
  options: PlaceOptions
): Placement {
  const gap = options.gap ?? 1.5;
  const byCode = new Map(items.map((it) => [it.code, it]));
  const placed = [...placement.placed];
  const boxOf = (p: PlacedLabel): Box => ({
    x0: p.x - p.width / 2 - gap,
    y0: p.y - p.height / 2 - gap,
    x1: p.x + p.width / 2 + gap,
    y1: p.y + p.height / 2 + gap
  });
  const priority = (p: PlacedLabel) => byCode.get(p.code)?.priority ?? -Infinity;
  const order = placed
    .map((p, i) => ({ p, i }))
    .sort((a, b) => priority(b.p) - priority(a.p) || a.p.code.localeCompare(b.p.code));
  for (const { i } of order) {
    const p = placed[i]!;
    const it = byCode.get(p.code);
    if (!it || it.text === p.text) continue;
    const width = Math.ceil(options.measure(it.text, labelFont(p.fontPx, p.weight))) + 2;
    const b = boxOf({ ...p, width });
    const [x2, y2] = p.leader ? nearestOnBox(it.x, it.y, shrink(b, gap)) : [0, 0];
    const grown: PlacedLabel = {
      ...p,
      text: it.text,
      width,
      leader: p.leader ? { ...p.leader, x2, y2 } : null
    };
    const clear =
      insideArea(b, options) &&
      !(options.obstacles ?? []).some((o) => overlaps(b, o)) &&
      placed.every((q, j) => {
        if (j === i) return true;
        const a = byCode.get(q.code);
        return (
          !overlaps(b, boxOf(q)) &&
          !(a && a.x > b.x0 - 2 && a.x < b.x1 + 2 && a.y > b.y0 - 2 && a.y < b.y1 + 2) &&
          !(q.leader && segmentHitsBox(q.leader.x1, q.leader.y1, q.leader.x2, q.leader.y2, b)) &&
          !(grown.leader && segmentHitsBox(it.x, it.y, x2, y2, shrink(boxOf(q), gap + 0.5)))
        );
      });
    if (clear) placed[i] = grown;
  }
  return { placed, dropped: placement.dropped };
}

/**
 * The first of `attempts` (the same names in ever smaller type) whose names all fit, else the
 * last one's placement: « every name », shrinking the type before dropping a name. When even the
 * last drops names, and names have a `shortText` (the name without its count), they are placed
 * by it if fewer are dropped, then given back their whole text wherever it fits, the names that
 * fitted whole first, as long as no name then hangs on a longer leader line (`noLongerLeaders`);
 * the selected territory keeps its whole text. A name is worth more than its count, which the
 * tooltip and the table still give.
 */
export function placeFirstFit(
  attempts: readonly (readonly LabelInput[])[],
  options: PlaceOptions
): Placement {
  let result: Placement = { placed: [], dropped: [] };
  for (const items of attempts) {
    result = placeLabels(items, options);
    if (result.dropped.length === 0) return result;
  }
  const last = attempts.at(-1);
  // Only for « every name » (callouts): elsewhere the names that do not fit are left out.
  if (!(options.callouts ?? true) || !last?.some((it) => it.shortText !== undefined)) return result;
  // The selected territory (priority +Infinity, placed first) keeps its whole text.
  const selected = new Set(last.filter((it) => it.priority === Infinity).map((it) => it.code));
  const wholeText = new Map(last.map((it) => [it.code, it.text]));
  const isWhole = (p: PlacedLabel) => p.text === wholeText.get(p.code);
  const shortOf = (keep: ReadonlySet<string>) =>
    last.map((it) =>
      it.shortText && !keep.has(it.code) && !selected.has(it.code)
        ? { ...it, text: it.shortText }
        : it
    );
  const short = placeLabels(shortOf(new Set()), options);
  if (short.dropped.length >= result.dropped.length) return result;
  // Counts given back where they fit in place, then, by priority, wherever placing all the names
  // again drops no more (more placements: the costliest step, kept to RESTORE_TRIES).
  let best = restoreWholeTexts(short, last, options);
  const whole = new Set(best.placed.filter(isWhole).map((p) => p.code));
  // The names that fitted whole in the last attempt first: they lose their count only if the
  // others' names need their room.
  const fitted = new Set(result.placed.map((p) => p.code));
  const pending = [...last]
    .filter((it) => it.shortText && !whole.has(it.code))
    .sort(
      (a, b) =>
        Number(fitted.has(b.code)) - Number(fitted.has(a.code)) ||
        b.priority - a.priority ||
        a.code.localeCompare(b.code)
    );
  // By batches that double while they fit and halve when they do not: few placements when most
  // counts fit, one by one around those that do not.
  let batch = 1;
  for (let i = 0, tries = 0; i < pending.length && tries < RESTORE_TRIES; tries++) {
    const codes = pending.slice(i, i + batch).map((it) => it.code);
    const next = placeLabels(shortOf(new Set([...whole, ...codes])), options);
    if (next.dropped.length <= best.dropped.length && noLongerLeaders(next, best)) {
      for (const code of codes) whole.add(code);
      best = restoreWholeTexts(next, last, options);
      for (const p of best.placed) if (isWhole(p)) whole.add(p.code);
      i += codes.length;
      batch *= 2;
    } else if (batch > 1) batch = Math.floor(batch / 2);
    // This name keeps its short text.
    else i += 1;
  }
  return {
    placed: best.placed.map((p) => (isWhole(p) ? p : { ...p, short: true })),
    dropped: best.dropped
  };
}

/**
 * True when no name of `next` hangs at the end of a leader line longer than it had in `prev` and
 * than RESTORE_LEADER_PX: a count is not worth sending a name across the map.
 */
function noLongerLeaders(next: Placement, prev: Placement): boolean {
  const length = (p: PlacedLabel | undefined) =>
    p?.leader ? Math.hypot(p.leader.x2 - p.leader.x1, p.leader.y2 - p.leader.y1) : 0;
  const before = new Map(prev.placed.map((p) => [p.code, p]));
  return next.placed.every(
    (p) => length(p) <= Math.max(length(before.get(p.code)), RESTORE_LEADER_PX)
  );
}

/** Longest leader line (px) a count given back may bring about (`noLongerLeaders`). */
const RESTORE_LEADER_PX = 60;

/** Placements `placeFirstFit` may make to give counts back (each costs a few ms). */
const RESTORE_TRIES = 48;
