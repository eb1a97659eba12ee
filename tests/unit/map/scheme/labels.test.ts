/**
 * Label placement: synthetic cases, and all 49 names of Grenoble-Alpes Métropole on the generated
 * overview at the size the home map has at 1280×800 (when `npm run data` has run).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  estimateTextWidth,
  EVERY_NAME_SCALES,
  MAX_LEADER_PX,
  maxLeaderFor,
  nameAttempts,
  placeFirstFit,
  placeLabels,
  type LabelInput,
  type PlacedLabel
} from '../../../../src/lib/map/scheme/labels';
import { communeLabelItems, focusBox, frameViewBox } from '../../../../src/lib/map/svg/view';
import { svgOverviewSchema } from '../../../../src/lib/schemas/svg-map';

const measure = estimateTextWidth;

function overlaps(a: PlacedLabel, b: PlacedLabel): boolean {
  return (
    Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height
  );
}
function leaderLength(p: PlacedLabel): number {
  return p.leader ? Math.hypot(p.leader.x2 - p.leader.x1, p.leader.y2 - p.leader.y1) : 0;
}
function assertNoOverlap(placed: PlacedLabel[]) {
  for (let i = 0; i < placed.length; i++)
    for (let j = i + 1; j < placed.length; j++)
      expect(overlaps(placed[i]!, placed[j]!), `${placed[i]!.code} × ${placed[j]!.code}`).toBe(
        false
      );
}
const item = (code: string, x: number, y: number, priority = 1): LabelInput => ({
  code,
  text: `Commune ${code}`,
  x,
  y,
  radius: 30,
  priority,
  fontPx: 12
});

describe('placeLabels (synthetic)', () => {
  it('puts isolated names on their anchor, without leader', () => {
    const { placed, dropped } = placeLabels([item('a', 100, 100), item('b', 100, 200)], {
      width: 400,
      height: 400,
      measure
    });
    expect(dropped).toEqual([]);
    for (const p of placed) {
      expect(p.leader).toBeNull();
      expect(p.x).toBe(100);
    }
  });
  // Three names on (nearly) the same spot: two fit just above / below, the third needs a callout.
  const crowd = [item('a', 200, 200, 3), item('b', 205, 200, 2), item('c', 210, 200, 1)];
  it('nudges names off other anchors, then moves the last one to a callout', () => {
    const { placed, dropped } = placeLabels(crowd, { width: 400, height: 400, measure });
    expect(dropped).toEqual([]);
    const byCode = new Map(placed.map((p) => [p.code, p]));
    expect(byCode.get('a')?.leader).toBeNull();
    expect(byCode.get('b')?.leader).toBeNull();
    const c = byCode.get('c')!;
    expect(c.leader).toMatchObject({ x1: 210, y1: 200 });
    assertNoOverlap(placed);
  });
  it('drops what does not fit when callouts are off', () => {
    const { placed, dropped } = placeLabels(crowd, {
      width: 400,
      height: 400,
      measure,
      callouts: false
    });
    expect(placed.map((p) => p.code)).toEqual(['a', 'b']);
    expect(dropped).toEqual(['c']);
  });
  it('keeps names inside the drawing area and off the obstacles', () => {
    const { placed } = placeLabels([item('a', 5, 5)], {
      width: 300,
      height: 300,
      measure,
      obstacles: [{ x0: 0, y0: 0, x1: 40, y1: 300 }]
    });
    const a = placed[0]!;
    expect(a.x - a.width / 2).toBeGreaterThanOrEqual(40);
    expect(a.y - a.height / 2).toBeGreaterThanOrEqual(0);
  });
  it('estimates wider text for longer names', () => {
    expect(estimateTextWidth('Saint-Martin-d’Hères', '600 12px x')).toBeGreaterThan(
      estimateTextWidth('Vif', '600 12px x')
    );
  });
});

const GENERATED = resolve(import.meta.dirname, '../../../../static/geo/svg-overview.json');
describe.skipIf(!existsSync(GENERATED))('the 49 communes on the home map at 1280×800', () => {
  const geometry = svgOverviewSchema.parse(JSON.parse(readFileSync(GENERATED, 'utf8')));
  // Map panel of `/` at 1280×800 (measured in the browser): about 770 × 640 px; the legend
  // floats over its lower left corner and the map is framed to its right.
  const W = 770;
  const H = 640;
  const legend = { x0: 0, y0: H - 300, x1: 300, y1: H };
  const { viewBox, pxPerUnit } = frameViewBox(focusBox(geometry, null), W, H, {
    top: 12,
    right: 12,
    bottom: 12,
    left: 140
  });
  it('names every commune, with no two names overlapping', () => {
    const items = nameAttempts(communeLabelItems(geometry, viewBox, pxPerUnit), false)[0]!;
    const { placed, dropped } = placeLabels(items, {
      width: W,
      height: H,
      measure,
      obstacles: [legend]
    });
    expect(dropped).toEqual([]);
    expect(placed).toHaveLength(49);
    assertNoOverlap(placed);
    for (const p of placed) {
      const off = p.x + p.width / 2 <= legend.x0 || p.y + p.height / 2 <= legend.y0;
      expect(off || p.x - p.width / 2 >= legend.x1, p.code).toBe(true);
    }
  });
  it("names every commune with leader lines kept to 40 % of the names' spread", () => {
    const anchors = communeLabelItems(geometry, viewBox, pxPerUnit);
    const maxLeader = maxLeaderFor(anchors);
    expect(maxLeader).toBeLessThan(MAX_LEADER_PX);
    const { placed, dropped } = placeFirstFit(nameAttempts(anchors, true), {
      width: W,
      height: H,
      measure,
      callouts: true,
      maxLeader,
      obstacles: [legend]
    });
    expect(dropped).toEqual([]);
    expect(placed).toHaveLength(49);
    assertNoOverlap(placed);
    expect(Math.max(...placed.map(leaderLength))).toBeLessThanOrEqual(maxLeader);
  });
  it('in a 536 px panel (a 905 px window), hangs no name across the map', () => {
    // The panel beside the table at 905×800 with a classic scrollbar, its legend (21rem) floating.
    const [w, h] = [536, 575];
    const box = { x0: 0, y0: h - 330, x1: 350, y1: h };
    const frame = frameViewBox(focusBox(geometry, null), w, h, {
      top: 44,
      right: 14,
      bottom: 30,
      left: 348
    });
    const anchors = communeLabelItems(geometry, frame.viewBox, frame.pxPerUnit);
    const attempts = nameAttempts(anchors, true);
    const options = { width: w, height: h, measure, callouts: true, obstacles: [box] };
    const capped = placeFirstFit(attempts, { ...options, maxLeader: maxLeaderFor(anchors) });
    const uncapped = placeFirstFit(attempts, options);
    // Without the rule some names hang far across the map; with it none, and most stay named.
    expect(Math.max(...uncapped.placed.map(leaderLength))).toBeGreaterThan(maxLeaderFor(anchors));
    expect(Math.max(...capped.placed.map(leaderLength))).toBeLessThanOrEqual(maxLeaderFor(anchors));
    expect(capped.placed.length).toBeGreaterThanOrEqual(20);
    assertNoOverlap(capped.placed);
  });
  it('names every commune in the propositions view too, a few without their count', () => {
    // The longest counts the view shows (« (116 + 2 en réunion) »), on every name.
    const textOf = (_code: string, nom: string) => `${nom} (116 + 2 en réunion)`;
    const attempts = nameAttempts(
      communeLabelItems(geometry, viewBox, pxPerUnit, { textOf }),
      true
    );
    const options = { width: W, height: H, measure, obstacles: [legend] };
    expect(placeLabels(attempts.at(-1)!, options).dropped.length).toBeGreaterThan(0);
    const { placed, dropped } = placeFirstFit(attempts, options);
    expect(dropped).toEqual([]);
    expect(placed).toHaveLength(49);
    assertNoOverlap(placed);
    const short = placed.filter((p) => !p.text.endsWith('(116 + 2 en réunion)'));
    // The counts are given back wherever they fit: only some names go without…
    expect(short.length).toBeGreaterThan(0);
    expect(short.length).toBeLessThanOrEqual(14);
    // …and none at the cost of a long leader line: no name hangs further from its anchor than
    // when all were placed by their names alone, or than 60 px.
    const last = attempts.at(-1)!;
    const allShort = placeLabels(
      last.map((it) => ({ ...it, text: it.shortText ?? it.text })),
      options
    );
    const leader = (p: PlacedLabel | undefined) =>
      p?.leader ? Math.hypot(p.leader.x2 - p.leader.x1, p.leader.y2 - p.leader.y1) : 0;
    const before = new Map(allShort.placed.map((p) => [p.code, p]));
    for (const p of placed)
      expect(leader(p), p.text).toBeLessThanOrEqual(Math.max(leader(before.get(p.code)), 60));
    const names = new Map(geometry.communes.map((c) => [c.code, c.nom]));
    for (const p of short) expect(p.text).toBe(names.get(p.code));
    // Flagged for the PNG export, which then says why a count is missing; only those.
    expect(placed.filter((p) => p.short).map((p) => p.code)).toEqual(short.map((p) => p.code));
  });
  it('keeps the count of the selected commune, which would lose it otherwise', () => {
    const textOf = (_code: string, nom: string) => `${nom} (116 + 2 en réunion)`;
    const options = { width: W, height: H, measure, obstacles: [legend] };
    const named = (selected: string | null) =>
      placeFirstFit(
        nameAttempts(
          communeLabelItems(geometry, viewBox, pxPerUnit, {
            textOf,
            priorityOf: (code) =>
              code === selected
                ? Infinity
                : (geometry.communes.find((c) => c.code === code)?.anchorRadius ?? 0)
          }),
          true
        ),
        options
      );
    const textOfCode = (r: { placed: PlacedLabel[] }, code: string) =>
      r.placed.find((p) => p.code === code)?.text;
    // Meylan (38229) loses its count when no commune is selected…
    expect(textOfCode(named(null), '38229')).toBe('Meylan');
    // …and keeps it when it is the selected one.
    const r = named('38229');
    expect(r.dropped).toEqual([]);
    expect(textOfCode(r, '38229')).toBe('Meylan (116 + 2 en réunion)');
  });
});

describe('placeFirstFit (« every name »: smaller type before dropping a name)', () => {
  // Two names side by side in a strip too narrow for both at 12 px, wide enough at 8 px.
  const at = (fontPx: number): LabelInput[] => [
    { ...item('38001', 60, 10), fontPx },
    { ...item('38002', 140, 10), fontPx }
  ];
  const strip = { width: 200, height: 20, measure, callouts: false };
  it('keeps the first attempt when every name fits in it', () => {
    const r = placeFirstFit([at(8), at(6)], strip);
    expect(r.dropped).toEqual([]);
    expect(r.placed.map((p) => p.fontPx)).toEqual([8, 8]);
  });
  it('goes on to smaller type when a name is dropped', () => {
    expect(placeLabels(at(12), strip).dropped).not.toEqual([]);
    const r = placeFirstFit([at(12), at(8)], strip);
    expect(r.dropped).toEqual([]);
    expect(r.placed.map((p) => p.fontPx)).toEqual([8, 8]);
  });
  it('returns the last attempt when none fits whole', () => {
    const r = placeFirstFit([at(14), at(12)], strip);
    expect(r).toEqual(placeLabels(at(12), strip));
  });
  // At 8 px « Commune 38002 (4) » (84 px) overlaps « Commune 38001 (116) »; « Commune 38002 »
  // (70 px), centred on the same anchor, does not.
  const counted = (fontPx: number): LabelInput[] => [
    { ...item('38001', 55, 10), fontPx, text: 'Commune 38001 (116)', shortText: 'Commune 38001' },
    { ...item('38002', 143, 10), fontPx, text: 'Commune 38002 (4)', shortText: 'Commune 38002' }
  ];
  // « Every name » (callouts; the strip leaves them no room).
  const every = { ...strip, callouts: true };
  it('leaves a name out rather than shorten it when not asked for every name', () => {
    expect(placeFirstFit([counted(8)], strip)).toEqual(placeLabels(counted(8), strip));
    expect(placeFirstFit([counted(8)], strip).dropped).toEqual(['38002']);
  });
  it('shows a dropped name without its count rather than not at all', () => {
    expect(placeLabels(counted(8), every).dropped).toEqual(['38002']);
    const r = placeFirstFit([counted(12), counted(8)], every);
    expect(r.dropped).toEqual([]);
    // Only the name that found no room loses its count, in the last attempt's type.
    expect(r.placed.map((p) => [p.text, p.fontPx, p.short])).toEqual([
      ['Commune 38001 (116)', 8, undefined],
      ['Commune 38002', 8, true]
    ]);
    assertNoOverlap(r.placed);
  });
  it('keeps the whole texts when the names alone do not fit either', () => {
    const r = placeFirstFit([counted(14)], every);
    expect(r).toEqual(placeLabels(counted(14), every));
    expect(r.dropped).not.toEqual([]);
  });
  it('tries no short text when every whole text fits', () => {
    const r = placeFirstFit([counted(6)], { ...every, width: 400 });
    expect(r.dropped).toEqual([]);
    expect(r.placed.map((p) => p.text)).toEqual(['Commune 38001 (116)', 'Commune 38002 (4)']);
    expect(r.placed.some((p) => p.short)).toBe(false);
  });
});

describe('nameAttempts (the label rules both renderers share)', () => {
  const anchor = (code: string, radius: number) => ({
    code,
    text: code,
    x: 0,
    y: 0,
    radius,
    priority: 1
  });
  it.each([
    // Full-size type (11 px) needs an inscribed circle of 1,6 × 11 = 17,6 px.
    ['a territory with room gets the full size', 18, false, 1, [11]],
    ['a narrow one the smaller type', 17, false, 1, [10]],
    ['« every name »: four sizes, each smaller', 40, true, 1, EVERY_NAME_SCALES.map((s) => 11 * s)],
    // At 0,9 the full size is 9,9 px, which a 17 px circle holds (1,6 × 9,9 = 15,84).
    ['the smaller type only while the name does not fit', 17, true, 1, [10, 9.9, 8.8, 7.92]],
    ['a projector scale enlarges every size', 40, false, 1.5, [16.5]]
  ] as const)('%s', (_name, radius, every, scale, sizes) => {
    const attempts = nameAttempts([anchor('38185', radius)], every, scale);
    expect(attempts.map((a) => a[0]!.fontPx)).toEqual(sizes.map((s) => expect.closeTo(s, 6)));
  });
  it('keeps each anchor as given (position, priority, text)', () => {
    const [first] = nameAttempts(
      [{ code: 'a', text: 'A', x: 3, y: 4, radius: 50, priority: 7 }],
      false
    );
    expect(first).toEqual([
      { code: 'a', text: 'A', x: 3, y: 4, radius: 50, priority: 7, fontPx: 11 }
    ]);
  });
});

describe('maxLeaderFor (the longest leader line, both renderers)', () => {
  const spread = (w: number, h: number) => [
    { x: 10, y: 20 },
    { x: 10 + w, y: 20 + h }
  ];
  it.each([
    { name: 'no anchor', anchors: [], expected: MAX_LEADER_PX },
    { name: 'one anchor: the floor', anchors: [{ x: 5, y: 5 }], expected: 40 },
    { name: '400 px spread (`/` at 1280×800)', anchors: spread(240, 400), expected: 160 },
    { name: '230 px spread (a 536 px panel)', anchors: spread(230, 140), expected: 92 },
    { name: 'the longer side counts', anchors: spread(300, 50), expected: 120 },
    { name: 'capped (a zoomed MapLibre map)', anchors: spread(2000, 1200), expected: 245 },
    { name: 'floored', anchors: spread(60, 30), expected: 40 }
  ])('$name → $expected px', ({ anchors, expected }) => {
    expect(maxLeaderFor(anchors)).toBe(expected);
  });
});
