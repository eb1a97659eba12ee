/**
 * The room's contributions as a CSV of the workshop base's own format (the columns of
 * `data/workshop/propositions.csv`, UTF-8 with BOM, `;`, quotes only when needed), plus `source`
 * (« réunion du 12/03/2026, Claix ») and `territoire` (the code of the territory discussed), so
 * planners can merge the rows into the base (the base loader ignores extra columns). The import
 * runs the workshop loader itself (`parseWorkshopCsv`), then checks the two extra columns.
 */
import Papa from 'papaparse';
import { inseeCodeSchema } from '../schemas/common';
import type { Contribution, ImportedContribution, Meeting } from '../schemas/contributions';
import {
  WORKSHOP_BASE_CSV_FIELDS,
  WORKSHOP_COLUMN_CODES,
  type WorkshopColumn,
  type WorkshopItem,
  type WorkshopRowError
} from '../schemas/workshop';
import { parseWorkshopCsv } from './workshop';

export const MEETING_CSV_FIELDS = [...WORKSHOP_BASE_CSV_FIELDS, 'source', 'territoire'] as const;

const QPV_CODE = /^Q[PN]\d{6}[A-Z]?$|^Q[PN]\d{5}[A-Z]$/;
const SOURCE = /^réunion du (\d{2})\/(\d{2})\/(\d{4}), (.+)$/;

import { meetingSource } from '../format/meeting';

export { meetingSource };

/** A meeting that cannot be exported; French message. */
export class MeetingExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MeetingExportError';
  }
}

/**
 * The CSV of `contributions`, numbered after the base: ids and orders continue each theme and
 * column of `base` (T1-PB-25 after T1-PB-24), so the rows can be appended to the base as they are.
 * Each row is a bullet tagged `tous` (to be re-tagged by the planners; `territoire` says where it
 * was said). Throws `MeetingExportError` without date or place, or past 99 bullets in a column.
 */
export function exportContributionsCsv(
  contributions: readonly Contribution[],
  meeting: Meeting,
  base: readonly WorkshopItem[]
): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(meeting.date) || meeting.lieu.trim() === '')
    throw new MeetingExportError(
      "Indiquez la date et le lieu de la réunion avant d'exporter : ils forment la colonne « source »."
    );
  const source = meetingSource(meeting);
  const next = new Map<string, { n: number; order: number }>();
  const themeInfo = new Map<number, { question: string; tables: string }>();
  for (const item of base) {
    if (!themeInfo.has(item.theme))
      themeInfo.set(item.theme, { question: item.themeQuestion, tables: item.tables });
    const key = `${item.theme}|${item.column}`;
    const num = /^T\d-[A-Z]{2}-(\d+)/.exec(item.id);
    const cur = next.get(key) ?? { n: 0, order: 0 };
    next.set(key, {
      n: Math.max(cur.n, num ? Number(num[1]) : 0),
      order: Math.max(cur.order, item.order)
    });
  }
  const rows = contributions.map((c) => {
    const key = `${c.theme}|${c.column}`;
    const cur = next.get(key) ?? { n: 0, order: 0 };
    const n = cur.n + 1;
    if (n > 99)
      throw new MeetingExportError(
        `Plus de 99 puces dans le thème ${c.theme}, colonne ${c.column} : exportez en plusieurs fois.`
      );
    next.set(key, { n, order: cur.order + 1 });
    const info = themeInfo.get(c.theme);
    if (!info) throw new MeetingExportError(`Thème ${c.theme} absent de la base de l'atelier.`);
    return [
      `T${c.theme}-${WORKSHOP_COLUMN_CODES[c.column]}-${String(n).padStart(2, '0')}`,
      String(c.theme),
      info.question,
      info.tables,
      c.column,
      'bullet',
      String(cur.order + 1),
      '',
      c.text.trim(),
      'tous',
      'any',
      '',
      // tag_note: left to the planners who re-tag the row.
      '',
      source,
      c.territory
    ];
  });
  return `\uFEFF${Papa.unparse({ fields: [...MEETING_CSV_FIELDS], data: rows }, { delimiter: ';', newline: '\n' })}\n`;
}

/**
 * The workshop loader's reasons (French), in the shorter wording shown to the people importing a
 * file; a reason not listed is shown as the loader writes it.
 */
const REASONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^colonne manquante/, () => 'colonne manquante'],
  [/^texte vide/, () => 'texte vide'],
  [/^étiquette inconnue « (.+?) »/, (m) => `étiquette inconnue « ${m[1]} »`],
  [
    /^identifiant (\S+) en double \(déjà ligne (\d+)\)/,
    (m) => `identifiant ${m[1]} en double (déjà ligne ${m[2]})`
  ],
  [
    /^(\d+) champs attendus, (\d+) trouvés/,
    (m) => `${m[1]} champs attendus, ${m[2]} trouvés (un « ; » dans un texte sans guillemets ?)`
  ],
  [/^le thème doit être/, () => 'le thème doit être 1, 2, 3 ou 4'],
  [
    /^identifiant attendu de la forme/,
    () => 'identifiant attendu de la forme T1-PB-07 (ou T1-PB-07.1, T1-PB-Q1)'
  ],
  [/^l’ordre doit être/, () => "l'ordre doit être un entier positif"],
  [/^fichier vide/, () => 'fichier vide']
];

