import { describe, expect, it } from 'vitest';
import { sheetMapData } from '../../../../src/lib/components/sheet/sheet-map-load';
import type { SourceEntry } from '../../../../src/lib/schemas/sources-manifest';
import type { SvgOverview, SvgTransit } from '../../../../src/lib/schemas/svg-map';

// Made-up geometry: three square communes on a row, 20 units apart, one QPV in the middle one.
const projection = {
  type: 'conicConformal' as const,
  parallels: [44, 49] as [number, number],
  rotate: [-3, 0] as [number, number],
  scale: 1000,
  translate: [0, 0] as [number, number]
};
function square(code: string, x: number, s = 10) {
  return {
    code,
    nom: `Commune ${code}`,
    path: `M${x},0L${x + s},0L${x + s},${s}L${x},${s}Z`,
    anchor: [x + s / 2, s / 2] as [number, number],
    anchorRadius: s / 2,
    bbox: [x, 0, x + s, s] as [number, number, number, number]
  };
}
const overview: SvgOverview = {
  version: 1,
  width: 100,
  height: 20,
  projection,
  metresPerUnit: 100,
  simplifyMinArea: 0,
  epci: { code: '200040715', nom: 'EPCI', path: 'M0,0L50,0', bbox: [0, 0, 50, 10] },
  communes: [square('38001', 0), square('38002', 20), square('38003', 40)],
  qpv: [
    {
      ...square('QN03801M', 22, 4),
      communes: ['38002'],
      generation: '2024',
      geometryRef: { source: 'qpv-2024-perimetres-extrait', vintage: '2024' }
    }
  ],
  sources: [{ source: 'admin-express', vintage: 'COG 2018 (simplifié)' }]
};
const transit: SvgTransit = {
  version: 1,
  projection,
  lines: [{ id: 'A', name: 'Tram A', mode: 'tram', color: '#3376B8', path: 'M0,5L50,5' }],
  stops: []
};
const transitWithStops: SvgTransit = {
  ...transit,
  stops: [{ id: 'S1', name: 'Gare', mode: 'tram', commune: '38002', lines: ['A'], at: [25, 5] }]
};
function entry(id: string, title: string, vintage: string): SourceEntry {
  return {
    id,
    title,
    producer: 'P',
    vintage,
    licence: 'L',
    attribution: 'A',
    url: null,
    page: 'https://example.org/',
    mirrorPath: null,
    format: 'geojson',
    coverage: 'EPCI'
  };
}
const manifest = [
  entry('admin-express', 'Contours des communes', 'COG 2018'),
  entry('mreso-gtfs', 'Réseau M réso', 'GTFS 2025'),
  entry('mreso-lignes-geo', 'Tracés M réso', 'novembre 2025')
];

describe('sheetMapData', () => {
  it('frames the territory, keeps its neighbours and cites the geometry and the network', () => {
    const m = sheetMapData(overview, transit, ['38002'], manifest);
    expect(m.focus).toEqual(['38002']);
    expect(m.geometry.communes.map((c) => c.code)).toContain('38002');
    expect(m.transit?.lines.map((l) => l.id)).toEqual(['A']);
    // Lines drawn, no stop: the lines' tracés are cited, not the stops' GTFS. The caption gives
    // the vintages without their parentheses (the references keep them).
    expect(m.refs).toEqual([
      { source: 'admin-express', vintage: 'COG 2018 (simplifié)' },
      { source: 'mreso-lignes-geo', vintage: 'novembre 2025' }
    ]);
    expect(m.sources).toBe(
      'Fond : Contours des communes — COG 2018 ; Tracés M réso — novembre 2025.'
    );
  });

  it('cites the stops’ dataset after the lines’ when stops are drawn too', () => {
    const m = sheetMapData(overview, transitWithStops, ['38002'], manifest);
    expect(m.refs.map((r) => r.source)).toEqual([
      'admin-express',
      'mreso-lignes-geo',
      'mreso-gtfs'
    ]);
  });

  it('without the network, cites only the geometry', () => {
    const m = sheetMapData(overview, null, ['38001'], manifest);
    expect(m.transit).toBeNull();
    expect(m.refs).toEqual([{ source: 'admin-express', vintage: 'COG 2018 (simplifié)' }]);
  });

  it('frames the fallback (a QPV’s communes) when the territory is not drawn', () => {
    const m = sheetMapData(overview, null, ['QN03899M'], manifest, 0, ['38003']);
    expect(m.focus).toEqual(['38003']);
  });

  it('refuses to draw a map of elsewhere', () => {
    expect(() => sheetMapData(overview, null, ['38999'], manifest)).toThrow(/38999/);
  });
});
