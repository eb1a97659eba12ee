import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  exportContributionsCsv,
  meetingSource,
  MeetingExportError,
  MEETING_CSV_FIELDS,
  parseMeetingCsv
} from '../../../src/lib/data/contributions-csv';
import {
  CONTRIBUTIONS_KEY,
  CONTRIBUTIONS_SET_ASIDE_KEY,
  ContributionsStorageError,
  loadContributions,
  saveContributions
} from '../../../src/lib/data/contributions-storage';
import type { KeyValueStorage } from '../../../src/lib/data/scenario-storage';
import { parseWorkshopCsv } from '../../../src/lib/data/workshop';
import { emptyContributionsStore, type Contribution } from '../../../src/lib/schemas/contributions';
import { WORKSHOP_CSV_FIELDS } from '../../../src/lib/schemas/workshop';
import {
  ContributionsState,
  type ContributionsIo
} from '../../../src/lib/state/contributions.svelte';

/** Web Storage double; `quota` bytes of text at most, like a browser's full storage. */
class MemoryStorage implements KeyValueStorage {
  readonly map = new Map<string, string>();
  constructor(readonly quota = Infinity) {}
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const used = [...this.map].reduce((n, [key, val]) => n + (key === k ? 0 : val.length), 0);
    if (used + v.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

// The real base, read in place: exports are numbered after it.
const baseText = readFileSync('data/workshop/propositions.csv', 'utf8');
const base = parseWorkshopCsv(baseText).items;

const said = (over: Partial<Contribution> = {}): Contribution => ({
  id: 'c1',
  territory: '38111',
  column: 'probleme',
  theme: 1,
  text: 'Pas assez de logements pour les jeunes ; trop chers',
  createdAt: '2026-03-12T18:30:00.000Z',
  ...over
});
const meeting = { date: '2026-03-12', lieu: 'Claix, salle du conseil' };

describe('exportContributionsCsv', () => {
  const csv = exportContributionsCsv(
    [
      said(),
      said({
        id: 'c2',
        column: 'action',
        theme: 2,
        text: 'Un « guichet » unique',
        territory: 'QP038012'
      }),
      said({ id: 'c3', text: 'Deuxième problème' })
    ],
    meeting,
    base
  );

  it('writes the base format: BOM, « ; », the base columns in order, then source and territoire', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const header = csv.slice(1).split('\n')[0]?.split(';');
    // The real base's header (required columns, then tag_note), read from the file itself.
    const baseHeader =
      baseText
        .replace(/^\uFEFF/, '')
        .split('\n')[0]
        ?.split(';') ?? [];
    expect(baseHeader.slice(0, WORKSHOP_CSV_FIELDS.length)).toEqual([...WORKSHOP_CSV_FIELDS]);
    expect(header).toEqual([...baseHeader, 'source', 'territoire']);
    expect(MEETING_CSV_FIELDS.slice(0, WORKSHOP_CSV_FIELDS.length)).toEqual([
      ...WORKSHOP_CSV_FIELDS
    ]);
    // A text with « ; » is quoted, as in the base.
    expect(csv).toContain('"Pas assez de logements pour les jeunes ; trop chers"');
  });

  it('numbers the rows after the base, so they pass the workshop loader merged into it', () => {
    const rows = parseWorkshopCsv(csv).items;
    expect(rows.map((r) => r.id)).toEqual(['T1-PB-25', 'T1-PB-26', 'T2-AC-12']);
    const lines = csv.slice(1).trim().split('\n').slice(1);
    const merged = `${baseText.trimEnd()}\n${lines.map((l) => l.split(';').slice(0, -2).join(';')).join('\n')}\n`;
    // The base + the meeting rows (extra columns dropped) loads without a single error.
    const all = parseWorkshopCsv(merged.replace(/"([^"]*);([^"]*)"/g, '"$1;$2"'));
    expect(all.errors).toEqual([]);
    expect(all.items.length).toBe(base.length + 3);
  });

  it('round-trips: the export re-imports with the same items, source and territory', () => {
    const back = parseMeetingCsv(csv, 'reunion.csv');
    expect(back.errors).toEqual([]);
    expect(back.rows.map((r) => [r.territory, r.column, r.theme, r.text, r.date, r.lieu])).toEqual([
      [
        '38111',
        'probleme',
        1,
        'Pas assez de logements pour les jeunes ; trop chers',
        '2026-03-12',
        'Claix, salle du conseil'
      ],
      ['QP038012', 'action', 2, 'Un « guichet » unique', '2026-03-12', 'Claix, salle du conseil'],
      ['38111', 'probleme', 1, 'Deuxième problème', '2026-03-12', 'Claix, salle du conseil']
    ]);
    expect(back.rows[0]?.source).toBe('réunion du 12/03/2026, Claix, salle du conseil');
  });

  it('refuses to export without the meeting date and place', () => {
    expect(() => exportContributionsCsv([said()], { date: '', lieu: 'Claix' }, base)).toThrow(
      MeetingExportError
    );
    expect(() => exportContributionsCsv([said()], { date: '2026-03-12', lieu: ' ' }, base)).toThrow(
      /date et le lieu/
    );
  });

  it('formats the source « réunion du JJ/MM/AAAA, lieu »', () => {
    expect(meetingSource({ date: '2026-01-05', lieu: ' Meylan ' })).toBe(
      'réunion du 05/01/2026, Meylan'
    );
  });
});

describe('parseMeetingCsv: the workshop validation, in French, with line numbers', () => {
  const header = [...WORKSHOP_CSV_FIELDS, 'source', 'territoire'].join(';');
  const q =
    "Quels outils pour favoriser le rééquilibrage territorial de l'offre de logement et la mixité sociale ?";
  const row = (over: Partial<Record<string, string>>) => {
    const r: Partial<Record<string, string>> = {
      id: 'T1-PB-30',
      theme: '1',
      theme_question: q,
      tables: 'Tables 1 - 2',
      column: 'probleme',
      kind: 'bullet',
      order: '40',
      parent_id: '',
      text: 'Texte',
      tags: 'tous',
      condition: 'any',
      keywords: '',
      source: 'réunion du 12/03/2026, Claix',
      territoire: '38111',
      ...over
    };
    return [...WORKSHOP_CSV_FIELDS, 'source', 'territoire'].map((f) => r[f]).join(';');
  };
  it.each([
    { over: { text: '' }, message: /^Ligne 2, champ « text » : texte vide/ },
    {
      over: { tags: 'inconnu' },
      message: /^Ligne 2, champ « tags » : étiquette inconnue « inconnu »/
    },
    {
      over: { theme: '7' },
      message: /^Ligne 2, champ « theme » : le thème doit être 1, 2, 3 ou 4/
    },
    {
      over: { source: 'atelier' },
      message: /^Ligne 2, champ « source » : attendu « réunion du JJ\/MM\/AAAA, lieu »/
    },
    { over: { source: 'réunion du 31/02/2026, Claix' }, message: /^Ligne 2, champ « source »/ },
    {
      over: { territoire: 'Claix' },
      message: /^Ligne 2, champ « territoire » : code INSEE ou code QPV/
    }
  ])('$over → $message', ({ over, message }) => {
    const res = parseMeetingCsv(
      `${header}\n${row(over)}\n${row({ id: 'T1-PB-31', order: '41' })}\n`,
      'r.csv'
    );
    expect(res.errors.length).toBeGreaterThan(0);
    expect(res.errors[0]).toMatch(message);
    // The good row (line 3) still loads.
    expect(res.rows.map((r) => r.id)).toEqual(['T1-PB-31']);
  });
  it('rejects the workshop base itself: no source column', () => {
    const res = parseMeetingCsv(baseText, 'propositions.csv');
    expect(res.rows).toEqual([]);
    expect(res.errors.join('\n')).toMatch(/Ligne 1, champ « source » : colonne manquante/);
  });
});

describe('contributions storage: one key, written whole', () => {
  it('saves and reloads the whole store', () => {
    const storage = new MemoryStorage();
    const store = { ...emptyContributionsStore(), contributions: [said()] };
    saveContributions(storage, store);
    expect([...storage.map.keys()]).toEqual([CONTRIBUTIONS_KEY]);
    expect(loadContributions(storage)).toEqual({ store, problem: null });
  });
  it('a full storage throws a French error and leaves the saved value as it was', () => {
    const storage = new MemoryStorage(400);
    saveContributions(storage, emptyContributionsStore());
    const before = storage.getItem(CONTRIBUTIONS_KEY);
    const big = { ...emptyContributionsStore(), contributions: [said({ text: 'x'.repeat(500) })] };
    expect(() => saveContributions(storage, big)).toThrow(ContributionsStorageError);
    expect(() => saveContributions(storage, big)).toThrow(/stockage local du navigateur est plein/);
    expect(storage.getItem(CONTRIBUTIONS_KEY)).toBe(before);
  });
  it('sets an unreadable value aside instead of deleting it', () => {
    const storage = new MemoryStorage();
    storage.setItem(CONTRIBUTIONS_KEY, '{"version":1,"contributions":');
    const { store, problem } = loadContributions(storage);
    expect(store).toEqual(emptyContributionsStore());
    expect(problem).toMatch(/JSON illisible/);
    expect(storage.getItem(CONTRIBUTIONS_SET_ASIDE_KEY)).toBe('{"version":1,"contributions":');
  });
});

describe('ContributionsState', () => {
  const io: ContributionsIo = {
    loadContributions,
    saveContributions,
    ContributionsStorageError
  };
  const make = (storage: KeyValueStorage) => {
    let n = 0;
    const s = new ContributionsState(
      () => `id${++n}`,
      () => '2026-03-12T18:00:00.000Z'
    );
    s.init(storage, io);
    return s;
  };
  it('records, counts and survives a reload (a new state on the same storage)', () => {
    const storage = new MemoryStorage();
    const s = make(storage);
    expect(s.add({ territory: '38111', column: 'ideal', theme: 3, text: '  Un idéal  ' })).toBe(
      true
    );
    s.vote('38111', 'T1-PB-01', 'pour', 1);
    s.vote('38111', 'T1-PB-01', 'pour', 1);
    s.vote('38111', 'T1-PB-01', 'contre', -1);
    const again = make(storage);
    expect(again.captured('38111').map((c) => c.text)).toEqual(['Un idéal']);
    expect(again.votes('38111', 'T1-PB-01')).toEqual({ pour: 2, contre: 0, debat: 0 });
    expect(again.captured('38185')).toEqual([]);
  });
  it('a refused write keeps the previous state and says so in French', () => {
    const storage = new MemoryStorage(600);
    const s = make(storage);
    expect(s.add({ territory: '38111', column: 'probleme', theme: 1, text: 'court' })).toBe(true);
    expect(s.add({ territory: '38111', column: 'probleme', theme: 1, text: 'y'.repeat(700) })).toBe(
      false
    );
    expect(s.error).toMatch(/plein.*intactes/);
    expect(s.captured('38111').map((c) => c.text)).toEqual(['court']);
  });
  it('started empty, shows a change at once and saves it when its storage functions arrive', () => {
    const storage = new MemoryStorage();
    let requested = 0;
    const s = new ContributionsState(
      () => 'id1',
      () => '2026-03-12T18:00:00.000Z'
    );
    s.startEmpty(() => requested++);
    expect(s.ready).toBe(true);
    expect(s.add({ territory: '38111', column: 'action', theme: 2, text: 'Tôt' })).toBe(true);
    expect(requested).toBe(1);
    // Shown at once, and a second change builds on the first (the meeting's date, then place).
    expect(s.captured('38111').map((c) => c.text)).toEqual(['Tôt']);
    s.setMeeting({ ...s.store.meeting, date: '2026-03-12' });
    s.setMeeting({ ...s.store.meeting, lieu: 'Claix' });
    expect(storage.getItem(CONTRIBUTIONS_KEY)).toBeNull();
    s.init(storage, io);
    const again = make(storage);
    expect(again.captured('38111').map((c) => c.text)).toEqual(['Tôt']);
    expect(again.store.meeting).toEqual({ date: '2026-03-12', lieu: 'Claix' });
  });
  it('a change shown before the storage functions arrive can still be refused, in French', () => {
    const s = new ContributionsState(
      () => 'id1',
      () => '2026-03-12T18:00:00.000Z'
    );
    s.startEmpty(() => undefined);
    s.add({ territory: '38111', column: 'action', theme: 2, text: 'y'.repeat(700) });
    s.init(new MemoryStorage(600), io);
    expect(s.captured('38111')).toEqual([]);
    expect(s.error).toMatch(/plein.*intactes/);
  });
  it('if the storage functions cannot load, no change is accepted any more', () => {
    const s = new ContributionsState(
      () => 'id1',
      () => '2026-03-12T18:00:00.000Z'
    );
    s.startEmpty(() => undefined);
    s.add({ territory: '38111', column: 'action', theme: 2, text: 'Tôt' });
    s.fail('Rechargez la page.');
    expect(s.add({ territory: '38111', column: 'action', theme: 2, text: 'Tard' })).toBe(false);
    expect(s.error).toBe('Rechargez la page.');
  });
  it('imports rows once (same source, territory and text are not doubled)', () => {
    const s = make(new MemoryStorage());
    const rows = parseMeetingCsv(exportContributionsCsv([said()], meeting, base), 'r.csv').rows;
    expect(s.importRows(rows)).toBe(1);
    expect(s.importRows(rows)).toBe(0);
    expect(s.imported('38111')).toHaveLength(1);
    s.removeImported(rows[0]!.source);
    expect(s.imported('38111')).toEqual([]);
  });
});
