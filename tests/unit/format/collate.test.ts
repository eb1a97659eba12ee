import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import communes from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };
import { compareFrench } from '$lib/format/collate';
import { parseWorkshopCsv } from '$lib/data/workshop';

const intl = new Intl.Collator('fr');
const INDICATORS = 'static/data/indicators.json';
const sign = (n: number) => Math.sign(n);

/** Sorts with Intl, then checks compareFrench agrees on every pair of neighbours. */
function disagreements(texts: readonly string[]): string[] {
  const sorted = [...new Set(texts)].sort(intl.compare);
  const out: string[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] ?? '';
    const b = sorted[i] ?? '';
    const expected = sign(intl.compare(a, b));
    if (sign(compareFrench(a, b)) !== expected || sign(compareFrench(b, a)) !== -expected)
      out.push(`${a} | ${b}`);
  }
  return out;
}

describe('compareFrench', () => {
  it.each([
    ['Domène', 'Échirolles', -1],
    ['Échirolles', 'Eybens', -1],
    ['Le Gua', 'Le Pont-de-Claix', -1],
    ['Saint-Égrève', 'Saint-Martin-d’Hères', -1],
    ['Saint-Martin-d’Hères', 'Saint-Martin-le-Vinoux', -1],
    ['eybens', 'Eybens', -1],
    ['Eybens', 'éybens', -1],
    ['cote', 'côte', -1],
    ['côte', 'coté', 1],
    ['LLS', 'loyers', -1],
    ['Œuvre', 'offre', -1],
    ['Œuvre', 'Oeuvre', 1],
    ['A 2', 'A-1', -1],
    ['10 ans', 'abc', -1],
    ['pèche', 'péche', 1],
    ['ça', 'cä', 1],
    ['où', 'oû', -1],
    ['a b', 'a_b', -1],
    ['a_b', 'a-b', -1],
    ['a-b', 'a,b', -1],
    ['a-b', 'a–b', -1],
    ['a–b', 'a—b', -1],
    ['a—b', 'a,b', -1],
    ['a.b', "a'b", -1],
    ["a'b", 'a’b', -1],
    ['«a»', '(a)', -1],
    ['même', 'même', 0],
    ['e\u0301', 'é', 0]
  ])('%s vs %s → %i, as Intl.Collator("fr")', (a, b, expected) => {
    expect(sign(compareFrench(a, b))).toBe(expected);
    expect(sign(intl.compare(a, b))).toBe(expected);
  });

  it('sorts every commune name of France as Intl.Collator("fr") does', () => {
    const names = (communes as Array<{ nom: string }>).map((c) => c.nom);
    expect(names.length).toBeGreaterThan(30_000);
    expect(disagreements(names)).toEqual([]);
  });

  it.skipIf(!existsSync(INDICATORS))(
    'orders every pair of commune and QPV names of the generated indicators file as Intl does',
    () => {
      const file = JSON.parse(readFileSync(INDICATORS, 'utf8')) as {
        communes: { nom: string }[];
        qpv: { nom: string }[];
      };
      const names = [...file.communes, ...file.qpv].map((t) => t.nom);
      expect(names.length).toBeGreaterThan(49);
      const bad = names.flatMap((a) =>
        names
          .filter((b) => sign(compareFrench(a, b)) !== sign(intl.compare(a, b)))
          .map((b) => `${a} | ${b}`)
      );
      expect(bad).toEqual([]);
    }
  );

  it('sorts the workshop keywords and their case and accent variants as Intl does', () => {
    const csv = readFileSync('data/workshop/propositions.csv', 'utf8');
    const parsed = parseWorkshopCsv(csv, 'propositions.csv');
    const keywords = parsed.items.flatMap((i) => i.keywords);
    expect(keywords.length).toBeGreaterThan(100);
    const variants = keywords.flatMap((k) => [
      k,
      k.toUpperCase(),
      k.normalize('NFD').replace(/\p{M}/gu, '')
    ]);
    expect(disagreements(variants)).toEqual([]);
  });
});
