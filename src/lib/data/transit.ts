/**
 * Parsers of the raw M réso transit sources: text in, validated rows out. Errors name the file, the
 * line (or feature) and the field, in French, for the person running the pipeline.
 */
import Papa from 'papaparse';
import { z } from '../schemas/zod';
import { csvParseErrorText } from './csv';
import { jsonSyntaxDetail } from './json-error';
import {
  TRANSIT_ROUTE_COLUMNS,
  TRANSIT_STOP_COLUMNS,
  transitLineFeatureSchema,
  transitLinesSourceSchema,
  transitModeRulesSchema,
  transitRouteRowSchema,
  transitStopRowSchema,
  type TransitLineFeature,
  type TransitModeRules,
  type TransitRouteRow,
  type TransitStopRow
} from '../schemas/sources/transit';

/** Error raised on malformed source data; the message says where and what. */
export class SourceFormatError extends Error {
  override name = 'SourceFormatError';
}

function issueText(issues: readonly z.core.$ZodIssue[]): string {
  const first = issues[0];
  if (!first) return 'valeur invalide';
  const field = first.path.map(String).join('.');
  return field ? `champ ${field} : ${first.message}` : first.message;
}

/**
 * Parses a comma-separated CSV with a header line and validates each row.
 * Line numbers count the header as line 1 (the mirrored files have no multi-line cells).
 */
function parseCsv<S extends z.ZodType>(
  text: string,
  file: string,
  columns: readonly string[],
  rowSchema: S
): z.output<S>[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    delimiter: ',',
    dynamicTyping: false,
    skipEmptyLines: true
  });
  const fields = parsed.meta.fields ?? [];
  const missing = columns.filter((c) => !fields.includes(c));
  if (missing.length > 0) {
    throw new SourceFormatError(
      `${file}, ligne 1 : colonne${missing.length > 1 ? 's' : ''} manquante${missing.length > 1 ? 's' : ''} ${missing.map((c) => `« ${c} »`).join(', ')}`
    );
  }
  const fatal = parsed.errors.find((e) => e.type !== 'Delimiter');
  if (fatal) {
    const line = fatal.row === undefined ? '' : `, ligne ${fatal.row + 2}`;
    throw new SourceFormatError(`${file}${line} : CSV illisible (${csvParseErrorText(fatal)})`);
  }
  if (parsed.data.length === 0) {
    // A header alone would give every territory 0 % coverage: an empty source is an error.
    throw new SourceFormatError(
      `${file}, ligne 2 : aucune ligne de données après l’en-tête (source vide ou tronquée)`
    );
  }
  return parsed.data.map((raw, i) => {
    const merged = Object.entries(raw).find(([, v]) => typeof v === 'string' && v.includes('\n'));
    if (merged) {
      throw new SourceFormatError(
        `${file}, ligne ${i + 2}, champ ${merged[0]} : valeur entre guillemets sur plusieurs lignes (guillemet non fermé, lignes suivantes fusionnées)`
      );
    }
    const res = rowSchema.safeParse(raw);
    if (!res.success) {
      throw new SourceFormatError(`${file}, ligne ${i + 2}, ${issueText(res.error.issues)}`);
    }
    return res.data;
  });
}

/** Throws on the second row with the same id (line = index + 2, the header being line 1). */
function assertUniqueIds(ids: readonly string[], file: string, field: string): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first !== undefined) {
      throw new SourceFormatError(
        `${file}, ligne ${i + 2}, champ ${field} : identifiant en double « ${id} » (déjà ligne ${first})`
      );
    }
    seen.set(id, i + 2);
  });
}

/** `sem_stops_with_lines.csv`: one row per GTFS stop, with the routes serving it. Stop ids are unique. */
export function parseTransitStopsCsv(text: string, file: string): TransitStopRow[] {
  const rows = parseCsv(text, file, TRANSIT_STOP_COLUMNS, transitStopRowSchema);
  assertUniqueIds(
    rows.map((r) => r.stop_id),
    file,
    'stop_id'
  );
  return rows;
}

/** `sem_routes.csv`: one row per GTFS route. Route ids must be unique. */
export function parseTransitRoutesCsv(text: string, file: string): TransitRouteRow[] {
  const rows = parseCsv(text, file, TRANSIT_ROUTE_COLUMNS, transitRouteRowSchema);
  assertUniqueIds(
    rows.map((r) => r.route_id),
    file,
    'route_id'
  );
  return rows;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    // The feature being written where the text breaks (a cut download), and the place in French.
    const features = text.match(/"type"\s*:\s*"Feature"/g)?.length ?? 0;
    const feature = features > 0 ? `, entité ${features}` : '';
    throw new SourceFormatError(`${file}${feature} : ${jsonSyntaxDetail(text, e)}`);
  }
}

/** `lignes_tag_sem.geojson`: line geometries; each feature is checked and named in errors. */
export function parseTransitLinesGeojson(text: string, file: string): TransitLineFeature[] {
  const collection = transitLinesSourceSchema.safeParse(parseJson(text, file));
  if (!collection.success) {
    throw new SourceFormatError(
      `${file} : FeatureCollection attendue, ${issueText(collection.error.issues)}`
    );
  }
  if (collection.data.features.length === 0) {
    throw new SourceFormatError(
      `${file}, champ features : aucune entité (source vide ou tronquée)`
    );
  }
  const seen = new Map<string, number>();
  return collection.data.features.map((raw, i) => {
    const res = transitLineFeatureSchema.safeParse(raw);
    if (!res.success) {
      const code = (raw as { properties?: { CODE?: unknown } } | null)?.properties?.CODE;
      const name = typeof code === 'string' ? ` (${code})` : '';
      throw new SourceFormatError(
        `${file}, entité ${i + 1}${name}, ${issueText(res.error.issues)}`
      );
    }
    const code = res.data.properties.CODE;
    const first = seen.get(code);
    if (first !== undefined) {
      throw new SourceFormatError(
        `${file}, entité ${i + 1} (${code}), champ properties.CODE : ligne en double (déjà entité ${first})`
      );
    }
    seen.set(code, i + 1);
    return res.data;
  });
}

/** `data/parameters/transit-modes.json`. */
export function parseTransitModeRules(text: string, file: string): TransitModeRules {
  const res = transitModeRulesSchema.safeParse(parseJson(text, file));
  if (!res.success) throw new SourceFormatError(`${file}, ${issueText(res.error.issues)}`);
  return res.data;
}
