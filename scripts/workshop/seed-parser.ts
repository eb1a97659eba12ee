/**
 * Reads the workshop seed (an HTML-ish export of four tables) into items, verbatim.
 *
 * Layout of the seed, per table: a line « <question> Tables x - y », a line of the three column
 * headings (tab-separated), then content rows of three tab-separated cells, and a separator row of
 * dashes. A column's bullets continue across two content rows; a cell of the second row that starts
 * with a plain `<p>…</p>` continues the last bullet of the first row (the export cut it mid-sentence).
 * Inside a cell: `<ul …>` opens a list, « - » starts a bullet, « o » / « ○ » a sub-bullet of the
 * last bullet, `<p><i>…</i></p>` is a framing line in italics.
 */
import {
  WORKSHOP_COLUMNS,
  WORKSHOP_COLUMN_CODES,
  type WorkshopColumn,
  type WorkshopKind
} from '../../src/lib/schemas/workshop';

export interface SeedItem {
  id: string;
  theme: number;
  themeQuestion: string;
  tables: string;
  column: WorkshopColumn;
  kind: WorkshopKind;
  order: number;
  parentId: string | null;
  text: string;
}

export class SeedFormatError extends Error {
  constructor(file: string, line: number, message: string) {
    super(`${file} line ${line}: ${message}`);
    this.name = 'SeedFormatError';
  }
}

const TOKEN =
  /<ul style="list-style-type: none">|<p><i>([\s\S]*?)<\/i><\/p>|<p>([\s\S]*?)<\/p>|(?<=^|\s)-\s|(?<=^|\s)[o○]\s/g;

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
// Inline italics inside a bullet (a remark after « > ») keep their words, not their tags.
const stripInline = (s: string) => s.replace(/<\/?i>/g, '');

interface ColumnState {
  items: SeedItem[];
  bullets: number;
  intros: number;
  subs: number;
  current: SeedItem | null;
  lastBullet: SeedItem | null;
}

function newColumnState(): ColumnState {
  return { items: [], bullets: 0, intros: 0, subs: 0, current: null, lastBullet: null };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Parses the seed text; throws SeedFormatError naming the line on anything unexpected. */
export function parseSeed(text: string, file = 'seed'): SeedItem[] {
  const lines = text.split(/\r?\n/);
  const out: SeedItem[] = [];
  let theme = 0;
  let themeQuestion = '';
  let tables = '';
  let columns: ColumnState[] = [];
  let contentRow = 0;

  const append = (state: ColumnState, fragment: string, lineNo: number) => {
    const add = collapse(stripInline(fragment));
    if (add === '') return;
    if (!state.current)
      throw new SeedFormatError(file, lineNo, `text outside a bullet: « ${add} »`);
    state.current.text = state.current.text === '' ? add : `${state.current.text} ${add}`;
  };

  const start = (
    state: ColumnState,
    column: WorkshopColumn,
    kind: WorkshopKind,
    lineNo: number
  ): SeedItem => {
    const code = `T${theme}-${WORKSHOP_COLUMN_CODES[column]}`;
    let id: string;
    let parentId: string | null = null;
    if (kind === 'intro') {
      state.intros += 1;
      id = `${code}-Q${state.intros}`;
    } else if (kind === 'bullet') {
      state.bullets += 1;
      state.subs = 0;
      id = `${code}-${pad(state.bullets)}`;
    } else {
      if (!state.lastBullet)
        throw new SeedFormatError(file, lineNo, 'sub-bullet « o » before any bullet');
      state.subs += 1;
      parentId = state.lastBullet.id;
      id = `${parentId}.${state.subs}`;
    }
    const item: SeedItem = {
      id,
      theme,
      themeQuestion,
      tables,
      column,
      kind,
      order: state.items.length + 1,
      parentId,
      text: ''
    };
    state.items.push(item);
    if (kind === 'bullet') state.lastBullet = item;
    state.current = kind === 'intro' ? null : item;
    return item;
  };

  const flush = () => {
    for (const state of columns) {
      for (const item of state.items) {
        if (item.text === '') throw new SeedFormatError(file, 0, `empty item ${item.id}`);
      }
      out.push(...state.items);
    }
    columns = [];
  };

  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (line.trim() === '') return;
    const cells = line.split('\t');
    if (cells.length === 1) {
      const header = /^(.*\?)\s*(Tables\s.*)$/.exec(line.trim());
      if (!header?.[1] || !header[2])
        throw new SeedFormatError(file, lineNo, `expected « <question> Tables x - y »`);
      flush();
      theme += 1;
      themeQuestion = header[1].trim();
      tables = header[2].trim();
      columns = WORKSHOP_COLUMNS.map(() => newColumnState());
      contentRow = 0;
      return;
    }
    if (cells.length !== 3)
      throw new SeedFormatError(
        file,
        lineNo,
        `expected 3 tab-separated cells, found ${cells.length}`
      );
    if (theme === 0) throw new SeedFormatError(file, lineNo, 'table row before any theme line');
    if (cells.every((c) => /^-+$/.test(c.trim()))) return; // end-of-table separator
    if (cells.every((c) => /\?(<\/i>)?$/.test(c.trim()) && !c.includes('<ul'))) return; // headings
    contentRow += 1;
    cells.forEach((cell, ci) => {
      const column = WORKSHOP_COLUMNS[ci];
      const state = columns[ci];
      if (!column || !state) return;
      let last = 0;
      let first = true;
      for (const m of cell.matchAll(TOKEN)) {
        append(state, cell.slice(last, m.index), lineNo);
        last = m.index + m[0].length;
        const token = m[0];
        if (token.startsWith('<ul')) {
          // Nesting is carried by the markers themselves.
        } else if (m[1] !== undefined) {
          start(state, column, 'intro', lineNo).text = collapse(m[1]);
        } else if (m[2] !== undefined) {
          if (!(first && contentRow > 1 && state.current))
            throw new SeedFormatError(
              file,
              lineNo,
              `plain paragraph is not the continuation of a bullet: « ${collapse(m[2])} »`
            );
          append(state, m[2], lineNo);
        } else if (token.trim() === '-') {
          start(state, column, 'bullet', lineNo);
        } else {
          start(state, column, 'sub_bullet', lineNo);
        }
        first = false;
      }
      append(state, cell.slice(last), lineNo);
    });
  });
  flush();
  return out;
}
