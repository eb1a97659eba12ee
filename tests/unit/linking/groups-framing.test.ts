import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseWorkshopCsv } from '../../../src/lib/data/workshop';
import { buildPropositionsCsv } from '../../../src/lib/export/propositions-csv';
import { framedBlocks, framingLinesOf } from '../../../src/lib/linking/framing';
import { groupItemsByReason, reasonKey } from '../../../src/lib/linking/groups';
import { evidence, item, profile } from './helpers';

const { items: base } = parseWorkshopCsv(
  readFileSync(resolve(import.meta.dirname, '../../../data/workshop/propositions.csv'), 'utf8')
);
const byId = new Map(base.map((i) => [i.id, i]));

describe('framing lines of the real base', () => {
  it.each([
    ['T1-ID-11', ['T1-ID-Q1']],
    ['T1-ID-15', ['T1-ID-Q1']],
    ['T1-ID-10', []],
    ['T1-ID-16', []],
    ['T2-PB-01', ['T2-PB-Q1']],
    ['T3-PB-01.1', ['T3-PB-Q1', 'T3-PB-Q2']],
    ['T3-ID-01', []]
  ])('%s is headed by %j', (id, expected) => {
    expect(framingLinesOf(byId.get(id)!, base).map((i) => i.id)).toEqual(expected);
  });
  it('gathers T1-ID-11 to T1-ID-15 under « Pour cela, il faudrait : »', () => {
    const col = base.filter((i) => i.theme === 1 && i.column === 'ideal');
    const { columnIntros, blocks } = framedBlocks(
      col.filter((i) => i.kind !== 'intro'),
      (i) => i,
      col.filter((i) => i.kind === 'intro'),
      base
    );
    expect(columnIntros).toEqual([]);
    expect(blocks.map((b) => [b.heading?.text ?? null, b.entries.length])).toEqual([
      [null, 10],
      ['Pour cela, il faudrait :', 5],
      [null, 7]
    ]);
  });
});

describe('groupItemsByReason', () => {
  const p = profile('99001', [
    evidence('sru_carencee', 1, 'est carencée SRU avec 13,8 % de LLS'),
    evidence('sru_deficitaire', 0.6, 'est déficitaire SRU avec 13,8 % de LLS'),
    evidence('qpv', 0.3, 'compte 1 quartier prioritaire')
  ]);
  const items = [
    item('T1-PB-11', ['sru_deficitaire', 'sru_carencee']),
    item('T1-AC-09', ['sru_deficitaire']),
    item('T4-PB-02', ['qpv']),
    item('T1-AC-02', ['qpv', 'sru_deficitaire']),
    item('T3-ID-01', ['tous'])
  ];
  const g = groupItemsByReason({ ...p, nom: 'Villefictive' }, items);
  it('groups by the reason shown, with a stable key and a French title', () => {
    expect(g.groups.map((x) => [x.key, x.items.map((l) => l.item.id)])).toEqual([
      ['sru_carencee', ['T1-PB-11']],
      // Same score and size: by key.
      ['sru_deficitaire', ['T1-AC-09']],
      ['sru_deficitaire+qpv', ['T1-AC-02']],
      ['qpv', ['T4-PB-02']]
    ]);
    expect(g.groups[0]?.title).toBe(
      'Parce que Villefictive est carencée SRU avec 13,8 % de logements locatifs sociaux (LLS)'
    );
    expect(g.universal.map((l) => l.item.id)).toEqual(['T3-ID-01']);
  });
  it('orders the tags of a key like the clauses', () => {
    expect(reasonKey(['sans_tc', 'qpv', 'sru_deficitaire'])).toBe('sru_deficitaire+qpv+sans_tc');
  });
});

describe('propositions-par-territoire.csv', () => {
  const p = profile('38229', [
    evidence('sru_deficitaire', 0.5, 'est déficitaire SRU avec 12 % de LLS')
  ]);
  const q = {
    ...profile('QN03811M', [evidence('qpv', 1, 'est un quartier prioritaire')]),
    kind: 'qpv' as const
  };
  const csv = buildPropositionsCsv(
    [
      item('T1-AC-09', ['sru_deficitaire']),
      item('T4-PB-02', ['qpv']),
      item('T3-ID-01', ['tous']),
      item('T1-ID-Q1', [])
    ],
    [q, p]
  );
  it('starts with a BOM, uses « ; » and CRLF, one row per (territory, item)', () => {
    expect(
      csv.startsWith(
        '\ufeffcode_territoire;type_territoire;nom_territoire;id_proposition;theme;colonne;universelle;raison\r\n'
      )
    ).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data.filter(
      (r) => r.length > 1
    );
    expect(rows.slice(1).map((r) => r.slice(0, 7))).toEqual([
      ['38229', 'commune', 'Commune 38229', 'T1-AC-09', '1', 'action', 'non'],
      ['38229', 'commune', 'Commune 38229', 'T3-ID-01', '3', 'ideal', 'oui'],
      ['QN03811M', 'qpv', 'Commune QN03811M', 'T4-PB-02', '4', 'probleme', 'non'],
      ['QN03811M', 'qpv', 'Commune QN03811M', 'T3-ID-01', '3', 'ideal', 'oui']
    ]);
    expect(rows[1]?.[7]).toBe(
      'Affiché car la commune est déficitaire SRU avec 12 % de logements locatifs sociaux (LLS).'
    );
  });
});
