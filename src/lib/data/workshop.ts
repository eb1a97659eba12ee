/**
 * I/O of the workshop knowledge base (`data/workshop/propositions.csv`): papaparse + zod, row by row.
 * A bad row is reported with its line and reason and left out; the other rows still load in the
 * browser, but the build refuses the file (scripts/lib/workshop-check.ts): no item is ever dropped
 * silently.
 */
import Papa from 'papaparse';
import { csvParseErrorText } from './csv';
import {
  WORKSHOP_COLUMNS,
  WORKSHOP_CSV_FIELDS,
  workshopRowSchema,
  type WorkshopItem,
  type WorkshopRowError
} from '$lib/schemas/workshop';

export const WORKSHOP_FILE_NAME = 'propositions.csv';

export interface WorkshopLoadResult {
  /** Valid rows, sorted by theme, column (problème, idéal, action) and order. */
  items: WorkshopItem[];
  /** Rejected rows (and file-level problems), in line order. */
  errors: WorkshopRowError[];
}

function makeError(
  file: string,
  line: number,
  field: string | null,
  reason: string,
  id: string | null
): WorkshopRowError {
  const where =
    field === null ? `${file}, ligne ${line}` : `${file}, ligne ${line}, champ « ${field} »`;
  return { file, line, field, id, message: `${where} : ${reason}` };
}

interface RawRow {
  line: number;
  cells: string[];
}

/** Start of a row: an item id. */
export const WORKSHOP_ROW_START = /^\s*"?T\d-(PB|ID|AC)-/;

/** A line that starts with an item id or holds most of a row's separators is a row, not text. */
function looksLikeRow(line: string): boolean {
  return WORKSHOP_ROW_START.test(line) || (line.match(/;/g) ?? []).length >= 6;
}

/** Splits the CSV into rows with the 1-based line each starts on (quoted fields may span lines). */
function readRows(text: string): {
  rows: RawRow[];
  parseErrors: { line: number; reason: string }[];
} {
  const rows: RawRow[] = [];
  const parseErrors: { line: number; reason: string }[] = [];
  let line = 1;
  let cursor = 0;
  Papa.parse<string[]>(text, {
    header: false,
    dynamicTyping: false,
    delimiter: ';',
    skipEmptyLines: false,
    step: (result) => {
      // meta.cursor is the offset just after the row, line break included.
      const end = result.meta.cursor;
      const rowLine = line;
      const recordText = text.slice(cursor, end).replace(/\r?\n$/, '');
      line += (text.slice(cursor, end).match(/\n/g) ?? []).length;
      cursor = end;
      const cells = result.data;
      // A text may hold a line break (quoted), but a continuation line that looks like a row of
      // its own means a quote left open swallowed the rows that follow.
      const continuation = recordText.split('\n').slice(1);
      const swallowed = continuation.findIndex(looksLikeRow);
      const lastLine = rowLine + continuation.length;
      const merged =
        swallowed >= 0
          ? `un guillemet « " » n’est pas fermé : ${rowLine + swallowed + 1 === lastLine ? `la ligne ${lastLine} a été fusionnée` : `les lignes ${rowLine + swallowed + 1}–${lastLine} ont été fusionnées`} dans celle-ci`
          : null;
      if (result.errors.length > 0) {
        for (const e of result.errors) {
          const reason = `guillemets mal formés (${csvParseErrorText(e)})${merged ? ` ; ${merged}` : ''}`;
          parseErrors.push({ line: rowLine, reason });
        }
      } else if (merged) {
        parseErrors.push({ line: rowLine, reason: merged });
      } else if (!(cells.length === 1 && cells[0]?.trim() === '')) {
        rows.push({ line: rowLine, cells });
      }
    }
  });
  return { rows, parseErrors };
}

/**
 * Parses and validates the CSV text. `file` names the file in error messages.
 * Checks per row (zod): known column, kind, tags and condition, id consistent with theme/column/kind,
 * a parent_id exactly for sub-bullets, tags on every bullet (`tous` alone). Across rows: duplicate
 * id, missing or invalid parent, duplicate order in a column, theme question/tables differing
 * within a theme.
 */
