/**
 * Error raised when a source file is missing, truncated or malformed. The message, in French for
 * the person running the pipeline, always names the file, then the line (CSV, 1-based, header =
 * line 1) or feature (GeoJSON, 0-based index) with the identifier of the commune, QPV or stop when
 * known, then the field, so a broken download can be located without a debugger:
 * « communes.csv, ligne 12 (38185), champ « lls » : … », « c.geojson, entité 3 (38185), … ».
 */
export class SourceFormatError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly feature: number | null;
  readonly field: string | null;
  /** Identifier of the row or feature at fault (INSEE code, QPV code, stop id), when known. */
  readonly id: string | null;
  /** The message without its location prefix. */
  readonly detail: string;

  constructor(
    file: string,
    detail: string,
    where: { line?: number; feature?: number; field?: string; id?: string } = {}
  ) {
    const parts = [file];
    const id = where.id !== undefined ? ` (${where.id})` : '';
    if (where.line !== undefined)
      parts.push(`ligne ${where.line}${where.feature === undefined ? id : ''}`);
    if (where.feature !== undefined) parts.push(`entité ${where.feature}${id}`);
    if (where.line === undefined && where.feature === undefined && id !== '') parts.push(id.trim());
    if (where.field !== undefined) parts.push(`champ « ${where.field} »`);
    super(`${parts.join(', ')} : ${detail}`);
    this.name = 'SourceFormatError';
    this.file = file;
    this.line = where.line ?? null;
    this.feature = where.feature ?? null;
    this.field = where.field ?? null;
    this.id = where.id ?? null;
    this.detail = detail;
  }
}
