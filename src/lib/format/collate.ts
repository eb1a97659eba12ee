/**
 * French alphabetical order (« Échirolles » between « Domène » and « Eybens »), as
 * `Intl.Collator('fr')` sorts: letters first by their base letter, then by their accents, then
 * by case (lower before upper); spaces and punctuation before digits, digits before letters.
 * A unit test compares both on every commune name of France and on the workshop's keywords.
 *
 * By hand because the first French `Intl.Collator` (or `localeCompare(…, 'fr')`) of a page loads
 * ICU's collation data: 13–60 ms of main thread in Chromium, in the hydration of the page that
 * sorts (the same reason as `formatNumber`). It also gives the same order on every machine, so a
 * list sorted when prerendering stays in that order when the browser sorts it again.
 */

// ICU's order for the punctuation met in names and keywords (CLDR root, « alternate
// non-ignorable »): all of it before the digits. Other symbols come after these.
const PUNCTUATION = ' _-–—,;:!?.\'’"«»()[]{}@*/\\&#%`^+<=>|~$';

// Secondary weights of the diacritics, in ICU's order (acute before grave).
const MARKS = [
  '\u0301',
  '\u0300',
  '\u0306',
  '\u0302',
  '\u030c',
  '\u030a',
  '\u0308',
  '\u030b',
  '\u0303',
  '\u0307',
  '\u0328',
  '\u0327',
  '\u0304'
];

// Letters that are two letters in the order (« Œuvre » as « oeuvre »).
const EXPANSIONS: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss' };

interface Key {
  /** One number per letter: punctuation < digits < letters, letters without case or accent. */
  primary: number[];
  /** Per letter 0, then per diacritic its rank + 1. */
  secondary: number[];
  /** Per letter: 0 lower case, 1 upper case. */
  tertiary: number[];
}

const PUNCTUATION_BASE = 1;
const OTHER_BASE = PUNCTUATION_BASE + PUNCTUATION.length;
const DIGIT_OR_LETTER_BASE = 0x10000;

// A sort compares each text about 2·log2(n) times: its key is built once.
const cache = new Map<string, Key>();
const CACHE_SIZE = 4000;

function keyOf(text: string): Key {
  let key = cache.get(text);
  if (key === undefined) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    key = buildKey(text);
    cache.set(text, key);
  }
  return key;
}

function buildKey(text: string): Key {
  const key: Key = { primary: [], secondary: [], tertiary: [] };
  const decomposed = text.normalize('NFD');
  for (const raw of decomposed) {
    const mark = MARKS.indexOf(raw);
    if (mark >= 0 || /\p{M}/u.test(raw)) {
      key.secondary.push(mark >= 0 ? mark + 1 : MARKS.length + 1);
      continue;
    }
    for (const ch of EXPANSIONS[raw] ?? raw) {
      const lower = ch.toLowerCase();
      const punctuation = PUNCTUATION.indexOf(ch);
      let weight: number;
      if (punctuation >= 0) weight = PUNCTUATION_BASE + punctuation;
      else if (/[\p{L}\p{N}]/u.test(ch))
        weight = DIGIT_OR_LETTER_BASE + (lower.codePointAt(0) ?? 0);
      else weight = OTHER_BASE + (ch.codePointAt(0) ?? 0) / 0x110000;
      key.primary.push(weight);
      key.secondary.push(0);
      key.tertiary.push(ch === lower ? 0 : 1);
    }
  }
  return key;
}

function compareSequences(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/**
 * Compares two texts in French alphabetical order: negative if `a` comes first, 0 if they are
 * the same text (up to Unicode normalization). For `Array.prototype.sort`.
 */
export function compareFrench(a: string, b: string): number {
  if (a === b) return 0;
  const ka = keyOf(a);
  const kb = keyOf(b);
  return (
    compareSequences(ka.primary, kb.primary) ||
    compareSequences(ka.secondary, kb.secondary) ||
    compareSequences(ka.tertiary, kb.tertiary)
  );
}