function frenchReason(message: string): string {
  const reason = message.replace(/^.*?, ligne \d+(, champ « [^»]* »)? : /, '');
  const got = / \(reçu « (.*) »\)$/.exec(reason);
  const found = got ? ` (trouvé « ${got[1]} »)` : '';
  for (const [re, fr] of REASONS) {
    const m = re.exec(reason);
    if (m) return `${fr(m)}${found}`;
  }
  return reason;
}

function frenchError(e: Pick<WorkshopRowError, 'line' | 'field' | 'message'>): string {
  return `Ligne ${e.line}${e.field ? `, champ « ${e.field} »` : ''} : ${frenchReason(e.message)}`;
}

export interface MeetingImport {
  /** Valid rows, in file order. */
  rows: ImportedContribution[];
  /** French messages, one per rejected row or problem, with the line. */
  errors: string[];
}

/** Rows with the line they start on (a quoted text may span lines), header first. */
function rowsWithLines(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let line = 1;
  let cursor = 0;
  Papa.parse<string[]>(text, {
    delimiter: ';',
    skipEmptyLines: false,
    step: (r) => {
      const start = line;
      line += (text.slice(cursor, r.meta.cursor).match(/\n/g) ?? []).length;
      cursor = r.meta.cursor;
      if (!(r.data.length === 1 && r.data[0]?.trim() === ''))
        out.push({ line: start, cells: r.data });
    }
  });
  return out;
}

/**
 * Reads a meeting CSV with the workshop loader's validation (every rule of the base), then checks
 * `source` (« réunion du JJ/MM/AAAA, lieu ») and `territoire` (INSEE or QPV code). Bad rows are
 * reported in French with their line and left out; the others are returned.
 */
export function parseMeetingCsv(text: string, file: string): MeetingImport {
  const clean = text.replace(/^\uFEFF/, '');
  const base = parseWorkshopCsv(clean, file);
  const errors = base.errors.map((e) => ({ line: e.line, text: frenchError(e) }));
  const lines = rowsWithLines(clean);
  const header = lines[0]?.cells.map((h) => h.trim()) ?? [];
  const missing = ['source', 'territoire'].filter((f) => !header.includes(f));
  if (lines.length > 0 && missing.length > 0) {
    return {
      rows: [],
      errors: [
        ...errors.map((e) => e.text),
        ...missing.map(
          (f) =>
            `Ligne 1, champ « ${f} » : colonne manquante (ce n'est pas un export de contributions de réunion)`
        )
      ]
    };
  }
  const at = (name: string, cells: string[]) => cells[header.indexOf(name)]?.trim() ?? '';
  const extra = new Map<string, { line: number; source: string; territoire: string }>();
  for (const { line, cells } of lines.slice(1))
    extra.set(at('id', cells), {
      line,
      source: at('source', cells),
      territoire: at('territoire', cells)
    });

  const rows: (ImportedContribution & { line: number })[] = [];
  for (const item of base.items) {
    const x = extra.get(item.id);
    if (!x) continue;
    const m = SOURCE.exec(x.source);
    const date = m ? `${m[3]}-${m[2]}-${m[1]}` : '';
    // A real calendar day (no 31/02): the date read back gives the same day.
    const day = new Date(`${date}T12:00:00Z`);
    if (!m || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== date) {
      errors.push({
        line: x.line,
        text: `Ligne ${x.line}, champ « source » : attendu « réunion du JJ/MM/AAAA, lieu » (trouvé « ${x.source} »)`
      });
      continue;
    }
    if (!inseeCodeSchema.safeParse(x.territoire).success && !QPV_CODE.test(x.territoire)) {
      errors.push({
        line: x.line,
        text: `Ligne ${x.line}, champ « territoire » : code INSEE ou code QPV attendu (trouvé « ${x.territoire} »)`
      });
      continue;
    }
    rows.push({
      id: item.id,
      territory: x.territoire,
      theme: item.theme,
      column: item.column as WorkshopColumn,
      text: item.text,
      source: x.source,
      date,
      lieu: m[4] ?? '',
      file,
      line: x.line
    });
  }
  errors.sort((a, b) => a.line - b.line);
  // File order (the loader sorts by theme and column).
  rows.sort((a, b) => a.line - b.line);
  return { rows: rows.map(({ line: _line, ...r }) => r), errors: errors.map((e) => e.text) };
}

/**
 * The room's counts on the workshop items shown, one row per territory and item: source,
 * territoire, id and text of the base item, then pour, contre, a_debattre. Same conventions as
 * the base (UTF-8 with BOM, `;`). Throws `MeetingExportError` without date or place.
 */
export function exportVotesCsv(
  votes: Readonly<Record<string, { pour: number; contre: number; debat: number }>>,
  meeting: Meeting,
  base: readonly WorkshopItem[]
): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(meeting.date) || meeting.lieu.trim() === '')
    throw new MeetingExportError(
      "Indiquez la date et le lieu de la réunion avant d'exporter : ils forment la colonne « source »."
    );
  const texts = new Map(base.map((i) => [i.id, i.text]));
  const source = meetingSource(meeting);
  const rows = Object.entries(votes)
    .filter(([, v]) => v.pour + v.contre + v.debat > 0)
    .map(([key, v]) => {
      const [territory = '', id = ''] = key.split('|');
      return [
        source,
        territory,
        id,
        texts.get(id) ?? '',
        String(v.pour),
        String(v.contre),
        String(v.debat)
      ];
    });
  const fields = ['source', 'territoire', 'id', 'text', 'pour', 'contre', 'a_debattre'];
  return `\uFEFF${Papa.unparse({ fields, data: rows }, { delimiter: ';', newline: '\n' })}\n`;
}
