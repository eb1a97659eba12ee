/**
 * Search of communes and QPV by name (pure), for the header combobox (issue 13 §2).
 *
 * Matching ignores accents, case, hyphens, apostrophes and dots, and reads « st »/« ste » as
 * « saint »/« sainte »: « seyssinet », « st martin d'heres », « pont de claix » all match.
 * Every word typed must begin a word of the name (in any order), or the whole typed text must
 * occur in the name; a QPV is also found by its code or by the name of its commune(s).
 */

import { compareFrench } from '../format/collate';

export type TerritoryKind = 'commune' | 'qpv';

export interface SearchEntry {
  kind: TerritoryKind;
  /** INSEE code of a commune, or QPV code. */
  code: string;
  /** Name as shown (« Saint-Martin-d'Hères »). */
  label: string;
  /** Second line (« Commune » or « Quartier prioritaire — Échirolles »). */
  detail: string;
  /** Words of the normalised name. */
  words: string[];
  /** Normalised name, words joined by single spaces. */
  key: string;
  /** Words that find the entry with a lower rank (a QPV's communes). */
  extraWords: string[];
}

const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints' };

/** « Saint-Martin-d’Hères » → « saint martin d heres »; « St Égrève » → « saint egreve ». */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(' ');
}

export interface SearchSource {
  communes: readonly { code: string; nom: string }[];
  qpv: readonly { code: string; nom: string; communes: readonly string[] }[];
}

/** The index: one entry per commune and per QPV (a few kilobytes for an EPCI). */
export function buildSearchIndex(source: SearchSource): SearchEntry[] {
  const communeName = new Map(source.communes.map((c) => [c.code, c.nom]));
  const entry = (
    kind: TerritoryKind,
    code: string,
    label: string,
    detail: string,
    extra: string[]
  ): SearchEntry => {
    const key = normalizeName(label);
    return {
      kind,
      code,
      label,
      detail,
      words: key.split(' '),
      key,
      extraWords: extra.flatMap((e) => normalizeName(e).split(' ')).filter((w) => w !== '')
    };
  };
  return [
    ...source.communes.map((c) => entry('commune', c.code, c.nom, 'Commune', [])),
    ...source.qpv.map((q) => {
      const names = q.communes.map((c) => communeName.get(c) ?? c);
      return entry(
        'qpv',
        q.code,
        q.nom,
        `Quartier prioritaire${names.length > 0 ? ` — ${names.join(', ')}` : ''}`,
        [q.code, ...names]
      );
    })
  ];
}

export interface SearchHit {
  entry: SearchEntry;
  /** Higher is better. */
  score: number;
}

/**
 * Score of one entry for the normalised query words, or 0 when it does not match.
 * 4: the name begins with the query; 3: every word begins a word of the name; 2: the query
 * occurs inside the name; 1: found only through the QPV's code or commune names.
 */
function score(entry: SearchEntry, query: string, words: readonly string[]): number {
  if (entry.key.startsWith(query)) return 4;
  // The same word of the name may serve two typed words (« saint saint » is harmless).
  if (words.every((w) => entry.words.some((n) => n.startsWith(w)))) return 3;
  if (entry.key.includes(query)) return 2;
  const all = [...entry.words, ...entry.extraWords];
  if (words.every((w) => all.some((n) => n.startsWith(w)))) return 1;
  return 0;
}

/**
 * Entries matching `query`, best first: score, then communes before QPV, then by name.
 * An empty query (after normalisation) finds nothing.
 */
export function searchTerritories(
  index: readonly SearchEntry[],
  query: string,
  limit = 8
): SearchEntry[] {
  const q = normalizeName(query);
  if (q === '') return [];
  const words = q.split(' ');
  const hits: SearchHit[] = [];
  for (const entry of index) {
    const s = score(entry, q, words);
    if (s > 0) hits.push({ entry, score: s });
  }
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      (a.entry.kind === b.entry.kind ? 0 : a.entry.kind === 'commune' ? -1 : 1) ||
      compareFrench(a.entry.label, b.entry.label)
  );
  return hits.slice(0, limit).map((h) => h.entry);
}
