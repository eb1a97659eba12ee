/**
 * Paths of the generated files, apart from their loaders (`app-data.ts`, with the schemas) so a
 * page can name a file to preload without downloading the loaders.
 */

/** Paths of the generated files, relative to the site root. */
export const DATA_FILES = {
  communes: '/geo/communes.geojson',
  epci: '/geo/epci.geojson',
  qpv: '/geo/qpv.geojson',
  transitLines: '/geo/transit-lines.geojson',
  transitStops: '/geo/transit-stops.geojson',
  populationGrid: '/geo/population-grid.geojson',
  sru: '/data/sru.json',
  insee: '/data/insee.json',
  meta: '/data/meta.json',
  indicators: '/data/indicators.json',
  svgOverview: '/geo/svg-overview.json',
  svgTransit: '/geo/svg-transit.json',
  cms: '/data/cms.json'
} as const;
export type DataFileKey = keyof typeof DATA_FILES;
