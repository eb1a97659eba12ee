/**
 * Parsers of the raw M réso transit sources: text in, validated rows out. Errors name the file, the
 * line (or feature) and the field, in French, for the person running the pipeline.
 */
import Papa from 'papaparse';
import { z } from 'zod';
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
    throw new SourceFormatError(`${file}${line} : CSV illisible (${fatal.message})`);
  }
  return parsed.data.map((raw, i) => {
    const res = rowSchema.safeParse(raw);
    if (!res.success) {
      throw new SourceFormatError(`${file}, ligne ${i + 2}, ${issueText(res.error.issues)}`);
    }
    return res.data;
  });
}

/** `sem_stops_with_lines.csv`: one row per GTFS stop, with the routes serving it. */
export function parseTransitStopsCsv(text: string, file: string): TransitStopRow[] {
  return parseCsv(text, file, TRANSIT_STOP_COLUMNS, transitStopRowSchema);
}

/** `sem_routes.csv`: one row per GTFS route. Route ids must be unique. */
export function parseTransitRoutesCsv(text: string, file: string): TransitRouteRow[] {
  const rows = parseCsv(text, file, TRANSIT_ROUTE_COLUMNS, transitRouteRowSchema);
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (seen.has(row.route_id)) {
      throw new SourceFormatError(
        `${file}, ligne ${i + 2}, champ route_id : identifiant en double « ${row.route_id} »`
      );
    }
    seen.add(row.route_id);
  });
  return rows;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SourceFormatError(
      `${file} : JSON invalide ou tronqué (${e instanceof Error ? e.message : String(e)})`
    );
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
  return collection.data.features.map((raw, i) => {
    const res = transitLineFeatureSchema.safeParse(raw);
    if (!res.success) {
      const code = (raw as { properties?: { CODE?: unknown } } | null)?.properties?.CODE;
      const name = typeof code === 'string' ? ` (${code})` : '';
      throw new SourceFormatError(
        `${file}, entité ${i + 1}${name}, ${issueText(res.error.issues)}`
      );
    }
    return res.data;
  });
}

/** `data/parameters/transit-modes.json`. */
export function parseTransitModeRules(text: string, file: string): TransitModeRules {
  const res = transitModeRulesSchema.safeParse(parseJson(text, file));
  if (!res.success) throw new SourceFormatError(`${file}, ${issueText(res.error.issues)}`);
  return res.data;
}
