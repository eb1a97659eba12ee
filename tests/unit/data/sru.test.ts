import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWindows1252, parseSruCsv } from '../../../src/lib/data/sru';

const FILE = join(
  import.meta.dirname,
  '../../fixtures/sources/mirror/indicators/sru/donnees-sru-data-gouv-2025-v2_national.csv'
);
const bytes = readFileSync(FILE);
const text = decodeWindows1252(bytes);

describe('decodeWindows1252', () => {
  it('decodes « € » (0x80), « É » (0xC9) and NBSP (0xA0) as Windows-1252 does', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x20, 0xc9, 0xa0, 0x92]))).toBe('€ É\u00a0’');
  });

  it('is needed: the fixture really is Windows-1252, not UTF-8', () => {
    expect(bytes.includes(0x80)).toBe(true);
    expect(new TextDecoder('utf-8').decode(bytes)).toContain('\ufffd');
  });
});

describe('parseSruCsv', () => {
  const table = parseSruCsv(text, 'sru.csv');
  const byCode = new Map(table.rows.map((r) => [r.code, r]));

  it('reads the inventory date and the period from the dated column names', () => {
    expect(table.inventoryDate).toBe('2024-01-01');
    expect(table.period).toBe('2023-2025');
  });

  it('reads French numbers, flags and codes as strings', () => {
    expect(byCode.get('30003')).toMatchObject({
      nom: 'COMMUNE FICTIVE UN',
      epci: '243000650',
      population: 9000,
      subject: true,
      lls: 1200,
      ratePct: 14.3,
      deficitaire: true,
      carencee: true,
      exemptee: false,
      targetPct: 25,
      levyEur: 46559.19,
      line: 2
    });
    expect(byCode.get('2A004')?.code).toBe('2A004');
    expect(byCode.get('34172')?.nom).toBe('VILLE FICTIVE ÉLEVÉE');
  });

  it('reads a space-separated amount and the quoted « 38;62% » quirk with a warning', () => {
    expect(byCode.get('30189')).toMatchObject({ ratePct: 38.62, levyEur: 1234.5 });
    expect(table.warnings).toEqual([
      'ligne 4 : taux « 38;62% » lu avec « ; » comme virgule décimale'
    ]);
  });

  it("reads the previous year's subject flag: subject now, not then = newly subject", () => {
    const byCode = new Map(table.rows.map((r) => [r.code, r]));
    expect(byCode.get('30003')).toMatchObject({ subject: true, subjectPrevious: true });
    expect(byCode.get('2A004')).toMatchObject({ subject: true, subjectPrevious: false });
    const single = parseSruCsv(
      text.replace('Commune_sru_au_01_01_2024', 'Autre_colonne'),
      'sru.csv'
    );
    expect(single.rows[0]?.subjectPrevious).toBeUndefined();
  });

  it('reads textual markers as no figure (null), never 0', () => {
    expect(byCode.get('2A004')).toMatchObject({ lls: null, ratePct: null, subject: true });
    expect(byCode.get('34172')).toMatchObject({ lls: null, ratePct: null, exemptee: true });
  });

  it('rejects a non-numeric rate, naming file, line and real column', () => {
    const bad = text.replace('14,30%', 'quatorze');
    expect(() => parseSruCsv(bad, 'sru.csv')).toThrow(
      'sru.csv, ligne 2, champ « Taux_SRU_au_01_01_2024 » : pourcentage attendu, de la forme « 25,10% » (reçu « quatorze »)'
    );
  });

  it('rejects a missing dated column', () => {
    const bad = text.replace('Taux_cible_commune_2023_2025', 'Taux_cible');
    expect(() => parseSruCsv(bad, 'sru.csv')).toThrow(
      /sru\.csv, ligne 1, champ « targetPct » : aucune colonne de l’en-tête ne correspond à/
    );
  });

  it('rejects a missing fixed column', () => {
    const bad = text.replace('Code_INSEE_commune', 'Code_commune');
    expect(() => parseSruCsv(bad, 'sru.csv')).toThrow(
      'sru.csv, ligne 1, champ « Code_INSEE_commune » : colonne « Code_INSEE_commune » absente de l’en-tête'
    );
  });

  it('rejects a bad INSEE code', () => {
    const bad = text.replace(';30133;', ';3013;');
    expect(() => parseSruCsv(bad, 'sru.csv')).toThrow(
      'sru.csv, ligne 3, champ « Code_INSEE_commune » : code INSEE invalide (reçu « 3013 »)'
    );
  });

  it('rejects a truncated file (last row cut)', () => {
    const cut = text.slice(0, text.lastIndexOf(';0,00'));
    expect(() => parseSruCsv(cut, 'sru.csv')).toThrow(
      'sru.csv, ligne 6 : 23 champs attendus, 22 trouvés (ligne tronquée ou décalée)'
    );
  });
});
