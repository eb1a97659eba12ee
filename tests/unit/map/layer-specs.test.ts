import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import {
  communesLayers,
  LAYER_IDS,
  qpvLayers,
  transitLinesLayers,
  transitStopsLayer
} from '../../../src/lib/map/layer-specs';

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
