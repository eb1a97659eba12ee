import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSeed, SeedFormatError } from '../../../scripts/workshop/seed-parser';
import {
  fetchWorkshop,
  loadBundledWorkshop,
  parseWorkshopCsv
} from '../../../src/lib/data/workshop';
import { WORKSHOP_CSV_FIELDS, type WorkshopItem } from '../../../src/lib/schemas/workshop';

const fixtures = resolve(import.meta.dirname, '../../fixtures/workshop');
const fixture = (name: string) => readFileSync(resolve(fixtures, name), 'utf8');
const CSV_PATH = resolve(import.meta.dirname, '../../../data/workshop/propositions.csv');
const SEED_PATH = resolve(import.meta.dirname, '../../../../shared/seed/000_67a36e20a96dd9a8.txt');

const HEADER = WORKSHOP_CSV_FIELDS.join(';');
const Q = 'Question fictive ?';
const row = (cells: Partial<Record<(typeof WORKSHOP_CSV_FIELDS)[number], string>>) =>
  WORKSHOP_CSV_FIELDS.map(
    (f) =>
      cells[f] ??
      {
        id: 'T1-PB-01',
        theme: '1',
        theme_question: Q,
        tables: 'Tables 1 - 2',
        column: 'probleme',
        kind: 'bullet',
        order: '1',
        parent_id: '',
        text: 'Texte fictif.',
        tags: 'tous',
        condition: 'any',
        keywords: ''
      }[f]
  ).join(';');

describe('parseWorkshopCsv on a valid synthetic file', () => {
  const { items, errors } = parseWorkshopCsv(fixture('propositions-valid.csv'), 'valid.csv');

  it('loads every row, typed, in theme/column/order order', () => {
    expect(errors).toEqual([]);
    expect(items.map((i) => i.id)).toEqual([
      'T1-PB-Q1',
      'T1-PB-01',
      'T1-PB-01.1',
      'T1-PB-02',
      'T1-AC-01',
      'T1-AC-02',
      'T2-ID-01'
    ]);
    const sub = items.find((i) => i.id === 'T1-PB-01.1');
    expect(sub).toMatchObject({
      theme: 1,
      column: 'probleme',
      kind: 'sub_bullet',
      order: 3,
      parentId: 'T1-PB-01',
      tags: ['sru_deficitaire', 'sru_carencee'],
      condition: 'any',
      keywords: ['SRU']
    });
  });

  it('keeps the quoted text verbatim, « » and « ; » included', () => {
    expect(items.find((i) => i.id === 'T1-PB-01')?.text).toBe(
      'Un constat « fictif » ; avec un point-virgule.'
    );
  });

  it('defaults an empty condition to any and reads all', () => {
    expect(items.find((i) => i.id === 'T1-PB-02')?.condition).toBe('any');
    expect(items.find((i) => i.id === 'T1-AC-02')?.condition).toBe('all');
  });
});

describe('parseWorkshopCsv on bad rows', () => {
  const { items, errors } = parseWorkshopCsv(fixture('propositions-bad.csv'), 'bad.csv');

  it('still loads the good rows, including one after a two-line quoted text', () => {
    expect(items.map((i) => i.id)).toEqual(['T1-PB-01', 'T1-PB-05', 'T1-PB-10']);
    expect(items.find((i) => i.id === 'T1-PB-05')?.text).toBe(
      'Un texte\nsur deux lignes, correct.'
    );
  });

  it.each([
    [3, 'column', 'T1-PB-02', /bad\.csv, ligne 3, champ « column » : .*\(reçu « problemes »\)/],
    [4, 'tags', 'T1-PB-03', /bad\.csv, ligne 4, champ « tags » : étiquette inconnue « riche »/],
    [
      5,
      'id',
      'T1-PB-01',
      /bad\.csv, ligne 5, champ « id » : identifiant T1-PB-01 en double \(déjà ligne 2\)/
    ],
    [
      6,
      'parent_id',
      'T1-PB-04.1',
      /bad\.csv, ligne 6, champ « parent_id » : parent T1-PB-04 introuvable/
    ],
    [9, null, 'T1-PB-06', /bad\.csv, ligne 9 : 12 champs attendus, 13 trouvés/],
    [10, 'tags', 'T1-PB-07', /ligne 10, champ « tags » : « tous » ne se combine pas/],
    [11, 'tags', 'T1-PB-08', /ligne 11, champ « tags » : aucune étiquette : mettre « tous »/],
    [12, 'condition', 'T1-PB-09', /ligne 12, champ « condition » : .*\(reçu « some »\)/]
  ])('reports line %i (field %s, row %s)', (line, field, id, message) => {
    const found = errors.filter((e) => e.line === line);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'bad.csv', line, field, id });
    expect(found[0]?.message).toMatch(message);
  });

  it('reports nothing else', () => {
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 9, 10, 11, 12]);
  });
});

