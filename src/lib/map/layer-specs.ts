/**
 * The MapLibre layers of each thematic layer, as pure specifications: the layer components add
 * them (and then only update states and paint properties), and the web bench draws the very same
 * layers on a bare MapLibre page to measure what MapLibre alone costs. Type-only MapLibre import.
 */
import type { GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type {
  CommunesCollection,
  QpvCollection,
  TransitLinesCollection,
  TransitStopsCollection
} from '../schemas/outputs';
import { outlineColor, outlineWidth, qpvLineWidth } from './expressions';
import { pickProperties } from './geometry';
import { QPV_COLOR, STOP_COLORS } from './layer-colors';

/** Fill of the communes before any indicator is chosen (and in the neutral view). */
export const COMMUNES_NEUTRAL = '#dfe3dc';

export const LAYER_IDS = {
  communesFill: 'communes-fill',
  communesLine: 'communes-line',
  qpvFill: 'qpv-fill',
  qpvLine: 'qpv-line',
  linesCasing: 'transit-lines-casing',
  lines: 'transit-lines',
  stops: 'transit-stops'
} as const;

/** The source of each thematic layer (one GeoJSON source each). */
export const SOURCE_IDS = {
  communes: 'communes',
  qpv: 'qpv',
  lines: 'transit-lines',
  stops: 'transit-stops'
} as const;

/** Communes, keyed by INSEE code (`promoteId`): colours and states are joined by feature-state. */
export function communesSource(communes: CommunesCollection): GeoJSONSourceSpecification {
  return { type: 'geojson', data: communes, promoteId: 'code' };
}

/** QPV perimeters, keyed by code. */
export function qpvSource(qpv: QpvCollection): GeoJSONSourceSpecification {
  return { type: 'geojson', data: qpv, promoteId: 'code' };
}

/**
 * Transit lines with only what is drawn (mode, colour): MapLibre clones the whole object into
 * its worker and indexes every property.
 */
export function transitLinesSource(lines: TransitLinesCollection): GeoJSONSourceSpecification {
  return { type: 'geojson', data: pickProperties(lines, ['mode', 'color']) as never };
}

/**
 * Transit stops with their mode (drawn) and id (`promoteId`, the tooltip's key); their names
 * and line lists stay on the page, where the tooltip reads them.
 */
export function transitStopsSource(stops: TransitStopsCollection): GeoJSONSourceSpecification {
  return { type: 'geojson', data: pickProperties(stops, ['id', 'mode']) as never, promoteId: 'id' };
}

/**
 * The sources for the data at hand, by id: the map's first style carries them, so that
 * MapLibre's worker indexes them while the map starts (GL context, first frame), not after.
 */
export function atlasSources(data: {
  communes: CommunesCollection;
  qpv?: QpvCollection | null;
  lines?: TransitLinesCollection | null;
  stops?: TransitStopsCollection | null;
}): Record<string, GeoJSONSourceSpecification> {
  return {
    [SOURCE_IDS.communes]: communesSource(data.communes),
    ...(data.qpv ? { [SOURCE_IDS.qpv]: qpvSource(data.qpv) } : {}),
    ...(data.lines ? { [SOURCE_IDS.lines]: transitLinesSource(data.lines) } : {}),
    ...(data.stops ? { [SOURCE_IDS.stops]: transitStopsSource(data.stops) } : {})
  };
}

/** Communes: the fill (coloured later through feature-state) and the outline. */
export function communesLayers(source: string): {
  fill: LayerSpecification;
  line: LayerSpecification;
} {
  return {
    fill: {
      id: LAYER_IDS.communesFill,
      type: 'fill',
      source,
      paint: { 'fill-color': COMMUNES_NEUTRAL, 'fill-opacity': 0.85 }
    },
    line: {
      id: LAYER_IDS.communesLine,
      type: 'line',
      source,
      paint: { 'line-color': outlineColor() as never, 'line-width': outlineWidth() as never }
    }
  };
}

/** QPV perimeters: a light fill and an outline, dashed for the 2015 generation. */
export function qpvLayers(source: string): LayerSpecification[] {
  return [
    {
      id: LAYER_IDS.qpvFill,
      type: 'fill',
      source,
      paint: { 'fill-color': QPV_COLOR, 'fill-opacity': 0.18 }
    },
    {
      id: LAYER_IDS.qpvLine,
      type: 'line',
      source,
      paint: {
        'line-color': QPV_COLOR,
        'line-width': qpvLineWidth(null) as never,
        // 2015 perimeters are only an approximation of the 2024 ones: dashed.
        'line-dasharray': [
          'case',
          ['==', ['get', 'generation'], '2015'],
          ['literal', [2, 1]],
          ['literal', [1, 0]]
        ]
      }
    }
  ];
}

const byMode = (tram: number, chrono: number, bus: number) =>
  ['match', ['get', 'mode'], 'tram', tram, 'chrono', chrono, bus] as const;

/** Transit lines in their network colours over a white casing; trams thickest. */
export function transitLinesLayers(source: string): LayerSpecification[] {
  return [
    {
      // A white casing keeps coloured lines readable over any choropleth class.
      id: LAYER_IDS.linesCasing,
      type: 'line',
      source,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': '#ffffff',
        'line-width': byMode(4.5, 3, 2) as never,
        'line-opacity': 0.9
      }
    },
    {
      id: LAYER_IDS.lines,
      type: 'line',
      source,
      layout: {
        'line-join': 'round',
        'line-cap': 'round',
        'line-sort-key': byMode(3, 2, 1) as never
      },
      paint: { 'line-color': ['get', 'color'], 'line-width': byMode(3, 1.8, 0.9) as never }
    }
  ];
}

/** Transit stops, coloured and sized by the best mode serving them. */
export function transitStopsLayer(source: string): LayerSpecification {
  return {
    id: LAYER_IDS.stops,
    type: 'circle',
    source,
    paint: {
      'circle-color': [
        'match',
        ['get', 'mode'],
        'tram',
        STOP_COLORS.tram,
        'chrono',
        STOP_COLORS.chrono,
        STOP_COLORS.bus
      ],
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        9,
        ['match', ['get', 'mode'], 'tram', 2.2, 1.2],
        14,
        ['match', ['get', 'mode'], 'tram', 6, 4]
      ],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 0.8
    }
  };
}
