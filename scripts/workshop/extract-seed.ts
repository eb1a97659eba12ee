/**
 * Drafts `data/workshop/propositions.csv` from the workshop seed: the verbatim texts come from the
 * seed by program. Tags, condition and keywords are a planner's judgement, kept from the existing
 * CSV (matched by id); new rows get suggested keywords and no tags, for review.
 *
 * Usage: npx tsx scripts/workshop/extract-seed.ts [seed.txt] [out.csv]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { WORKSHOP_BASE_CSV_FIELDS, type WorkshopCsvField } from '../../src/lib/schemas/workshop';
import { parseSeed, type SeedItem } from './seed-parser';

const DEFAULT_SEED = '../shared/seed/000_67a36e20a96dd9a8.txt';
const DEFAULT_OUT = 'data/workshop/propositions.csv';

/** Topic keywords suggested from words of the text (a draft; the CSV is curated by hand). */
const KEYWORD_HINTS: [RegExp, string][] = [
  [/\bLLS\b|logements? (locatifs? )?sociaux|logement social|\bLS\b|habitat social/i, 'LLS'],
  [/\bBRS\b|bail réel solidaire/i, 'BRS'],
  [/\bOFS\b/, 'OFS'],
  [/\bPLAI\b/, 'PLAI'],
  [/foncier|terrain|tènement/i, 'foncier'],
  [/attribution|demandeur|contingent|quartile|mutation/i, 'attribution'],
  [/copropri/i, 'copropriété'],
  [/centre[ -]ancien|bâti ancien/i, 'centre ancien'],
  [/rénov|réhabilit|travaux|isol/i, 'rénovation'],
  [/image|représentation|stigmat|cliché|récit/i, 'image'],
  [/sécurité|insécurité|deal|violence|incivilit/i, 'sécurité'],
  [/financ|subvention|aides?\b|fiscal|prêt|APL/i, 'financement'],
  [/\bTC\b|transports?|desserte/i, 'transport'],
  [/services|équipements/i, 'services'],
  [/mixité|rééquilibr|ségrégation|peuplement/i, 'mixité'],
  [/communi|campagne/i, 'communication'],
  [/accompagn|aller-vers|aller vers/i, 'accompagnement'],
  [/PLUi|\bOAP\b|\bERS\b|\bSMS\b|\bPC\b|réglementaire/, 'urbanisme'],
  [/recours|acceptabilité/i, 'acceptabilité'],
  [/loyer/i, 'loyers'],
  [/vacan/i, 'vacance'],
  [/SRU/, 'SRU'],
  [/scolaire|éducation|étudiant/i, 'éducation'],
  [/formation|formé|qualifié|savoir-faire|artisan|entreprises/i, 'filière'],
  [/syndic/i, 'syndic'],
  [/vie collective|vivre ensemble|vie en commun/i, 'vie collective']
];

export function suggestKeywords(text: string): string[] {
  return KEYWORD_HINTS.filter(([re]) => re.test(text)).map(([, k]) => k);
}

/** `tag_note`: the curator's reason for the tags (why an item stays universal), kept as is. */
type CsvRow = Record<WorkshopCsvField, string> & { tag_note?: string };

function readCurated(path: string): Map<string, CsvRow> {
  const curated = new Map<string, CsvRow>();
  if (!existsSync(path)) return curated;
  const parsed = Papa.parse<CsvRow>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    delimiter: ';',
    dynamicTyping: false,
    skipEmptyLines: true
  });
  for (const row of parsed.data) curated.set(row.id, row);
  return curated;
}

export function toCsv(items: SeedItem[], curated: Map<string, CsvRow>): string {
  const rows: CsvRow[] = items.map((item) => {
    const previous = curated.get(item.id);
    if (previous && previous.text !== item.text) {
      console.warn(`${item.id}: text differs from the curated CSV, check its tags`);
    }
    return {
      id: item.id,
      theme: String(item.theme),
      theme_question: item.themeQuestion,
      tables: item.tables,
      column: item.column,
      kind: item.kind,
      order: String(item.order),
      parent_id: item.parentId ?? '',
      text: item.text,
      tags: previous?.tags ?? '',
      condition: previous?.condition ?? (item.kind === 'intro' ? '' : 'any'),
      keywords:
        previous?.keywords ?? (item.kind === 'intro' ? '' : suggestKeywords(item.text).join('|')),
      tag_note: previous?.tag_note ?? ''
    };
  });
  // BOM so that spreadsheet software opens the file as UTF-8.
  return (
    '\uFEFF' +
    Papa.unparse(rows, {
      columns: [...WORKSHOP_BASE_CSV_FIELDS],
      delimiter: ';',
      newline: '\n'
    }) +
    '\n'
  );
}

function main() {
  const [seedPath = DEFAULT_SEED, outPath = DEFAULT_OUT] = process.argv.slice(2);
  const items = parseSeed(readFileSync(seedPath, 'utf8'), seedPath);
  writeFileSync(outPath, toCsv(items, readCurated(outPath)));
  console.log(`${items.length} rows written to ${outPath}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