describe('parseWorkshopCsv cross-row and header checks', () => {
  it.each([
    [
      'sub-bullet of a rejected parent',
      [
        row({ id: 'T1-PB-01', tags: 'nope' }),
        row({ id: 'T1-PB-01.1', kind: 'sub_bullet', order: '2', parent_id: 'T1-PB-01' })
      ],
      [3, 'parent_id', /ligne 3, champ « parent_id » : parent T1-PB-01 invalide \(ligne 2\)/]
    ],
    [
      'parent in another column',
      [
        row({ id: 'T1-AC-01', column: 'action' }),
        row({ id: 'T1-PB-01.1', kind: 'sub_bullet', order: '2', parent_id: 'T1-AC-01' })
      ],
      [3, 'parent_id', /le parent T1-AC-01 n’est pas une puce du thème 1, colonne probleme/]
    ],
    [
      'repeated order in a column',
      [row({ id: 'T1-PB-01' }), row({ id: 'T1-PB-02' })],
      [3, 'order', /ligne 3, champ « order » : ordre 1 déjà pris par T1-PB-01/]
    ],
    [
      'theme question differing within a theme',
      [row({ id: 'T1-PB-01' }), row({ id: 'T1-PB-02', order: '2', theme_question: 'Autre ?' })],
      [3, 'theme_question', /diffère de la ligne 2 \(même thème 1\)/]
    ],
    [
      'id not matching its column',
      [row({ id: 'T1-AC-01' })],
      [2, 'id', /l’identifiant T1-AC-01 ne correspond pas au thème 1 et à la colonne probleme/]
    ],
    [
      'intro carrying tags',
      [row({ id: 'T1-PB-Q1', kind: 'intro', tags: 'qpv' })],
      [2, 'tags', /une intro \(ligne de cadrage\) ne porte pas d’étiquette/]
    ],
    [
      'bullet with a parent',
      [row({ id: 'T1-PB-01', parent_id: 'T1-PB-02' })],
      [2, 'parent_id', /une ligne bullet n’a pas de parent_id/]
    ]
  ] as const)('%s', (_name, rows, [line, field, message]) => {
    const { errors } = parseWorkshopCsv([HEADER, ...rows].join('\n'), 'x.csv');
    const found = errors.filter((e) => e.line === line);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line, field });
    expect(found[0]?.message).toMatch(message);
  });

  it('names each missing header column and loads nothing', () => {
    const header = WORKSHOP_CSV_FIELDS.filter((f) => f !== 'tags' && f !== 'kind').join(';');
    const { items, errors } = parseWorkshopCsv(`${header}\n`, 'x.csv');
    expect(items).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual([
      'x.csv, ligne 1, champ « kind » : colonne manquante',
      'x.csv, ligne 1, champ « tags » : colonne manquante'
    ]);
  });

  it('fetchWorkshop names the URL when the file is missing', async () => {
    const fake = (async () => new Response('', { status: 404 })) as typeof fetch;
    await expect(fetchWorkshop(fake, '/data/propositions.csv')).rejects.toThrow(
      '/data/propositions.csv: HTTP 404'
    );
  });

  it('fetchWorkshop names the file in row errors', async () => {
    const text = [HEADER, row({ column: 'x' })].join('\n');
    const fake = (async () => new Response(text)) as typeof fetch;
    const { errors } = await fetchWorkshop(fake, '/data/propositions.csv');
    expect(errors[0]?.message).toMatch(/^propositions\.csv, ligne 2, champ « column »/);
  });
});

