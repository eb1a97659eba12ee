/**
 * Build-time list of the territories to prerender (`entries()` of the sheet routes): read from the
 * generated `static/data/indicators.json`, so every commune and every QPV gets its page even if no
 * link points to it. Node only (called while prerendering).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseJson, validateData } from '../../data/app-data';
import { indicatorsFileSchema, type IndicatorsFile } from '../../schemas/indicators';

const FILE = 'static/data/indicators.json';

export function readIndicatorsAtBuild(): IndicatorsFile {
  let text: string;
  try {
    text = readFileSync(resolve(FILE), 'utf8');
  } catch {
    throw new Error(`Fichier ${FILE} introuvable : lancez \`npm run data\` avant la construction`);
  }
  return validateData(FILE, indicatorsFileSchema, parseJson(FILE, text));
}
