import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import {
  atlasSources,
  communesLayers,
  LAYER_IDS,
  qpvLayers,
  SOURCE_IDS,
  transitLinesLayers,
  transitStopsLayer
} from '../../../src/lib/map/layer-specs';
import type {
  CommunesCollection,
  QpvCollection,
  TransitLinesCollection,
  TransitStopsCollection
} from '../../../src/lib/schemas/outputs';

const empty = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } as const;

function styleWith(layers: unknown[]) {
  return {
    version: 8,
    sources: {
      communes: empty,
      qpv: empty,
      'transit-lines': empty,
      'transit-stops': empty
    },
    layers
  };
}

describe('layer specifications', () => {
  const communes = communesLayers('communes');
  const all = [
    communes.fill,
    ...qpvLayers('qpv'),
    ...transitLinesLayers('transit-lines'),
    transitStopsLayer('transit-stops'),
    communes.line
  ];

  it('form a style MapLibre validates (types, expressions, property names)', () => {
    expect(validateStyleMin(styleWith(all) as never)).toEqual([]);
  });

  it('would be caught if a paint property were misspelt', () => {
    const broken = { ...communes.fill, paint: { 'fill-colour': '#000' } };
    expect(validateStyleMin(styleWith([broken]) as never)).not.toEqual([]);
  });

  it('use each id once, the ids the components remove', () => {
    const ids = all.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.values(LAYER_IDS).sort());
  });

  it('draw each thematic layer from the source it is given', () => {
    expect(qpvLayers('x').map((l) => ('source' in l ? l.source : null))).toEqual(['x', 'x']);
    expect(transitStopsLayer('y')).toMatchObject({ source: 'y', type: 'circle' });
  });
});

describe("atlasSources (the sources of the map's first style)", () => {
  const square = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [5.7, 45.1],
        [5.8, 45.1],
        [5.8, 45.2],
        [5.7, 45.1]
      ]
    ]
  };
  // Only the fields the sources read are relevant here; the rest of each schema is not.
  const communes = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: square, properties: { code: '38185', nom: 'Grenoble' } }
    ]
  } as unknown as CommunesCollection;
  const qpv = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', geometry: square, properties: { code: 'QN03801M' } }]
  } as unknown as QpvCollection;
  const lines: TransitLinesCollection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [5.7, 45.1],
            [5.8, 45.2]
          ]
        },
        properties: {
          id: 'SEM_A',
          name: 'A',
          mode: 'tram',
          temporaryShuttle: false,
          color: '#3376B8',
          textColor: '#FFFFFF'
        }
      }
    ]
  };
  const stops: TransitStopsCollection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [5.72, 45.18] },
        properties: {
          id: 'SEM:GENCHAVANT',
          name: 'Chavant',
          lines: ['A', 'C1'],
          mode: 'tram',
          commune: '38185',
          outsideEpci: false,
          distanceToEpciM: 0
        }
      }
    ]
  };

  it('holds the communes only, when no context layer has its data yet', () => {
    expect(Object.keys(atlasSources({ communes }))).toEqual([SOURCE_IDS.communes]);
    expect(Object.keys(atlasSources({ communes, qpv: null, lines: null }))).toEqual([
      SOURCE_IDS.communes
    ]);
  });

  it('adds each context layer whose data is at hand, under the id its layers draw from', () => {
    const sources = atlasSources({ communes, qpv, lines, stops });
    expect(Object.keys(sources).sort()).toEqual(Object.values(SOURCE_IDS).sort());
    expect(sources[SOURCE_IDS.communes]).toMatchObject({ data: communes, promoteId: 'code' });
    expect(sources[SOURCE_IDS.qpv]).toMatchObject({ data: qpv, promoteId: 'code' });
    const style = {
      version: 8,
      sources,
      layers: [
        communesLayers(SOURCE_IDS.communes).fill,
        ...qpvLayers(SOURCE_IDS.qpv),
        ...transitLinesLayers(SOURCE_IDS.lines),
        transitStopsLayer(SOURCE_IDS.stops)
      ]
    };
    expect(validateStyleMin(style as never)).toEqual([]);
  });

  it('sends the worker only what the transit layers draw or key on', () => {
    const sources = atlasSources({ communes, lines, stops });
    const lineData = sources[SOURCE_IDS.lines]?.data as TransitLinesCollection;
    expect(lineData.features[0]?.properties).toEqual({ mode: 'tram', color: '#3376B8' });
    const stopSource = sources[SOURCE_IDS.stops];
    expect(stopSource?.promoteId).toBe('id');
    expect((stopSource?.data as TransitStopsCollection).features[0]?.properties).toEqual({
      id: 'SEM:GENCHAVANT',
      mode: 'tram'
    });
    // The page keeps the full data (the stop tooltip reads names and lines from it).
    expect(stops.features[0]?.properties.lines).toEqual(['A', 'C1']);
  });
});
