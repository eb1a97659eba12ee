/**
 * Cross-source plausibility checks of the build, each stopping the pipeline with a message that
 * names the file, the line or feature (with the commune, QPV, cell or stop identifier) and the field:
 * - coordinates outside the bounding box of the EPCI's département(s), the box being computed from
 *   the département's commune contours of the contour source (never typed by hand);
 * - an SRU rate outside 0–100 % for a member commune;
 * - more social dwellings (SRU LLS) than dwellings (INSEE census) in a commune.
 */
import type { Position } from 'geojson';
import type { InseeTable } from '../../src/lib/data/insee';
import { SourceFormatError } from '../../src/lib/data/errors';
import { implausibleSruRates, type SruTable } from '../../src/lib/data/sru';
import type { CommuneContourFeature } from '../../src/lib/schemas/sources/geo';

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

/** Département of an INSEE commune code: 3 characters overseas (971…), else 2 (38, 2A). */
export function departementOf(code: string): string {
  return code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
}

function* positions(coordinates: unknown): Generator<Position> {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === 'number') {
    yield coordinates as Position;
    return;
  }
  for (const c of coordinates) yield* positions(c);
}

/**
 * Bounding box of the départements of the members, from the contours of their communes in the
 * contour source. Throws when the source holds no commune of these départements.
 */
export function departementBbox(
  contours: readonly CommuneContourFeature[],
  memberCodes: readonly string[],
  file: string
): { bbox: Bbox; departements: string[] } {
  const departements = [...new Set(memberCodes.map(departementOf))].sort();
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const c of contours) {
    if (!departements.includes(departementOf(c.properties.code))) continue;
    for (const [x = NaN, y = NaN] of positions(c.geometry.coordinates)) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  }
  if (!Number.isFinite(box[0])) {
    throw new SourceFormatError(
      file,
      `aucun contour de commune ${ofDepartements(departements)} : l’emprise qui sert à vérifier les coordonnées ne peut pas être calculée`,
      { field: 'properties.code' }
    );
  }
  return { bbox: box, departements };
}

const fmt = (b: Bbox) => `[${b.map((v) => v.toFixed(4)).join(', ')}]`;

/** « du département 38 », « des départements 38, 73 ». */
const ofDepartements = (d: readonly string[]) =>
  d.length === 1 ? `du département ${d[0]}` : `des départements ${d.join(', ')}`;

function outside(bbox: Bbox, [x = NaN, y = NaN]: Position): boolean {
  return !(x >= bbox[0] && x <= bbox[2] && y >= bbox[1] && y <= bbox[3]);
}

/**
 * Every position of every feature must lie in the département box (features are the source's, in
 * file order, so the index is the feature index of the file).
 */
export function assertFeaturesInBbox(
  features: readonly { properties: unknown; geometry: { coordinates: unknown } }[],
  options: { file: string; bbox: Bbox; departements: string[]; idProperty?: string }
): void {
  const { file, bbox, departements, idProperty } = options;
  features.forEach((f, i) => {
    for (const p of positions(f.geometry.coordinates)) {
      if (!outside(bbox, p)) continue;
      const id =
        idProperty !== undefined
          ? (f.properties as Record<string, unknown> | null)?.[idProperty]
          : undefined;
      throw new SourceFormatError(
        file,
        `coordonnée [${p.join(', ')}] hors de l’emprise ${ofDepartements(departements)} ${fmt(bbox)} (calculée d’après les contours des communes)`,
        {
          feature: i,
          field: 'geometry.coordinates',
          ...(typeof id === 'string' ? { id } : {})
        }
      );
    }
  });
}

/** Stops of a CSV (lon/lat columns): line = index + 2, the header being line 1. */
export function assertStopsInBbox(
  stops: readonly { stop_id: string; lon: number; lat: number }[],
  options: { file: string; bbox: Bbox; departements: string[] }
): void {
  const { file, bbox, departements } = options;
  stops.forEach((s, i) => {
    if (!outside(bbox, [s.lon, s.lat])) return;
    const field = s.lon < bbox[0] || s.lon > bbox[2] ? 'lon' : 'lat';
    throw new SourceFormatError(
      file,
      `arrêt en [${s.lon}, ${s.lat}] hors de l’emprise ${ofDepartements(departements)} ${fmt(bbox)} (calculée d’après les contours des communes) ; longitude et latitude inversées ?`,
      { line: i + 2, id: s.stop_id, field }
    );
  });
}

/**
 * A commune cannot have more social dwellings (SRU inventory) than dwellings (INSEE census):
 * one of the two files is wrong. The message names both places.
 */
export function assertLlsWithinDwellings(
  sru: { table: SruTable; file: string },
  insee: { table: InseeTable; file: string },
  memberCodes: readonly string[]
): void {
  const members = new Set(memberCodes);
  const dwellings = new Map(insee.table.rows.map((r) => [r.code, r]));
  for (const row of sru.table.rows) {
    if (!members.has(row.code) || row.lls === null) continue;
    const census = dwellings.get(row.code);
    const logements = census?.logements;
    if (census === undefined || typeof logements !== 'number' || row.lls <= logements) continue;
    throw new SourceFormatError(
      sru.file,
      `${row.lls} logements sociaux (LLS) mais seulement ${logements} logements au recensement (${insee.file}, ligne ${census.line}, champ « ${insee.table.columns.logements} ») : l’un des deux fichiers est faux`,
      { line: row.line, id: row.code, field: sru.table.columns.lls ?? 'lls' }
    );
  }
}

/**
 * SRU rates outside 0–100 %: an error when the row is a member's (its figure would be shown),
 * a warning for the report otherwise (the national file has a few such rows elsewhere).
 */
export function checkSruRates(
  table: SruTable,
  file: string,
  memberCodes: readonly string[]
): string[] {
  const members = new Set(memberCodes);
  const warnings: string[] = [];
  for (const { code, error } of implausibleSruRates(table, file)) {
    if (members.has(code)) throw error;
    warnings.push(
      `ligne ${error.line} (${code}), champ « ${error.field} » : ${error.detail}, commune non membre`
    );
  }
  return warnings;
}
