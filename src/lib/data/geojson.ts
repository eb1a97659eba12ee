/**
 * GeoJSON reading: JSON syntax errors (typically a truncated download) and invalid features are
 * reported with the file, the feature index and the property or geometry field at fault.
 */
import type { z } from 'zod';
import { SourceFormatError } from './errors';

/**
 * Parse a FeatureCollection and validate each feature with `featureSchema`.
 * Returns the validated features in file order.
 */
export function parseFeatureCollection<S extends z.ZodType>(
  text: string,
  file: string,
  featureSchema: S
): z.infer<S>[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new SourceFormatError(file, `invalid JSON, the file may be truncated (${reason})`);
  }
  if (
    typeof json !== 'object' ||
    json === null ||
    (json as { type?: unknown }).type !== 'FeatureCollection' ||
    !Array.isArray((json as { features?: unknown }).features)
  ) {
    throw new SourceFormatError(file, 'not a GeoJSON FeatureCollection', { field: 'type' });
  }
  const features = (json as { features: unknown[] }).features;
  return features.map((feature, i) => {
    const result = featureSchema.safeParse(feature);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new SourceFormatError(file, issue?.message ?? 'invalid feature', {
        feature: i,
        field: (issue?.path ?? []).join('.')
      });
    }
    return result.data;
  });
}
