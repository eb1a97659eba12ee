import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  normalizeName,
  searchTerritories
} from '../../../src/lib/search/territory-search';

describe('normalizeName', () => {
  it.each([
    ["Saint-Martin-d'Hères", 'saint martin d heres'],
    ['Saint-Martin-d’Hères', 'saint martin d heres'],
    ["st martin d'heres", 'saint martin d heres'],
    ['St-Égrève', 'saint egreve'],
    ['Ste Agnès', 'sainte agnes'],
    ['Le Pont-de-Claix', 'le pont de claix'],
    ['  ÉCHIROLLES  ', 'echirolles'],
    ['Villeneuve – Village Olympique', 'villeneuve village olympique'],
    ['Cœur de ville', 'coeur de ville'],
    ['Stade', 'stade'],
    ['', '']
  ])('« %s » → « %s »', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });
});

// Synthetic index in the real shape: names as the COG writes them, QPV as the ANCT lists them.
const index = buildSearchIndex({
  communes: [
    { code: '38185', nom: 'Grenoble' },
    { code: '38421', nom: "Saint-Martin-d'Hères" },
    { code: '38151', nom: 'Échirolles' },
    { code: '38485', nom: 'Seyssinet-Pariset' },
    { code: '38486', nom: 'Seyssins' },
    { code: '38317', nom: 'Le Pont-de-Claix' },
    { code: '38111', nom: 'Claix' },
    { code: '38382', nom: 'Saint-Égrève' },
    { code: '38423', nom: 'Saint-Martin-le-Vinoux' }
  ],
  qpv: [
    { code: 'QN03801M', nom: 'Village Olympique - Grand Place', communes: ['38185', '38151'] },
    { code: 'QN03805M', nom: 'Renaudie - Champberton - La Plaine', communes: ['38421'] },
    { code: 'QN03808M', nom: 'Iles de Mars - Olympiades', communes: ['38317'] }
  ]
});
const labels = (q: string, limit?: number) =>
  searchTerritories(index, q, limit).map((e) => e.label);

describe('searchTerritories', () => {
  it.each<[string, string]>([
    ['seyssinet', 'Seyssinet-Pariset'],
    ["st martin d'heres", "Saint-Martin-d'Hères"],
    ['ST MARTIN D HERES', "Saint-Martin-d'Hères"],
    ['saint-martin-d’hères', "Saint-Martin-d'Hères"],
    ['pont de claix', 'Le Pont-de-Claix'],
    ['pont-de-claix', 'Le Pont-de-Claix'],
    ['echirolles', 'Échirolles'],
    ['ÉCHIROLLES', 'Échirolles'],
    ['st egreve', 'Saint-Égrève'],
    ['grenob', 'Grenoble'],
    ['village olymp', 'Village Olympique - Grand Place'],
    ['renaudie', 'Renaudie - Champberton - La Plaine'],
    ['QN03805', 'Renaudie - Champberton - La Plaine']
  ])('« %s » finds « %s » first', (query, expected) => {
    expect(labels(query)[0]).toBe(expected);
  });

  it('ranks the name beginning with the query first, then word prefixes, then inner text', () => {
    // « Claix » begins with « claix »; « Le Pont-de-Claix » only has a word beginning so.
    expect(labels('claix').slice(0, 2)).toEqual(['Claix', 'Le Pont-de-Claix']);
    expect(labels('seyssin')).toEqual(['Seyssinet-Pariset', 'Seyssins']);
  });

  it('lists the communes before their QPV, and finds a QPV by its commune', () => {
    expect(labels('echirolles')).toEqual(['Échirolles', 'Village Olympique - Grand Place']);
    const hit = searchTerritories(index, 'olympiades')[0];
    expect(hit?.kind).toBe('qpv');
    expect(hit?.code).toBe('QN03808M');
    expect(hit?.detail).toBe('Quartier prioritaire — Le Pont-de-Claix');
  });

  it('tells the two Saint-Martin apart and narrows on more words', () => {
    // The QPV of Saint-Martin-d'Hères follows, found through its commune.
    expect(labels('st martin')).toEqual([
      "Saint-Martin-d'Hères",
      'Saint-Martin-le-Vinoux',
      'Renaudie - Champberton - La Plaine'
    ]);
    expect(labels('st martin vinoux')).toEqual(['Saint-Martin-le-Vinoux']);
  });

  it.each(['', '   ', "'-", 'zzz', 'lyon'])('« %s » finds nothing', (query) => {
    expect(labels(query)).toEqual([]);
  });

  it('keeps at most `limit` results', () => {
    expect(labels('s', 2)).toHaveLength(2);
  });
});

describe('on the real list of the Métropole’s 49 communes', () => {
  const require = createRequire(import.meta.url);
  const epci = (
    require('@etalab/decoupage-administratif/data/epci.json') as {
      code: string;
      membres: { code: string; nom: string }[];
    }[]
  ).find((e) => e.code === '200040715');
  const real = buildSearchIndex({ communes: epci?.membres ?? [], qpv: [] });

  it('has the 49 communes', () => expect(real).toHaveLength(49));

  it.each([
    ['seyssinet', 'Seyssinet-Pariset'],
    ["st martin d'heres", "Saint-Martin-d'Hères"],
    ['pont de claix', 'Le Pont-de-Claix'],
    ['st egreve', 'Saint-Égrève'],
    ['varces', 'Varces-Allières-et-Risset'],
    ['fontaine', 'Fontaine']
  ])('« %s » → « %s »', (query, expected) => {
    expect(searchTerritories(real, query)[0]?.label).toBe(expected);
  });

  it('every commune is found first by its own name typed without accents or hyphens', () => {
    for (const e of real) {
      const typed = e.label
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[-']/g, ' ')
        .toLowerCase();
      expect(searchTerritories(real, typed)[0]?.code, typed).toBe(e.code);
    }
  });
});
