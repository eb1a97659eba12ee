/**
 * Loaders of the generated files (`npm run data` writes them under `static/`), shared by every
 * route: each file with its contract. I/O only; the loading itself is `load-file.ts`. A page that
 * needs one file in the browser imports `loadFile` and that file's schema instead of this
 * registry, which builds every schema.
 */
import type { z } from 'zod';
import sourcesJson from '../../../data/sources.json';
import {
  buildMetaSchema,
  communesCollectionSchema,
  epciCollectionSchema,
  inseeFileSchema,
  populationGridSchema,
  qpvCollectionSchema,
  sruFileSchema,
  transitLinesCollectionSchema,
  transitStopsCollectionSchema
} from '../schemas/outputs';
import { cmsFileSchema } from '../schemas/cms';
import { indicatorsFileSchema } from '../schemas/indicators';
import { svgOverviewSchema, svgTransitSchema } from '../schemas/svg-map';
import { sourcesManifestSchema, type SourcesManifest } from '../schemas/sources-manifest';
import { loadFile, validateData } from './load-file';

export { AppDataError } from './app-data-error';
export { DATA_FILES, type DataFileKey } from './data-files';
export {
  fetchText,
  formatIssuePath,
  loadFile,
  parseJson,
  settle,
  validateData,
  type Loaded
} from './load-file';

const SCHEMAS = {
  communes: communesCollectionSchema,
  epci: epciCollectionSchema,
  qpv: qpvCollectionSchema,
  transitLines: transitLinesCollectionSchema,
  transitStops: transitStopsCollectionSchema,
  populationGrid: populationGridSchema,
  sru: sruFileSchema,
  insee: inseeFileSchema,
  meta: buildMetaSchema,
  indicators: indicatorsFileSchema,
  svgOverview: svgOverviewSchema,
  svgTransit: svgTransitSchema,
  cms: cmsFileSchema
} as const;
export type JsonFileKey = keyof typeof SCHEMAS;
export type AppData<K extends JsonFileKey> = z.infer<(typeof SCHEMAS)[K]>;

/**
 * Loads one generated JSON/GeoJSON file and validates it against its contract.
 * @param fetchFn SvelteKit's `fetch` in a `load`, or the global `fetch` in a component.
 * @param base the app's base path (`$app/paths` `base`), '' at the root.
 */
export function loadData<K extends JsonFileKey>(
  fetchFn: typeof globalThis.fetch,
  key: K,
  base = ''
): Promise<AppData<K>> {
  return loadFile(fetchFn, key, SCHEMAS[key], base) as Promise<AppData<K>>;
}

/** The sources manifest, bundled with the app (it is small and every page cites it). */
export function loadSources(raw: unknown = sourcesJson): SourcesManifest {
  return validateData('data/sources.json', sourcesManifestSchema, raw);
}
