import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readCsvTable, validateRows } from '../../../src/lib/data/csv';

describe('readCsvTable', () => {
  it('keeps codes as strings and numbers lines from the header', () => {
    const t = readCsvTable('code;n\n01001;1\n2A004;2\n', {
      file: 'f.csv',
      delimiter: ';',
      requiredColumns: ['code']
    });
    expect(t.rows).toEqual([
      { line: 2, values: { code: '01001', n: '1' } },
      { line: 3, values: { code: '2A004', n: '2' } }
    ]);
  });

  it('strips a UTF-8 BOM from the first column name', () => {
    const t = readCsvTable('\ufeffcode,n\n01001,1\n', {
      file: 'f.csv',
      delimiter: ',',
      requiredColumns: ['code']
    });
    expect(t.header).toEqual(['code', 'n']);
  });

  it('names the file and the missing column', () => {
    expect(() =>
      readCsvTable('code;n\n01001;1\n', {
        file: 'f.csv',
        delimiter: ';',
        requiredColumns: ['rate']
      })
    ).toThrow('f.csv, ligne 1, champ « rate » : colonne « rate » absente de l’en-tête');
  });

  it('names the line of a truncated row', () => {
    expect(() =>
      readCsvTable('a;b;c\n1;2;3\n4;5\n', { file: 'f.csv', delimiter: ';', requiredColumns: [] })
    ).toThrow('f.csv, ligne 3 : 3 champs attendus, 2 trouvés (ligne tronquée ou décalée)');
  });

  it('rejects an empty file', () => {
    expect(() =>
      readCsvTable('  \n', { file: 'f.csv', delimiter: ';', requiredColumns: [] })
    ).toThrow('f.csv : fichier vide');
  });
});

describe('validateRows', () => {
  it('names the line and field of the first invalid row', () => {
    const table = readCsvTable('code;n\n01001;1\n01002;x\n', {
      file: 'f.csv',
      delimiter: ';',
      requiredColumns: []
    });
    const schema = z.object({ code: z.string(), n: z.string().regex(/^\d+$/, 'nombre attendu') });
    expect(() => validateRows(table, schema, 'f.csv')).toThrow(
      'f.csv, ligne 3, champ « n » : nombre attendu (reçu « x »)'
    );
  });
});
