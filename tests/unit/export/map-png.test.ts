import { describe, expect, it } from 'vitest';
import {
  exportCrop,
  headerWidth,
  widenSpan,
  layoutMapPng,
  wrapText,
  type Measure
} from '../../../src/lib/export/map-png';

// Monospace stand-in for canvas measureText: 10 units per character at any font.
const measure: Measure = (text) => text.length * 10;

describe('wrapText', () => {
  it.each([
    ['un deux trois', 200, ['un deux trois']],
    ['un deux trois', 70, ['un deux', 'trois']],
    ['anticonstitutionnellement court', 100, ['anticonstitutionnellement', 'court']],
    ['', 100, []]
  ])('%j in %i px', (text, width, lines) => {
    expect(wrapText(text, width, 'f', measure)).toEqual(lines);
  });
});

describe('layoutMapPng', () => {
  const options = {
    title: 'Taux de LLS',
    legendTitle: 'Quantiles',
    legend: [
      { label: 'de 5 % à 10 %', color: '#fde0c5' },
      { label: 'de 10 % à 20 %', color: '#f59e72' },
      { label: 'pas de donnée', color: null }
    ],
    sources: ['Inventaire SRU (DGALN), LLS au 1er janvier 2024'],
    date: '25 novembre 2026'
  };

  it('puts the title above the map, the legend and footer below, inside the image', () => {
    const l = layoutMapPng(800, 600, 1, options, measure);
    expect(l.width).toBe(800);
    expect(l.header.titleY).toBeLessThan(l.map.y);
    expect(l.map).toEqual({ x: 0, y: l.header.height, width: 800, height: 600 });
    expect(l.legend.titleY).toBeGreaterThan(l.map.y + 600);
    expect(l.legend.rows.map((r) => r.entry.label)).toEqual(options.legend.map((e) => e.label));
    // All three entries fit on one row at 800 px.
    expect(new Set(l.legend.rows.map((r) => r.y)).size).toBe(1);
    expect(l.footer.lines.map((x) => x.text)).toEqual([
      'Sources : Inventaire SRU (DGALN), LLS au 1er janvier 2024',
      'Carte exportée le 25 novembre 2026 — Atlas PLH'
    ]);
    expect(l.height).toBeGreaterThan(l.footer.lines.at(-1)?.y ?? Infinity);
  });

  it('writes the notes after the sources, before the date', () => {
    const l = layoutMapPng(800, 600, 1, { ...options, notes: ['Un nom sans nombre.'] }, measure);
    expect(l.footer.lines.map((x) => x.text)).toEqual([
      'Sources : Inventaire SRU (DGALN), LLS au 1er janvier 2024',
      'Un nom sans nombre.',
      'Carte exportée le 25 novembre 2026 — Atlas PLH'
    ]);
  });

  it('wraps the legend and the sources on a narrow map, and scales with the pixel ratio', () => {
    const narrow = layoutMapPng(300, 300, 1, options, measure);
    expect(new Set(narrow.legend.rows.map((r) => r.y)).size).toBeGreaterThan(1);
    expect(narrow.footer.lines.length).toBeGreaterThan(2);
    const hidpi = layoutMapPng(1600, 1200, 2, options, measure);
    expect(hidpi.header.titleY).toBe(2 * layoutMapPng(800, 600, 1, options, measure).header.titleY);
    expect(hidpi.fonts.title).toMatch(/^700 44px/);
  });
});

describe('exportCrop', () => {
  const canvas = { width: 1000, height: 600 };
  it.each([
    [
      'the territory and its names, plus the margin (wide enough already)',
      [
        { x: 400, y: 100, width: 500, height: 400 },
        { x: 380, y: 90, width: 60, height: 14 }
      ],
      { x: 368, y: 78, width: 544, height: 434 }
    ],
    [
      'a narrow territory is widened around its centre to 480 px',
      [{ x: 500, y: 100, width: 200, height: 300 }],
      { x: 360, y: 88, width: 480, height: 324 }
    ],
    [
      'widened against the right edge: the rest goes to the left',
      [{ x: 900, y: 100, width: 90, height: 300 }],
      { x: 520, y: 88, width: 480, height: 324 }
    ],
    [
      'widened against the left edge: the rest goes to the right',
      [{ x: 0, y: 0, width: 100, height: 100 }],
      { x: 0, y: 0, width: 480, height: 112 }
    ],
    [
      'a territory partly off the map is cut at the canvas',
      [{ x: -50, y: -20, width: 1200, height: 700 }],
      { x: 0, y: 0, width: 1000, height: 600 }
    ]
  ])('%s', (_name, boxes, crop) => {
    expect(exportCrop(boxes, canvas)).toEqual(crop);
  });

  it('never wider than the canvas', () => {
    expect(
      exportCrop([{ x: 10, y: 10, width: 20, height: 20 }], { width: 300, height: 200 })
    ).toEqual({ x: 0, y: 0, width: 300, height: 42 });
  });

  it.each([
    ['no box', []],
    ['empty boxes only', [{ x: 5, y: 5, width: 0, height: 10 }]],
    ['boxes outside the canvas', [{ x: 2000, y: 2000, width: 10, height: 10 }]]
  ])('%s: nothing to frame, the whole canvas is exported', (_name, boxes) => {
    expect(exportCrop(boxes, canvas)).toBeNull();
  });
});

describe('headerWidth (the narrowest image for its title)', () => {
  // 10 units per character, 16 of margin on each side.
  it.each([
    ['a short title: the floor', { title: 'Taux de LLS' }, 480],
    ['a long title: its width and the margins', { title: 'x'.repeat(60) }, 632],
    ['a longer subtitle wins', { title: 'x'.repeat(50), subtitle: 'y'.repeat(70) }, 732]
  ])('%s', (_name, options, width) => {
    expect(headerWidth(options, measure)).toBe(width);
  });
  it('takes another floor', () => {
    expect(headerWidth({ title: 'Taux' }, measure, 300)).toBe(300);
  });
});

describe('widenSpan', () => {
  it.each([
    ['already wide enough', [10, 600], 480, Infinity, [10, 600]],
    ['widened on both sides', [100, 300], 400, Infinity, [0, 400]],
    ['free of bounds, below 0 too', [0, 100], 300, Infinity, [-100, 200]],
    ['pushed off the left edge', [0, 100], 300, 1000, [0, 300]],
    ['pushed off the right edge', [900, 1000], 300, 1000, [700, 1000]],
    ['no wider than the limit', [10, 20], 480, 300, [0, 300]]
  ] as const)('%s', (_name, [x0, x1], min, limit, expected) => {
    expect(widenSpan(x0, x1, min, limit)).toEqual(expected);
  });
});
