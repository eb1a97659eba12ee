/**
 * Build-time check of the workshop base `data/workshop/propositions.csv`: the browser loads it row
 * by row and shows the rows it rejects, but a rejected or merged row must never ship. `npm run data`
 * and `npm run build` (through ensure-data) stop on any error, listing every line at fault.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SourceFormatError } from '../../src/lib/data/errors';
import { assertEncoding } from '../../src/lib/data/text-checks';
import { parseWorkshopCsv, WORKSHOP_ROW_START } from '../../src/lib/data/workshop';

export const WORKSHOP_PATH = 'data/workshop/propositions.csv';
/** The file is about 60 kB for 215 items: 2 MB leaves room for thirty times more. */
export const WORKSHOP_MAX_BYTES = 2 * 1024 * 1024;
/** Errors listed in the message (all are counted). */
const SHOWN = 25;

/**
 * Validates the workshop CSV at `rootDir/WORKSHOP_PATH`; returns the number of items, throws an
 * error naming the file and every line at fault otherwise.
 */
export function checkWorkshopCsv(rootDir: string, relativePath = WORKSHOP_PATH): number {
  const path = join(rootDir, relativePath);
  const size = statSync(path).size;
  if (size > WORKSHOP_MAX_BYTES) {
    throw new SourceFormatError(
      relativePath,
      `fichier de ${size} octets, au-delà du plafond de ${WORKSHOP_MAX_BYTES} octets de la base de l’atelier : non lu`
    );
  }
  const text = new TextDecoder('utf-8').decode(readFileSync(path));
  assertEncoding(text, { file: relativePath, encoding: 'utf-8', format: 'csv' });
  const { items, errors } = parseWorkshopCsv(text, relativePath);
  // Every physical line that starts with an item id must have become exactly one item.
  const rowLines = text.split('\n').filter((l) => WORKSHOP_ROW_START.test(l)).length;
  const problems = errors.map((e) => e.message);
  if (problems.length === 0 && items.length !== rowLines) {
    problems.push(
      `${relativePath} : ${rowLines} lignes commencent par un identifiant d’élément mais ${items.length} éléments ont été lus`
    );
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, SHOWN).map((m) => `  ${m}`);
    if (problems.length > SHOWN) shown.push(`  … et ${problems.length - SHOWN} de plus`);
    throw new Error(
      `${relativePath} : ${problems.length} problème(s) ; la base de l’atelier perdrait ou fusionnerait des éléments, corrigez ces lignes :\n${shown.join('\n')}`
    );
  }
  return items.length;
}