describe('parseWorkshopCsv never merges rows silently', () => {
  const rows = [
    row({ id: 'T1-PB-01', order: '1', text: 'Premier.' }),
    row({ id: 'T1-PB-02', order: '2', text: 'Deuxième.' }),
    row({ id: 'T1-PB-03', order: '3', text: 'Troisième.' }),
    row({ id: 'T1-PB-04', order: '4', text: 'Quatrième.' })
  ];

  it('reports a quote opened on line 3 and closed on line 4 (field count intact, no parser error)', () => {
    const opened = [...rows];
    opened[1] = row({ id: 'T1-PB-02', order: '2', text: '"Deuxième.' });
    // The closing quote of the text of line 4 now closes the quote of line 3.
    opened[2] = row({ id: 'T1-PB-03', order: '3', text: 'Troisième."' });
    const { items, errors } = parseWorkshopCsv([HEADER, ...opened].join('\n'), 'x.csv');
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /^x\.csv, ligne 3 : .*un guillemet « " » n’est pas fermé : la ligne 4 a été fusionnée dans celle-ci$/
      )
    ]);
    expect(items.map((i) => i.id)).toEqual(['T1-PB-01', 'T1-PB-04']);
  });

  it('reports an unclosed quote that swallows every following row, naming the lines', () => {
    const opened = [...rows];
    opened[1] = row({ id: 'T1-PB-02', order: '2', text: '"Deuxième.' });
    const { errors } = parseWorkshopCsv([HEADER, ...opened].join('\n'), 'x.csv');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(
      /^x\.csv, ligne 3 : .*les lignes 4–5 ont été fusionnées dans celle-ci$/
    );
  });

  it('keeps a text with a real line break (its second line does not look like a row)', () => {
    const twoLines = [...rows];
    twoLines[1] = row({ id: 'T1-PB-02', order: '2', text: '"Deuxième,\nsur deux lignes."' });
    const { items, errors } = parseWorkshopCsv([HEADER, ...twoLines].join('\n'), 'x.csv');
    expect(errors).toEqual([]);
    expect(items).toHaveLength(4);
  });
});

describe('parseSeed on a synthetic seed in the export format', () => {
  const items = parseSeed(fixture('seed-sample.txt'), 'seed-sample.txt');
  const text = (id: string) => items.find((i) => i.id === id)?.text;

  it('reads bullets, sub-bullets « o » and « ○ », and framing lines in order', () => {
    expect(items.filter((i) => i.theme === 1 && i.column === 'probleme').map((i) => i.id)).toEqual([
      'T1-PB-01',
      'T1-PB-02',
      'T1-PB-02.1',
      'T1-PB-02.2',
      'T1-PB-03',
      'T1-PB-04'
    ]);
    expect(items.find((i) => i.id === 'T1-AC-03.2')).toMatchObject({
      kind: 'sub_bullet',
      parentId: 'T1-AC-03',
      text: 'Sanctions'
    });
    expect(items.find((i) => i.id === 'T1-ID-Q1')).toMatchObject({
      kind: 'intro',
      order: 2,
      text: 'Pour cela, il faudrait :'
    });
  });

  it('joins a bullet cut across the two rows of a table', () => {
    expect(text('T1-PB-03')).toBe('Troisième constat coupé au milieu de la phrase.');
  });

  it('keeps inline italics as words and quotes as written', () => {
    expect(text('T1-AC-01')).toBe('Action une > remarque en italique.');
    expect(text('T1-ID-02')).toBe('Idéal deux « cité ».');
  });

  it('reads the theme question and tables as written', () => {
    expect(items.at(-1)).toMatchObject({
      id: 'T2-AC-01',
      themeQuestion: 'Question fictive sur les attributions ?',
      tables: 'Tables 3 -4'
    });
  });

  it.each([
    ['a sub-bullet before any bullet', 'Q ? Tables 1 - 2\n o orphelin\t\t\n', /line 2: sub-bullet/],
    ['a row of two cells', 'Q ? Tables 1 - 2\na\tb\n', /line 2: expected 3 tab-separated cells/],
    ['a stray paragraph', 'Q ? Tables 1 - 2\n<p>texte</p>\t\t\n', /line 2: plain paragraph/],
    ['a table row before any theme', 'a\tb\tc\n', /line 1: table row before any theme/]
  ])('rejects %s, naming the line', (_name, text, message) => {
    expect(() => parseSeed(text, 'bad-seed.txt')).toThrow(SeedFormatError);
    expect(() => parseSeed(text, 'bad-seed.txt')).toThrow(message);
  });
});

