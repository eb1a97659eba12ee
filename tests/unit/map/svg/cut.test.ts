import { describe, expect, it } from 'vitest';
import { clipPolylinePath, cutGeometry, cutWindow } from '../../../../src/lib/map/svg/cut';
import type { SvgOverview, SvgTransit } from '../../../../src/lib/schemas/svg-map';

const projection = {
  type: 'conicConformal' as const,
  parallels: [44, 49] as [number, number],
  rotate: [-3, 0] as [number, number],
  scale: 1000,
  translate: [0, 0] as [number, number]
};

/** A square territory of side `s` at (x, y). */
function square(code: string, x: number, y: number, s = 10) {
  return {
    code,
    nom: `Commune ${code}`,
    path: `M${x},${y}L${x + s},${y}L${x + s},${y + s}L${x},${y + s}Z`,
    anchor: [x + s / 2, y + s / 2] as [number, number],
    anchorRadius: s / 2,
    bbox: [x, y, x + s, y + s] as [number, number, number, number]
  };
}

// Communes on a row, 10 units apart: 38001 at x 0, 38002 at x 20, … 38005 at x 80.
const overview: SvgOverview = {
  version: 1,
  width: 100,
  height: 100,
  projection,
  metresPerUnit: 100,
  simplifyMinArea: 0,
  epci: {
    code: '200040715',
    nom: 'EPCI',
    path: 'M-5,-5L95,-5L95,15L-5,15Z',
    bbox: [-5, -5, 95, 15]
  },
  communes: [0, 20, 40, 60, 80].map((x, i) => square(`3800${i + 1}`, x, 0)),
  qpv: [
    {
      ...square('QP038901', 42, 2, 4),
      communes: ['38003'],
      generation: '2015',
      geometryRef: { source: 'qpv-2015', vintage: '2015' }
    }
  ],
  sources: []
};

const transit: SvgTransit = {
  version: 1,
  projection,
  lines: [
    { id: 'A', name: 'Tram A', mode: 'tram', color: '#3376B8', path: 'M0,5L100,5' },
    { id: 'B', name: 'Chrono 1', mode: 'chrono', color: '#777777', path: 'M0,50L100,50' },
    { id: 'C', name: 'Bus 1', mode: 'bus', color: '#777777', path: 'M0,5L100,5' }
  ],
  stops: [
    { id: 's1', name: 'Près', mode: 'tram', commune: '38003', lines: ['A'], at: [45, 5] },
    { id: 's2', name: 'Loin', mode: 'tram', commune: '38005', lines: ['A'], at: [85, 5] }
  ]
};

describe('cutWindow', () => {
  it.each([
    // box, aspects → window covers the widest and the tallest container
    [[0, 0, 10, 10], 1, 1, 0, [0, 0, 10, 10]],
    [[0, 0, 10, 10], 0.5, 2, 0, [-5, -5, 15, 15]],
    [[0, 0, 10, 10], 1, 1, 0.5, [-5, -5, 15, 15]]
  ] as const)('%j, aspects %d–%d, margin %d → %j', (box, min, max, margin, want) => {
    const w = cutWindow([...box], { minAspect: min, maxAspect: max, margin, minWidth: 0 });
    w.forEach((v, i) => expect(v).toBeCloseTo(want[i] ?? NaN));
  });
  it('widens a small territory to minWidth', () => {
    const w = cutWindow([0, 0, 2, 2], { minAspect: 1, maxAspect: 1, margin: 0, minWidth: 20 });
    expect(w[2] - w[0]).toBeCloseTo(20);
    expect(w[3] - w[1]).toBeCloseTo(20);
  });
});

describe('clipPolylinePath', () => {
  it.each([
    ['inside', 'M1,1l4,4', [0, 0, 10, 10], 'M1,1l4,4'],
    ['absolute input', 'M1,1L5,5', [0, 0, 10, 10], 'M1,1l4,4'],
    ['crossing', 'M-10,5l30,0', [0, 0, 10, 10], 'M0,5l10,0'],
    ['outside', 'M20,20l10,10', [0, 0, 10, 10], ''],
    ['leaves and comes back', 'M5,5l10,0,0,3-10,0', [0, 0, 10, 10], 'M5,5l5,0M10,8l-5,0'],
    ['two subpaths', 'M1,1l1,1M-5-5l4,4', [0, 0, 10, 10], 'M1,1l1,1'],
    ['closed ring', 'M2,2l6,0,0,6z', [0, 0, 10, 10], 'M2,2l6,0,0,6-6-6'],
    ['decimals', 'M.25,.5l9.5.25', [0, 0, 10, 10], 'M.3.5l9.5.3']
  ] as const)('%s', (_, d, box, want) => {
    expect(clipPolylinePath(d, [...box])).toBe(want);
  });
});

describe('cutGeometry', () => {
  it('keeps the neighbours in view, drops the far communes, clips tram/Chrono lines and stops', () => {
    // Box of 38003: x 40…50, y 0…10 → window x 25…65 (aspect 4), y -5…15 (aspect 0.5).
    const { geometry, transit: t } = cutGeometry(overview, transit, ['38003'], {
      minAspect: 0.5,
      maxAspect: 4,
      margin: 0
    });
    expect(geometry.communes.map((c) => c.code)).toEqual(['38002', '38003', '38004']);
    expect(geometry.qpv.map((q) => q.code)).toEqual(['QP038901']);
    expect(t?.lines.map((l) => l.id)).toEqual(['A']);
    expect(t?.lines[0]?.path).toBe('M25,5l40,0');
    expect(t?.stops).toEqual([{ mode: 'tram', path: 'M45,5h0' }]);
    // The EPCI outline is clipped too: its top and bottom edges, on the window's border.
    expect(geometry.epci.path).toBe('M25-5l40,0M65,15l-40,0');
  });
  it('frames a QPV by its own box', () => {
    const { geometry } = cutGeometry(overview, null, ['QP038901'], {
      minAspect: 1,
      maxAspect: 1,
      margin: 0
    });
    expect(geometry.communes.map((c) => c.code)).toEqual(['38003']);
  });
  it('refuses codes absent from the geometry, naming them', () => {
    expect(() => cutGeometry(overview, transit, ['QN03899X'])).toThrow(/QN03899X/);
  });
});
