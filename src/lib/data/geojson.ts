/**
 * GeoJSON reading: JSON syntax errors (typically a truncated download) and invalid features are
 * reported with the file, the feature index, its identifier (commune or QPV code) and the property
 * or geometry field at fault. Area geometries are also checked: rings closed, longitudes and
 * latitudes in range, no self-intersection, and no identifier twice.
 */
import { kinks } from '@turf/turf';
import type { Position } from 'geojson';
import type { z } from 'zod';
import { SourceFormatError } from './errors';
import { jsonSyntaxDetail, jsonSyntaxProblem } from './json-error';
import { lineAt } from './text-checks';

export interface FeatureCollectionOptions {
  /**
   * Property holding the feature's identifier (`code`, `CODE_QP`…): named in every message, and
   * each value must be unique (a second contour of the same commune would double its area).
   */
  idProperty?: string;
  /** Which features are tested for self-intersection (O(n²) per ring); default all. */
  checkKinks?: (properties: Record<string, unknown>) => boolean;
}

const FEATURE_START = /"type"\s*:\s*"Feature"/g;

/** Where a JSON text that does not parse stops: its last line, and the feature being written. */
function truncationPlace(text: string): { line: number; feature?: number } {
  const features = text.match(FEATURE_START)?.length ?? 0;
  const line = lineAt(text, Math.max(0, text.length - 1));
  return features > 0 ? { line, feature: features - 1 } : { line };
}

function idOf(raw: unknown, idProperty: string | undefined): string | undefined {
  if (idProperty === undefined) return undefined;
  const value = (raw as { properties?: Record<string, unknown> } | null)?.properties?.[idProperty];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** Polygons of an area geometry as coordinate arrays, with the path prefix of each. */
function polygonsOf(geometry: unknown): { path: string; rings: Position[][] }[] {
  const g = geometry as { type?: string; coordinates?: unknown };
  if (g.type === 'Polygon')
    return [{ path: 'geometry.coordinates', rings: g.coordinates as Position[][] }];
  if (g.type === 'MultiPolygon') {
    return (g.coordinates as Position[][][]).map((rings, i) => ({
      path: `geometry.coordinates[${i}]`,
      rings
    }));
  }
  return [];
}

/** First problem of a polygon's rings (unclosed, coordinate out of range), or null. */
function ringProblem(rings: Position[][]): { at: string; detail: string } | null {
  for (const [r, ring] of rings.entries()) {
    for (const [k, p] of ring.entries()) {
      const [lon = NaN, lat = NaN] = p;
      if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
        return {
          at: `[${r}][${k}]`,
          detail: `coordonnée [${lon}, ${lat}] hors limites (longitude −180…180, latitude −90…90)`
        };
      }
    }
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
      return {
        at: `[${r}]`,
        detail: `anneau non fermé : sa dernière position [${last?.join(', ')}] diffère de la première [${first?.join(', ')}]`
      };
    }
  }
  return null;
}

/**
 * Parse a FeatureCollection and validate each feature with `featureSchema`.
 * Returns the validated features in file order.
 */
export function parseFeatureCollection<S extends z.ZodType>(
  text: string,
  file: string,
  featureSchema: S,
  options: FeatureCollectionOptions = {}
): z.infer<S>[] {
  const { idProperty, checkKinks } = options;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // Where parsing stopped, in French (the engine's message is English).
    const detail = jsonSyntaxDetail(text, e);
    const { truncated, empty } = jsonSyntaxProblem(text, e);
    throw new SourceFormatError(
      file,
      truncated || empty ? detail : `${detail} (fichier peut-être tronqué)`,
      truncationPlace(text)
    );
  }
  if (
    typeof json !== 'object' ||
    json === null ||
    (json as { type?: unknown }).type !== 'FeatureCollection' ||
    !Array.isArray((json as { features?: unknown }).features)
  ) {
    throw new SourceFormatError(file, 'FeatureCollection GeoJSON attendue', { field: 'type' });
  }
  const features = (json as { features: unknown[] }).features;
  if (features.length === 0) {
    throw new SourceFormatError(file, 'aucune entité (source vide ou tronquée)', {
      field: 'features'
    });
  }
  const seen = new Map<string, number>();
  return features.map((feature, i) => {
    const id = idOf(feature, idProperty);
    const where = (field: string) => ({ feature: i, field, ...(id !== undefined ? { id } : {}) });
    const result = featureSchema.safeParse(feature);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new SourceFormatError(
        file,
        issue?.message ?? 'entité invalide',
        where((issue?.path ?? []).join('.'))
      );
    }
    const geometry = (feature as { geometry?: unknown }).geometry;
    const properties = ((feature as { properties?: unknown }).properties ?? {}) as Record<
      string,
      unknown
    >;
    for (const { path, rings } of polygonsOf(geometry)) {
      const problem = ringProblem(rings);
      if (problem) throw new SourceFormatError(file, problem.detail, where(`${path}${problem.at}`));
      if (checkKinks === undefined || checkKinks(properties)) {
        const found = kinks({
          type: 'Feature',
          properties: {},
          geometry: { type: 'Polygon', coordinates: rings }
        }).features;
        const at = found[0]?.geometry.coordinates;
        if (at) {
          throw new SourceFormatError(
            file,
            `polygone auto-sécant (${found.length} croisement(s), le premier en [${at.join(', ')}])`,
            where(path)
          );
        }
      }
    }
    if (id !== undefined && idProperty !== undefined) {
      const first = seen.get(id);
      if (first !== undefined) {
        throw new SourceFormatError(
          file,
          `identifiant en double « ${id} » (déjà entité ${first}) : le même territoire deux fois`,
          where(`properties.${idProperty}`)
        );
      }
      seen.set(id, i);
    }
    return result.data;
  });
}
