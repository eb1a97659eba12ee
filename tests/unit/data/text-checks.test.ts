import { describe, expect, it } from 'vitest';
import { SourceFormatError } from '../../../src/lib/data/errors';
import {
  assertCsvNotCut,
  assertEncoding,
  csvLocation,
  findEncodingProblem,
  geojsonLocation
} from '../../../src/lib/data/text-checks';
import { decodeWindows1252 } from '../../../src/lib/data/windows-1252';
import { encodeWindows1252 } from '../../fixtures/sources/generate-encoding';

const utf8 = (s: string) => new TextEncoder().encode(s);
const asUtf8 = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

describe('findEncodingProblem', () => {
  it.each([
    [
      'Latin-1 bytes read as UTF-8',
      asUtf8(encodeWindows1252('Échirolles')),
      'utf-8',
      /séquence d’octets UTF-8 invalide/
    ],
    [
      'UTF-8 bytes read as Windows-1252 (é)',
      decodeWindows1252(utf8('Grenoble, Villeneuve, é')),
      'windows-1252',
      /texte UTF-8 lu comme du Windows-1252 \(« Ã© »\)/
    ],
    [
      'UTF-8 bytes read as Windows-1252 (€)',
      decodeWindows1252(utf8('46 559,19 €')),
      'windows-1252',
      /« â‚¬ »/
    ],
    [
      'UTF-8 text decoded twice',
      asUtf8(utf8(decodeWindows1252(utf8('Fontaine à côté')))),
      'utf-8',
      /décodé deux fois \(« Ã\u00a0 »\)/
    ],
    [
      'unassigned Windows-1252 byte 0x81',
      decodeWindows1252(new Uint8Array([0x41, 0x81, 0x42])),
      'windows-1252',
      /octet de contrôle 0x81/
    ]
  ] as const)('%s', (_name, text, encoding, detail) => {
    expect(findEncodingProblem(text, encoding)?.detail).toMatch(detail);
  });

  it.each([
    ['French UTF-8', 'Échirolles, Saint-Martin-d’Hères, « 25,10 % », 46 559,19 €, Œuvre'],
    [
      'Windows-1252 decoded right',
      decodeWindows1252(encodeWindows1252('Prélèvement_net ; 46 559,19 €'))
    ]
  ])('accepts %s', (_name, text) => {
    expect(findEncodingProblem(text, 'utf-8')).toBeNull();
    expect(findEncodingProblem(text, 'windows-1252')).toBeNull();
  });
});

describe('locating a character', () => {
  const csv =
    'code_qp,lib_qp,insee_com\nQN03801M,La Luire,38151\nQN03802M,"Village, Olympique",38185\n';

  it('gives the CSV line (header = 1) and the column name, quotes respected', () => {
    expect(csvLocation(csv, csv.indexOf('Luire'))).toEqual({ line: 2, field: 'lib_qp' });
    expect(csvLocation(csv, csv.indexOf('38185'))).toEqual({ line: 3, field: 'insee_com' });
  });

  it('gives the GeoJSON feature index, property and identifier', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { CODE_QP: 'QP038001', NOM_QP: 'Un' }, geometry: null },
        { type: 'Feature', properties: { CODE_QP: 'QP038002', NOM_QP: 'Mistral' }, geometry: null }
      ]
    });
    expect(geojsonLocation(text, text.indexOf('Mistral'))).toEqual({
      feature: 1,
      field: 'properties.NOM_QP',
      id: 'QP038002'
    });
  });
});

describe('assertEncoding', () => {
  it('names the file, the line and the column of a « � » in a UTF-8 CSV', () => {
    const bytes = new Uint8Array([
      ...utf8('code_qp,lib_qp,insee_com\nQN03801M,La Luire,38151\nQN03803M,'),
      ...encodeWindows1252('Le Village Olympique – Échirolles'.replace('–', '-')),
      ...utf8(',38151\n')
    ]);
    expect(() =>
      assertEncoding(asUtf8(bytes), { file: 'liste.csv', encoding: 'utf-8', format: 'csv' })
    ).toThrow(/^liste\.csv, ligne 3, champ « lib_qp » : séquence d’octets UTF-8 invalide/);
  });

  it('names the feature, its code and the property in a GeoJSON', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: '38151', nom: 'Ã‰chirolles' }, geometry: null }
      ]
    });
    let error: unknown;
    try {
      assertEncoding(text, { file: 'c.geojson', encoding: 'utf-8', format: 'geojson' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SourceFormatError);
    expect((error as SourceFormatError).message).toMatch(
      /^c\.geojson, ligne 1, entité 0 \(38151\), champ « properties\.nom » : texte UTF-8 décodé deux fois/
    );
  });
});

describe('assertCsvNotCut', () => {
  it('accepts a file ending with a line break', () => {
    expect(() => assertCsvNotCut('a;b\n1;2\n', 'x.csv')).not.toThrow();
  });

  it('names the last line of a file cut mid-row', () => {
    expect(() => assertCsvNotCut('a;b\n1;2\n3;0,0', 'x.csv')).toThrow(
      /^x\.csv, ligne 3 : le fichier ne se termine pas par un saut de ligne/
    );
  });
});