describe('the curated base data/workshop/propositions.csv', () => {
  const { items, errors } = parseWorkshopCsv(readFileSync(CSV_PATH, 'utf8'));

  it('loads without a single rejected row', () => {
    expect(errors).toEqual([]);
    expect(items.length).toBeGreaterThan(0);
  });

  it('is the same file the app bundles', async () => {
    const bundled = await loadBundledWorkshop();
    expect(bundled.errors).toEqual([]);
    expect(bundled.items).toEqual(items);
  });

  it('tags every bullet and sub-bullet', () => {
    for (const i of items) if (i.kind !== 'intro') expect(i.tags.length, i.id).toBeGreaterThan(0);
  });
});

// The seed is read in place; these tests skip when the shared folder is absent.
describe.skipIf(!existsSync(SEED_PATH))('completeness of the base against the seed', () => {
  const seed = existsSync(SEED_PATH) ? readFileSync(SEED_PATH, 'utf8') : '';
  const { items } = parseWorkshopCsv(readFileSync(CSV_PATH, 'utf8'));
  const columns = ['probleme', 'ideal', 'action'] as const;

  // Independent reading of the seed: per theme, the theme line and the raw cells of each column.
  const themes: { line: string; cells: string[][] }[] = [];
  for (const line of seed.split('\n')) {
    const cells = line.split('\t');
    if (line.trim() === '') continue;
    if (cells.length === 1) themes.push({ line: line.trim(), cells: [[], [], []] });
    else if (!cells.every((c) => /^-+$/.test(c.trim()) || /\?(<\/i>)?$/.test(c.trim())))
      cells.forEach((c, i) => themes.at(-1)?.cells[i]?.push(c));
  }
  const cellText = (t: number, c: number) => themes[t]?.cells[c]?.join(' ') ?? '';
  const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
  const rowsOf = (t: number, c: number): WorkshopItem[] =>
    items
      .filter((i) => i.theme === t + 1 && i.column === columns[c])
      .sort((a, b) => a.order - b.order);

  it('has four themes whose question and tables are the seed’s', () => {
    expect(themes).toHaveLength(4);
    themes.forEach((t, ti) => {
      const first = items.find((i) => i.theme === ti + 1);
      expect(`${first?.themeQuestion} ${first?.tables}`).toBe(t.line);
    });
  });

  const cells = [0, 1, 2, 3].flatMap((t) => [0, 1, 2].map((c) => [t, c] as const));

  it.each(cells)(
    'theme %i column %i: as many bullets, sub-bullets and framing lines as the seed',
    (t, c) => {
      const html = cellText(t, c);
      const rows = rowsOf(t, c);
      const byKind = (k: string) => rows.filter((r) => r.kind === k).length;
      expect(byKind('bullet')).toBe(count(html, /(?<=^|\s)-\s/g));
      expect(byKind('sub_bullet')).toBe(count(html, /(?<=^|\s)[o○]\s/g));
      expect(byKind('intro')).toBe(count(html, /<p><i>/g));
    }
  );

  it.each(cells)(
    'theme %i column %i: the texts cover the seed verbatim, in order, with nothing left over',
    (t, c) => {
      const stream = cellText(t, c)
        // Only the export's tags: the texts themselves contain « < » and « > ».
        .replace(/<\/?(ul|p|i)\b[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      let pos = 0;
      const gaps: string[] = [];
      for (const r of rowsOf(t, c)) {
        const at = stream.indexOf(r.text, pos);
        expect(at, `${r.id} « ${r.text} » not found in order`).toBeGreaterThanOrEqual(0);
        gaps.push(stream.slice(pos, at));
        pos = at + r.text.length;
      }
      gaps.push(stream.slice(pos));
      // Between two items there is only a bullet marker: no word of the seed is left out.
      for (const g of gaps) expect(g.replace(/[-o○]/g, '').trim()).toBe('');
    }
  );

  it('matches what the extractor drafts from the seed (ids, kinds, parents, order, text)', () => {
    const drafted = parseSeed(seed, SEED_PATH);
    const pick = (i: Pick<WorkshopItem, 'id' | 'kind' | 'parentId' | 'order' | 'text'>) =>
      [i.id, i.kind, i.parentId, i.order, i.text].join('|');
    expect(items.map(pick).sort()).toEqual(drafted.map(pick).sort());
  });
});
