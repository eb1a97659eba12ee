import { existsSync, readFileSync } from 'node:fs';
import { featureCollection, pointToLineDistance, polygonToLine, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import epcis from '@etalab/decoupage-administratif/data/epci.json';
import {
  bestMode,
  buildTransit,
  classifyRoute,
  communeLocator,
  loadDefaultTransitModeRules,
  simplifyLine,
  type TransitInput
} from '../../../scripts/lib/transit';
import { parseTransitRoutesCsv, parseTransitStopsCsv } from '../../../src/lib/data/transit';
import type { TransitMode } from '../../../src/lib/schemas/outputs';

type Contours = FeatureCollection<Polygon | MultiPolygon, { code: string }>;

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/transit/${name}`, import.meta.url), 'utf8');

const FILES = {
  stops: 'sem_stops_with_lines.csv',
  routes: 'sem_routes.csv',
  lines: 'lignes_tag_sem.geojson'
};
const contours = JSON.parse(fixture('communes.geojson')) as Contours;
const epciOutline = JSON.parse(fixture('epci-outline.geojson')) as Feature<Polygon>;
const rules = loadDefaultTransitModeRules();

function fixtureInput(overrides: Partial<TransitInput> = {}): TransitInput {
  return {
    stopsCsv: fixture(FILES.stops),
    routesCsv: fixture(FILES.routes),
    linesGeojson: fixture(FILES.lines),
    files: FILES,
    contours,
    epciOutline,
    nearBorderM: 500,
    ...overrides
  };
}

describe('classifyRoute', () => {
  const cases: { name: string; type: number; mode: TransitMode; shuttle: boolean }[] = [
    { name: 'A', type: 0, mode: 'tram', shuttle: false },
    { name: 'E', type: 0, mode: 'tram', shuttle: false },
    { name: 'C1', type: 3, mode: 'chrono', shuttle: false },
    { name: 'C14', type: 3, mode: 'chrono', shuttle: false },
    { name: '12', type: 3, mode: 'bus', shuttle: false },
    { name: 'N62', type: 3, mode: 'bus', shuttle: false },
    { name: 'C6N', type: 3, mode: 'bus', shuttle: false },
    { name: 'NAVA', type: 3, mode: 'bus', shuttle: true },
    // A shuttle stays a bus even if a feed gave it a tram route_type.
    { name: 'NAVE', type: 0, mode: 'bus', shuttle: true },
    { name: 'NAVETTE', type: 3, mode: 'bus', shuttle: false }
  ];
  it.each(cases)('$name (route_type $type) → $mode', ({ name, type, mode, shuttle }) => {
    expect(classifyRoute({ route_short_name: name, route_type: type }, rules)).toEqual({
      mode,
      temporaryShuttle: shuttle
    });
  });

  it('follows edited rules', () => {
    const edited = { ...rules, chronoShortNamePattern: '^(C\\d+|12)$', tramRouteTypes: [0, 900] };
    expect(classifyRoute({ route_short_name: '12', route_type: 3 }, edited).mode).toBe('chrono');
    expect(classifyRoute({ route_short_name: 'T1', route_type: 900 }, edited).mode).toBe('tram');
  });
});

describe('simplifyLine', () => {
  // 1e-5 degree of latitude is 1.11 m.
  const bend: [number, number][] = [
    [5.7, 45.19],
    [5.701, 45.19],
    [5.702, 45.19001],
    [5.703, 45.19],
    [5.704, 45.19],
    [5.704, 45.191]
  ];

  it('drops vertices within the tolerance and keeps the ends and real bends', () => {
    expect(simplifyLine(bend, 2)).toEqual([
      [5.7, 45.19],
      [5.704, 45.19],
      [5.704, 45.191]
    ]);
  });

  it('keeps a 1.1 m deviation under a 1 m tolerance', () => {
    expect(simplifyLine(bend, 1)).toContainEqual([5.702, 45.19001]);
  });

  it('keeps every vertex with a zero tolerance, and two-point lines as they are', () => {
    expect(simplifyLine(bend, 0)).toEqual(bend);
    expect(simplifyLine(bend.slice(0, 2), 5)).toEqual(bend.slice(0, 2));
  });
});

describe('bestMode', () => {
  it.each([
    { modes: ['bus', 'tram'] as TransitMode[], best: 'tram' },
    { modes: ['bus', 'chrono', 'bus'] as TransitMode[], best: 'chrono' },
    { modes: ['bus'] as TransitMode[], best: 'bus' },
    { modes: [] as TransitMode[], best: null }
  ])('$modes → $best', ({ modes, best }) => {
    expect(bestMode(modes)).toBe(best);
  });
});

describe('buildTransit on the synthetic fixtures', () => {
  const out = buildTransit(fixtureInput());
  const stop = (id: string) => out.stops.features.find((f) => f.properties.id === id)?.properties;

  it.each([
    { id: '0001', why: 'tram and a shuttle', mode: 'tram', lines: ['A', 'NAVA'] },
    { id: '0002', why: 'shuttle only: not a tram stop', mode: 'bus', lines: ['NAVA'] },
    { id: '0003', why: 'Chrono and bus', mode: 'chrono', lines: ['C1', '12'] },
    { id: '0004', why: 'bus only', mode: 'bus', lines: ['12'] },
    { id: '0005', why: 'tram only', mode: 'tram', lines: ['B'] }
  ])('stop $id ($why) is $mode', ({ id, mode, lines }) => {
    expect(stop(id)?.mode).toBe(mode);
    expect(stop(id)?.lines).toEqual(lines);
  });

  it.each([
    { id: '0001', commune: '99001' },
    { id: '0003', commune: '99001' },
    { id: '0004', commune: '99002' },
    // Named « Ville-A, … » with a derived code of Ville-A, but it lies in Ville-B.
    { id: '0005', commune: '99002' }
  ])('stop $id lies in commune $commune (point-in-polygon)', ({ id, commune }) => {
    expect(stop(id)).toMatchObject({ commune, outsideEpci: false, distanceToEpciM: 0 });
  });

  it('keeps a stop outside the EPCI near its border, flagged with its distance', () => {
    const s = out.stops.features.find((f) => f.properties.id === '0006');
    expect(s?.properties).toMatchObject({ outsideEpci: true, commune: null });
    // Independent check: geodesic distance to the outline computed by Turf.
    const expected = pointToLineDistance(
      s?.geometry.coordinates ?? [0, 0],
      polygonToLine(epciOutline) as Feature<import('geojson').LineString>,
      { units: 'meters' }
    );
    expect(expected).toBeGreaterThan(300);
    expect(Math.abs((s?.properties.distanceToEpciM ?? 0) - expected)).toBeLessThan(2);
  });

  it('gives an outside stop its commune when the contours cover it', () => {
    const withNeighbour: Contours = {
      ...contours,
      features: [
        ...contours.features,
        {
          type: 'Feature',
          properties: { code: '99003' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [5.02, 45.0],
                [5.03, 45.0],
                [5.03, 45.01],
                [5.02, 45.01],
                [5.02, 45.0]
              ]
            ]
          }
        }
      ]
    };
    const res = buildTransit(fixtureInput({ contours: withNeighbour }));
    const s = res.stops.features.find((f) => f.properties.id === '0006')?.properties;
    expect(s).toMatchObject({ commune: '99003', outsideEpci: true });
  });

  it('drops and counts stops farther than nearBorderM, and stop areas', () => {
    expect(stop('0007')).toBeUndefined();
    expect(out.diagnostics['stops.farOutsideEpci']).toEqual([
      expect.stringMatching(/^0007 \(Ville-D, Lointain\) : \d+ m$/)
    ]);
    expect(stop('GAREA')).toBeUndefined();
    expect(out.diagnostics['stops.stopAreas']).toEqual(['GAREA']);
  });

  it.each([
    { nearBorderM: 100, kept: ['0001', '0002', '0003', '0004', '0005', '0008'] },
    { nearBorderM: 500, kept: ['0001', '0002', '0003', '0004', '0005', '0006', '0008'] },
    { nearBorderM: 5000, kept: ['0001', '0002', '0003', '0004', '0005', '0006', '0007', '0008'] }
  ])('nearBorderM $nearBorderM keeps $kept.length stops', ({ nearBorderM, kept }) => {
    const res = buildTransit(fixtureInput({ nearBorderM }));
    expect(res.stops.features.map((f) => f.properties.id)).toEqual(kept);
  });

  it('reports unknown lines of a stop and keeps its known ones', () => {
    expect(out.diagnostics['stops.unknownLines']).toEqual(['0008 : 99']);
    expect(stop('0008')?.lines).toEqual(['12']);
  });

  it('joins line geometries to routes, with both diagnostics', () => {
    expect(out.diagnostics['lines.unmatched']).toEqual(['SEM_C6N']);
    expect(out.diagnostics['lines.unused']).toEqual(['20', 'NAVA']);
    expect(out.lines.features.map((f) => f.properties)).toEqual([
      {
        id: 'SEM_A',
        name: 'A',
        mode: 'tram',
        temporaryShuttle: false,
        color: '#0055AA',
        textColor: '#FFFFFF'
      },
      {
        id: 'SEM_B',
        name: 'B',
        mode: 'tram',
        temporaryShuttle: false,
        color: '#00AA55',
        textColor: '#FFFFFF'
      },
      {
        id: 'SEM_C1',
        name: 'C1',
        mode: 'chrono',
        temporaryShuttle: false,
        color: '#FFCC00',
        textColor: '#000000'
      },
      {
        id: 'SEM_12',
        name: '12',
        mode: 'bus',
        temporaryShuttle: false,
        color: '#33AA66',
        textColor: '#FFFFFF'
      }
    ]);
  });

  it('rounds line coordinates to 5 decimals and merges vertices made equal', () => {
    const line12 = out.lines.features.find((f) => f.properties.id === 'SEM_12');
    expect(line12?.geometry).toEqual({
      type: 'MultiLineString',
      coordinates: [
        [
          [5.007, 45.003],
          [5.015, 45.005],
          [5.025, 45.005]
        ],
        [
          [5.015, 45.005],
          [5.018, 45.008]
        ]
      ]
    });
  });

  it('marks a shuttle line as temporary when it has a geometry', () => {
    const withShuttle = fixture(FILES.lines).replace('"SEM_C6N"', '"SEM_NAVA"');
    const res = buildTransit(fixtureInput({ linesGeojson: withShuttle }));
    const nava = res.lines.features.find((f) => f.properties.name === 'NAVA')?.properties;
    expect(nava).toMatchObject({ mode: 'bus', temporaryShuttle: true, color: '#0055AA' });
    expect(res.diagnostics['lines.unused']).toEqual(['20']);
  });

  it('reports read and kept counts per source id', () => {
    expect(out.report).toEqual([
      { dataset: 'mreso-gtfs', read: 9, kept: 7 },
      // Route 20 has neither geometry nor stop.
      { dataset: 'mreso-routes', read: 6, kept: 5 },
      { dataset: 'mreso-lignes-geo', read: 5, kept: 4 }
    ]);
  });

  it('rounds stop coordinates to 5 decimals', () => {
    const csv = fixture(FILES.stops).replace('5.005,45.005,2', '5.0050049,45.0049951,2');
    const res = buildTransit(fixtureInput({ stopsCsv: csv }));
    const s = res.stops.features.find((f) => f.properties.id === '0001');
    expect(s?.geometry.coordinates).toEqual([5.005, 45.005]);
  });

  it('uses edited mode rules when given', () => {
    const res = buildTransit(
      fixtureInput({ modes: { ...rules, chronoShortNamePattern: '^(C\\d+|12)$' } })
    );
    const s4 = res.stops.features.find((f) => f.properties.id === '0004')?.properties;
    expect(s4?.mode).toBe('chrono');
  });

  it.each([
    {
      name: 'bad stop row',
      input: { stopsCsv: fixture(FILES.stops).replace('5.003,45.007', '5.003,abc') },
      message: 'sem_stops_with_lines.csv, ligne 3, champ lat : nombre attendu, reçu « abc »'
    },
    {
      name: 'missing route column',
      input: { routesCsv: fixture(FILES.routes).replace('route_type', 'type') },
      message: 'sem_routes.csv, ligne 1 : colonne manquante « route_type »'
    },
    {
      name: 'truncated geometry file',
      input: { linesGeojson: fixture(FILES.lines).slice(0, 200) },
      message:
        /^lignes_tag_sem\.geojson, entité 1 : JSON invalide à la ligne 1, colonne \d+ : .*tronqué/
    }
  ])('fails clearly on $name', ({ input, message }) => {
    expect(() => buildTransit(fixtureInput(input))).toThrow(message);
  });
});

describe('communeLocator', () => {
  it('finds communes among 521 polygons for 2,500 points in well under a second', () => {
    // 521 unit squares of 0.01° on a 23 × 23 grid (less 8 cells), codes by position.
    const features: Contours['features'] = [];
    for (let i = 0; i < 529 && features.length < 521; i++) {
      const x = 5 + (i % 23) * 0.01;
      const y = 45 + Math.floor(i / 23) * 0.01;
      features.push({
        type: 'Feature',
        properties: { code: String(10000 + i) },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + 0.01, y],
              [x + 0.01, y + 0.01],
              [x, y + 0.01],
              [x, y]
            ]
          ]
        }
      });
    }
    const locate = communeLocator({ type: 'FeatureCollection', features });
    const points: [number, number][] = [];
    for (let k = 0; k < 2500; k++) {
      // Deterministic spread over the grid, off the cell borders.
      points.push([5 + ((k * 37) % 229) * 0.001 + 0.0005, 45 + ((k * 53) % 226) * 0.001 + 0.0005]);
    }
    const t0 = performance.now();
    const found = points.map(([lon, lat]) => locate(lon, lat));
    const ms = performance.now() - t0;
    points.forEach(([lon, lat], k) => {
      const i = Math.floor((lat - 45) / 0.01) * 23 + Math.floor((lon - 5) / 0.01);
      expect(found[k]).toBe(i < 521 ? String(10000 + i) : null);
    });
    expect(ms).toBeLessThan(1000);
  });

  it('puts a point on a shared border in the commune with the smaller code', () => {
    const locate = communeLocator(contours);
    expect(locate(5.01, 45.005)).toBe('99001');
    expect(locate(5.5, 45.5)).toBeNull();
  });
});

const MIRROR = new URL('../../../../shared/sources/', import.meta.url);
const mirrorFile = (p: string) => new URL(p, MIRROR);
const STOPS_PATH = 'indicators/transport/mreso_gtfs_2025/sem_stops_with_lines.csv';
const ROUTES_PATH = 'indicators/transport/mreso_gtfs_2025/sem_routes.csv';
const LINES_PATH = 'indicators/transport/smmag_2025/lignes_tag_sem.geojson';
const COMMUNES_PATH = 'geo/communes-38-isere-adminexpress-cog2018.geojson';
const hasMirror = [STOPS_PATH, ROUTES_PATH, LINES_PATH, COMMUNES_PATH].every((p) =>
  existsSync(mirrorFile(p))
);

describe.skipIf(!hasMirror)('buildTransit on the real mirror (read in place)', () => {
  const read = (p: string) => readFileSync(mirrorFile(p), 'utf8');
  const epci = epcis.find((e) => e.code === '200040715');
  const members = new Set((epci?.membres ?? []).map((m) => m.code));
  const allContours = JSON.parse(read(COMMUNES_PATH)) as Contours;
  const memberContours = allContours.features.filter((f) => members.has(f.properties.code));
  const outline = union(featureCollection(memberContours)) as Feature<Polygon | MultiPolygon>;
  const stopsCsv = read(STOPS_PATH);
  const t0 = performance.now();
  const out = buildTransit({
    stopsCsv,
    routesCsv: read(ROUTES_PATH),
    linesGeojson: read(LINES_PATH),
    files: {
      stops: 'sem_stops_with_lines.csv',
      routes: 'sem_routes.csv',
      lines: 'lignes_tag_sem.geojson'
    },
    contours: allContours,
    epciOutline: outline,
    nearBorderM: rules.nearBorderM
  });
  const ms = performance.now() - t0;

  it('covers the 49 member communes with contours', () => {
    expect(members.size).toBe(49);
    expect(memberContours).toHaveLength(49);
  });

  it('locates the ~2,500 stop rows among the 521 contours in well under a second', () => {
    console.info(`buildTransit on the mirror: ${Math.round(ms)} ms (parsing included)`, out.report);
    const rows = parseTransitStopsCsv(stopsCsv, 'sem_stops_with_lines.csv');
    const t = performance.now();
    const locate = communeLocator(allContours);
    const found = rows.map((r) => locate(r.lon, r.lat));
    const pipMs = performance.now() - t;
    console.info(
      `point-in-polygon: ${rows.length} points × ${allContours.features.length} contours in ${Math.round(pipMs)} ms`
    );
    expect(allContours.features.length).toBeGreaterThan(500);
    expect(found.filter((c) => c === null)).toEqual([]);
    expect(pipMs).toBeLessThan(1000);
  });

  it('leaves no tram or Chrono line unmatched', () => {
    const routes = parseTransitRoutesCsv(read(ROUTES_PATH), 'sem_routes.csv').map((r) => ({
      name: r.route_short_name,
      ...classifyRoute(r, rules)
    }));
    const strong = routes.filter((r) => r.mode === 'tram' || r.mode === 'chrono');
    const withGeometry = new Set(out.lines.features.map((f) => f.properties.name));
    expect(strong.length).toBeGreaterThan(0);
    expect(strong.filter((r) => !withGeometry.has(r.name)).map((r) => r.name)).toEqual([]);
    // Geometries left unmatched are not tram or Chrono lines under the same rules.
    const tramNames = new Set(routes.filter((r) => r.mode === 'tram').map((r) => r.name));
    const chrono = new RegExp(rules.chronoShortNamePattern);
    const strongUnmatched = (out.diagnostics['lines.unmatched'] ?? []).filter((code) => {
      const name = code.slice(rules.lineCodePrefix.length);
      return tramNames.has(name) || chrono.test(name);
    });
    expect(strongUnmatched).toEqual([]);
    console.info('unmatched geometries:', out.diagnostics['lines.unmatched']);
    console.info('routes without geometry:', out.diagnostics['lines.unused']);
  });

  it('gives every stop inside the Métropole a member commune', () => {
    const inside = out.stops.features.filter((f) => !f.properties.outsideEpci);
    expect(inside.length).toBeGreaterThan(0);
    const notMember = inside.filter((f) => !members.has(f.properties.commune ?? ''));
    expect(notMember.map((f) => f.properties.id)).toEqual([]);
    const outside = out.stops.features.filter((f) => f.properties.outsideEpci);
    expect(outside.every((f) => !members.has(f.properties.commune ?? ''))).toBe(true);
    expect(outside.every((f) => f.properties.distanceToEpciM <= rules.nearBorderM)).toBe(true);
    console.info(
      `stops outside the Métropole kept: ${outside.length}, dropped: ${out.diagnostics['stops.farOutsideEpci']?.length}`
    );
  });

  it('counts as many tram stop points as the stop list implies', () => {
    // The stop list's own route_types column (tram = GTFS type 0), independent of the route join.
    const rows = parseTransitStopsCsv(stopsCsv, 'sem_stops_with_lines.csv');
    const implied = rows.filter((r) => r.route_ids.length > 0 && r.route_types.includes('0'));
    const farIds = new Set(
      (out.diagnostics['stops.farOutsideEpci'] ?? []).map((d) => d.split(' ')[0])
    );
    const expected = implied.filter((r) => !farIds.has(r.stop_id)).length;
    const tram = out.stops.features.filter((f) => f.properties.mode === 'tram').length;
    console.info(`tram stop points: ${tram}`);
    expect(tram).toBe(expected);
    expect(tram).toBeGreaterThan(0);
  });

  it('drops the stop areas, which carry no line', () => {
    const areas = out.diagnostics['stops.stopAreas'] ?? [];
    const rows = parseTransitStopsCsv(stopsCsv, 'sem_stops_with_lines.csv');
    const byId = new Map(rows.map((r) => [r.stop_id, r]));
    expect(areas.length).toBeGreaterThan(0);
    // GTFS parent stations of this feed have codes starting with GEN.
    expect(areas.every((id) => byId.get(id)?.stop_code.startsWith('GEN'))).toBe(true);
    expect(out.report[0]).toEqual({
      dataset: 'mreso-gtfs',
      read: rows.length,
      kept: rows.length - areas.length - (out.diagnostics['stops.farOutsideEpci']?.length ?? 0)
    });
    expect(out.diagnostics['stops.unknownLines']).toEqual([]);
  });

  it('leaves exactly 4 of the 49 member communes without a stop point', () => {
    const served = new Set(out.stops.features.map((f) => f.properties.commune));
    const unserved = (epci?.membres ?? []).filter((m) => !served.has(m.code));
    console.info(
      'member communes without a stop point:',
      unserved.map((m) => `${m.nom} (${m.code})`)
    );
    expect(unserved).toHaveLength(4);
  });
});
