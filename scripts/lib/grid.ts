/** Filosofi 1 km cells intersecting the EPCI outline. */
import { bbox, booleanIntersects } from '@turf/turf';
import type { Feature } from 'geojson';
import type { GridCellFeature } from '../../src/lib/schemas/sources/geo';
import type { PopulationGrid } from '../../src/lib/schemas/outputs';
import { roundGeometry, type AreaGeometry } from './geometry';

export function buildGrid(input: {
  cells: readonly GridCellFeature[];
  outline: AreaGeometry;
}): PopulationGrid {
  const outline: Feature<AreaGeometry> = {
    type: 'Feature',
    properties: {},
    geometry: input.outline
  };
  const [minX, minY, maxX, maxY] = bbox(outline);
  const features: PopulationGrid['features'] = [];
  for (const cell of input.cells) {
    const [cx0, cy0, cx1, cy1] = bbox(cell);
    // Cheap bbox rejection before the exact test.
    if (cx1 < minX || cx0 > maxX || cy1 < minY || cy0 > maxY) continue;
    if (!booleanIntersects(cell, outline)) continue;
    const geometry = roundGeometry(cell.geometry, 6);
    if (!geometry) continue;
    const p = cell.properties;
    features.push({
      type: 'Feature',
      properties: {
        id: p.idcar_1km,
        population: p.ind,
        households: p.men,
        poorHouseholds: p.men_pauv,
        ownerHouseholds: p.men_prop,
        collectiveHouseholds: p.men_coll,
        houseHouseholds: p.men_mais,
        singleParentHouseholds: p.men_fmp,
        largeHouseholds: p.men_5ind
      },
      geometry
    });
  }
  return { type: 'FeatureCollection', features };
}
