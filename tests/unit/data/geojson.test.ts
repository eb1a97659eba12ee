import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeatureCollection } from '../../../src/lib/data/geojson';
import {
  communeContourFeatureSchema,
  gridCellFeatureSchema,
  qpv2015FeatureSchema
} from '../../../src/lib/schemas/sources/geo';

const MIRROR = join(import.meta.dirname, '../../fixtures/sources/mirror');
const contours = readFileSync(
  join(MIRROR, 'geo/communes-38-isere-adminexpress-cog2018.geojson'),
  'utf8'
);

describe('parseFeatureCollection', () => {
  it('validates the contour fixture', () => {
    const features = parseFeatureCollection(contours, 'c.geojson', communeContourFeatureSchema);
    expect(features.map((f) => f.properties.code)).toEqual(['30003', '30133', '30276', '30189']);
  });

  it('reports a truncated file as invalid JSON, naming the file', () => {
    expect(() =>
      parseFeatureCollection(contours.slice(0, 200), 'c.geojson', communeContourFeatureSchema)
    ).toThrow(/^c\.geojson, ligne 1, entité 0 : JSON invalide .*\(fichier tronqué \?\)$/);
  });

  it('names the feature and the field of an invalid property', () => {
    const bad = contours.replace('"code":"30133"', '"code":30133');
    expect(() => parseFeatureCollection(bad, 'c.geojson', communeContourFeatureSchema)).toThrow(
      /^c\.geojson, entité 1, champ « properties\.code » : /
    );
  });

  it('names the feature of a broken geometry', () => {
    const bad = contours.replace('"type":"Polygon"', '"type":"Polygone"');
    expect(() => parseFeatureCollection(bad, 'c.geojson', communeContourFeatureSchema)).toThrow(
      /^c\.geojson, entité 0, champ « geometry/
    );
  });

  it('rejects JSON that is not a FeatureCollection', () => {
    expect(() => parseFeatureCollection('[]', 'c.geojson', communeContourFeatureSchema)).toThrow(
      'c.geojson, champ « type » : FeatureCollection GeoJSON attendue'
    );
  });

  it('validates the QPV and grid fixtures', () => {
    const qpv = readFileSync(join(MIRROR, 'geo/qpv-2015-isere.geojson'), 'utf8');
    expect(parseFeatureCollection(qpv, 'q', qpv2015FeatureSchema)).toHaveLength(2);
    const grid = readFileSync(
      join(MIRROR, 'indicators/population_grid/filosofi2019_grid1km_men_metropole.geojson'),
      'utf8'
    );
    expect(parseFeatureCollection(grid, 'g', gridCellFeatureSchema)[0]?.properties).toEqual({
      idcar_1km: 'CRS3035RES1000mN1000000E1000000',
      ind: 120.5,
      men: 50,
      men_pauv: 5.5,
      men_prop: 30,
      men_coll: 35,
      men_mais: 15,
      men_fmp: 4,
      men_5ind: 3.2
    });
  });
});