export function parseWorkshopCsv(text: string, file = WORKSHOP_FILE_NAME): WorkshopLoadResult {
  const errors: WorkshopRowError[] = [];
  const { rows, parseErrors } = readRows(text.replace(/^\uFEFF/, ''));
  for (const e of parseErrors) errors.push(makeError(file, e.line, null, e.reason, null));

  const [headerRow, ...dataRows] = rows;
  if (!headerRow) {
    errors.push(makeError(file, 1, null, 'fichier vide : pas d’en-tête', null));
    return { items: [], errors };
  }
  const header = headerRow.cells.map((h) => h.trim());
  const missing = WORKSHOP_CSV_FIELDS.filter((f) => !header.includes(f));
  if (missing.length > 0) {
    for (const f of missing)
      errors.push(makeError(file, headerRow.line, f, 'colonne manquante', null));
    return { items: [], errors };
  }

  // Pass 1: each row on its own.
  const accepted: { line: number; item: WorkshopItem }[] = [];
  const seen = new Map<string, number>();
  const rejectedIds = new Map<string, number>();
  for (const { line, cells } of dataRows) {
    const idCell = cells[header.indexOf('id')]?.trim() || null;
    if (cells.length !== header.length) {
      errors.push(
        makeError(
          file,
          line,
          null,
          `${header.length} champs attendus, ${cells.length} trouvés (un « ; » dans un texte sans guillemets ?)`,
          idCell
        )
      );
      if (idCell) rejectedIds.set(idCell, line);
      continue;
    }
    const record: Record<string, string> = {};
    header.forEach((h, i) => (record[h] = cells[i] ?? ''));
    const parsed = workshopRowSchema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = typeof issue.path[0] === 'string' ? issue.path[0] : null;
        const got =
          field !== null && record[field] !== undefined ? ` (reçu « ${record[field]} »)` : '';
        errors.push(makeError(file, line, field, `${issue.message}${got}`, idCell));
      }
      if (idCell) rejectedIds.set(idCell, line);
      continue;
    }
    const item = parsed.data;
    const first = seen.get(item.id);
    if (first !== undefined) {
      errors.push(
        makeError(
          file,
          line,
          'id',
          `identifiant ${item.id} en double (déjà ligne ${first})`,
          item.id
        )
      );
      continue;
    }
    seen.set(item.id, line);
    accepted.push({ line, item });
  }

  // Pass 2: relations between rows.
  const byId = new Map(accepted.map((a) => [a.item.id, a]));
  const themeHeads = new Map<number, { line: number; item: WorkshopItem }>();
  const orders = new Map<string, string>();
  const items: WorkshopItem[] = [];
  for (const { line, item } of accepted) {
    if (item.parentId !== null) {
      const parent = byId.get(item.parentId);
      const rejectedLine = rejectedIds.get(item.parentId);
      let reason: string | null = null;
      if (!parent) {
        reason =
          rejectedLine !== undefined
            ? `parent ${item.parentId} invalide (ligne ${rejectedLine})`
            : `parent ${item.parentId} introuvable`;
      } else if (
        parent.item.kind !== 'bullet' ||
        parent.item.theme !== item.theme ||
        parent.item.column !== item.column
      ) {
        reason = `le parent ${item.parentId} n’est pas une puce du thème ${item.theme}, colonne ${item.column}`;
      }
      if (reason) {
        errors.push(makeError(file, line, 'parent_id', reason, item.id));
        continue;
      }
    }
    const head = themeHeads.get(item.theme);
    if (!head) {
      themeHeads.set(item.theme, { line, item });
    } else {
      const field =
        head.item.themeQuestion !== item.themeQuestion
          ? 'theme_question'
          : head.item.tables !== item.tables
            ? 'tables'
            : null;
      if (field) {
        errors.push(
          makeError(
            file,
            line,
            field,
            `diffère de la ligne ${head.line} (même thème ${item.theme})`,
            item.id
          )
        );
        continue;
      }
    }
    const orderKey = `${item.theme}|${item.column}|${item.order}`;
    const taken = orders.get(orderKey);
    if (taken !== undefined) {
      errors.push(
        makeError(
          file,
          line,
          'order',
          `ordre ${item.order} déjà pris par ${taken} dans le thème ${item.theme}, colonne ${item.column}`,
          item.id
        )
      );
      continue;
    }
    orders.set(orderKey, item.id);
    items.push(item);
  }

  // A sub-bullet whose parent was dropped in pass 2 (e.g. duplicate order) cannot stay either.
  const kept = new Set(items.map((i) => i.id));
  const orphans = items.filter((i) => i.parentId !== null && !kept.has(i.parentId));
  for (const o of orphans) {
    const line = byId.get(o.id)?.line ?? 1;
    errors.push(makeError(file, line, 'parent_id', `parent ${o.parentId} rejeté`, o.id));
  }
  const result = items.filter((i) => !orphans.includes(i));

  const columnRank = (c: WorkshopItem['column']) => WORKSHOP_COLUMNS.indexOf(c);
  result.sort(
    (a, b) => a.theme - b.theme || columnRank(a.column) - columnRank(b.column) || a.order - b.order
  );
  errors.sort((a, b) => a.line - b.line);
  return { items: result, errors };
}

/** Fetches and parses the CSV served at `url`. Throws when the file cannot be fetched. */
export async function fetchWorkshop(
  fetchFn: typeof fetch,
  url: string
): Promise<WorkshopLoadResult> {
  const res = await fetchFn(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} while loading the workshop base`);
  const file = url.split('/').pop() || url;
  return parseWorkshopCsv(await res.text(), file);
}

/** The curated CSV bundled with the app (Vite raw import, split into its own chunk). */
export async function loadBundledWorkshop(): Promise<WorkshopLoadResult> {
  const mod = await import('../../../data/workshop/propositions.csv?raw');
  return parseWorkshopCsv(mod.default, WORKSHOP_FILE_NAME);
}
