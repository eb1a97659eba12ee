/**
 * Source parsers refuse what would silently change a figure: a duplicate key, an implausible value,
 * an empty source and a broken geometry. Each case starts from a synthetic fixture in the real
 * format, changes one thing, and checks that the message names the file, the line or feature (with
 * the commune, QPV or stop code) and the field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeatureCollection } from '../../../src/lib/data/geojson';
import { parseInseeComparateur } from '../../../src/lib/data/insee';
import {
  parseQpv2024List,
  parseQpvCorrespondance,
  parseQpvPopulation
} from '../../../src/lib/data/qpv';
import { decodeWindows1252, implausibleSruRates, parseSruCsv } from '../../../src/lib/data/sru';
import {
  parseTransitLinesGeojson,
  parseTransitRoutesCsv,
  parseTransitStopsCsv
} from '../../../src/lib/data/transit';
import {
  communeContourFeatureSchema,
  gridCellFeatureSchema,
  qpv2015FeatureSchema
} from '../../../src/lib/schemas/sources/geo';

const HERE = import.meta.dirname;
const MIRROR = join(HERE, '../../fixtures/sources/mirror');
const text = (path: string) => readFileSync(join(MIRROR, path), 'utf8');
const transit = (name: string) => readFileSync(join(HERE, '../../fixtures/transit', name), 'utf8');

const SRU = decodeWindows1252(
  readFileSync(join(MIRROR, 'indicators/sru/donnees-sru-data-gouv-2025-v2_national.csv'))
);
const INSEE = text('indicators/logement/insee_base_cc_comparateur_rp2022_metropole_extract.csv');
const LISTE = text('geo/qpv-2024-isere-liste.csv');
const POPULATION = text('indicators/qpv/qpv_metropole_generation2015_ades.csv');
const CORRESPONDANCE = readFileSync(
  join(HERE, '../../fixtures/sources/qpv-correspondance.csv'),
  'utf8'
);
const CONTOURS = text('geo/communes-38-isere-adminexpress-cog2018.geojson');
const QPV2015 = text('geo/qpv-2015-isere.geojson');
const GRID = text('indicators/population_grid/filosofi2019_grid1km_men_metropole.geojson');
const STOPS = transit('sem_stops_with_lines.csv');
const ROUTES = transit('sem_routes.csv');
const LINES = transit('lignes_tag_sem.geojson');

/** The line break of a text (the transit extracts use CRLF, as GTFS files often do). */
const eol = (t: string) => (t.includes('\r\n') ? '\r\n' : '\n');
const lines = (t: string) => t.trimEnd().split(eol(t));
/** The text with `row` appended (as a last line). */
const append = (t: string, row: string) => `${t.trimEnd()}${eol(t)}${row}${eol(t)}`;
/** The header line alone. */
const headerOnly = (t: string) => `${lines(t)[0]}${eol(t)}`;
/** Line `n` (1-based) of the text with `from` replaced by `to`. */
function editLine(t: string, n: number, from: string | RegExp, to: string): string {
  const all = lines(t);
  const line = all[n - 1];
  if (line === undefined) throw new Error(`no line ${n}`);
  const edited = line.replace(from, to);
  if (edited === line) throw new Error(`line ${n} has no ${String(from)}`);
  all[n - 1] = edited;
  return `${all.join('\n')}\n`;
}

describe('duplicate keys stop the parser, naming both lines', () => {
  // The fixture's line 2 is commune 30003: a second row with LLS « 1 » and « 0,01% » would win.
  const sruDuplicate = append(SRU, (lines(SRU)[1] ?? '').replace(';1200;14,30%;', ';1;0,01%;'));

  it.each([
    [
      'a second SRU row for the same commune (LLS 1, rate 0,01 %)',
      () => parseSruCsv(sruDuplicate, 'sru.csv'),
      'sru.csv, ligne 7, champ « Code_INSEE_commune » : clé en double « 30003 » (déjà ligne 2)'
    ],
    [
      'a second INSEE comparateur row',
      () => parseInseeComparateur(append(INSEE, lines(INSEE)[2] ?? ''), 'insee.csv'),
      'insee.csv, ligne 4, champ « CODGEO » : clé en double « 30133 » (déjà ligne 3)'
    ],
    [
      'a QPV × commune pair twice in the 2024 list',
      () => parseQpv2024List(append(LISTE, lines(LISTE)[1] ?? ''), 'liste.csv'),
      'liste.csv, ligne 5, champ « code_qp » : clé en double « QN03001M × 30003 » (déjà ligne 2)'
    ],
    [
      'a QPV population row twice',
      () => parseQpvPopulation(append(POPULATION, lines(POPULATION)[1] ?? ''), 'pop.csv'),
      'pop.csv, ligne 4, champ « qpv_name » : clé en double « Quartier Fictif – Nord × 30003 » (déjà ligne 2)'
    ],
    [
      'a 2015 QPV with two successors',
      () =>
        parseQpvCorrespondance(
          append(
            CORRESPONDANCE,
            (lines(CORRESPONDANCE)[1] ?? '').replace(/QN\d{5}[A-Z]/, 'QN03099M')
          ),
          'corr.csv'
        ),
      /^corr\.csv, ligne \d+, champ « code_2015 » : clé en double « QP030001 » \(déjà ligne 2\)$/
    ],
    [
      'a stop id twice',
      () => parseTransitStopsCsv(append(STOPS, lines(STOPS)[1] ?? ''), 'stops.csv'),
      /^stops\.csv, ligne 11, champ stop_id : identifiant en double « 0001 » \(déjà ligne 2\)$/
    ],
    [
      'a route id twice',
      () => parseTransitRoutesCsv(append(ROUTES, lines(ROUTES)[1] ?? ''), 'routes.csv'),
      /^routes\.csv, ligne \d+, champ route_id : identifiant en double/
    ]
  ])('%s', (_name, run, message) => {
    expect(run).toThrow(message);
  });

  it('a QPV over two communes has two list rows: that is not a duplicate', () => {
    const twoCommunes = append(
      LISTE,
      'QN03001M,Quartier Fictif Nord Élargi,30133,Grau Fictif,Grau Fictif,non'
    );
    expect(
      parseQpv2024List(twoCommunes, 'liste.csv').filter((r) => r.code_qp === 'QN03001M')
    ).toHaveLength(2);
  });

  it.each([
    [
      'a commune contour twice (its area would double)',
      () => {
        const fc = JSON.parse(CONTOURS) as { features: unknown[] };
        fc.features.push(fc.features[0]);
        return parseFeatureCollection(
          JSON.stringify(fc),
          'c.geojson',
          communeContourFeatureSchema,
          {
            idProperty: 'code'
          }
        );
      },
      'c.geojson, entité 4 (30003), champ « properties.code » : identifiant en double « 30003 » (déjà entité 0)'
    ],
    [
      'a 2015 QPV perimeter twice',
      () => {
        const fc = JSON.parse(QPV2015) as { features: unknown[] };
        fc.features.push(fc.features[1]);
        return parseFeatureCollection(JSON.stringify(fc), 'q.geojson', qpv2015FeatureSchema, {
          idProperty: 'CODE_QP'
        });
      },
      'q.geojson, entité 2 (QP030002), champ « properties.CODE_QP » : identifiant en double « QP030002 » (déjà entité 1)'
    ],
    [
      'a line geometry twice',
      () => {
        const fc = JSON.parse(LINES) as { features: unknown[] };
        fc.features.push(fc.features[0]);
        return parseTransitLinesGeojson(JSON.stringify(fc), 'l.geojson');
      },
      /^l\.geojson, entité \d+ \(SEM_A\), champ properties\.CODE : ligne en double \(déjà entité 1\)$/
    ]
  ])('%s', (_name, run, message) => {
    expect(run).toThrow(message);
  });
});

describe('implausible values', () => {
  it.each([
    [
      'vacancy above 100 % (vacant > all homes)',
      'P22_LOGVAC',
      /;399;/,
      ';5001;',
      'plus de logements vacants que de logements (vacance au-delà de 100 %) (5001 > 5000.25)'
    ],
    [
      'more main homes than homes',
      'P22_RP',
      /;4000\.5;600/,
      ';5000.5;600',
      'plus de résidences principales que de logements (5000.5 > 5000.25)'
    ],
    [
      'owners above main homes',
      'P22_RP_PROP',
      /;2100\.125;/,
      ';4100;',
      'plus de ménages propriétaires que de résidences principales (4100 > 4000.5)'
    ],
    [
      'a poverty rate above 100 %',
      'TP6021',
      /;17,5;/,
      ';117,5;',
      'taux de pauvreté de 117.5 % hors de 0–100 %'
    ]
  ])('INSEE: %s', (_name, field, from, to, detail) => {
    expect(() => parseInseeComparateur(editLine(INSEE, 2, from, to), 'insee.csv')).toThrow(
      `insee.csv, ligne 2 (30003), champ « ${field} » : ${detail}`
    );
  });

  it('SRU: lists a rate above 100 % with its line, commune and real column', () => {
    const table = parseSruCsv(editLine(SRU, 3, '26,10%', '2610%'), 'sru.csv');
    const found = implausibleSruRates(table, 'sru.csv');
    expect(found.map((f) => [f.code, f.error.message])).toEqual([
      [
        '30133',
        'sru.csv, ligne 3 (30133), champ « Taux_SRU_au_01_01_2024 » : taux de 2610 % hors de 0–100 %'
      ]
    ]);
    expect(implausibleSruRates(parseSruCsv(SRU, 'sru.csv'), 'sru.csv')).toEqual([]);
  });
});

describe('empty or truncated sources are errors, never a row of zeros', () => {
  it.each([
    [
      'SRU',
      () => parseSruCsv(headerOnly(SRU), 'sru.csv'),
      'sru.csv, ligne 2 : aucune ligne de données après l’en-tête'
    ],
    [
      'INSEE',
      () => parseInseeComparateur(headerOnly(INSEE), 'insee.csv'),
      'insee.csv, ligne 2 : aucune ligne de données après l’en-tête'
    ],
    [
      'QPV list',
      () => parseQpv2024List(headerOnly(LISTE), 'liste.csv'),
      'liste.csv, ligne 2 : aucune ligne de données après l’en-tête'
    ],
    [
      'stops',
      () => parseTransitStopsCsv(headerOnly(STOPS), 'stops.csv'),
      'stops.csv, ligne 2 : aucune ligne de données après l’en-tête'
    ],
    [
      'routes',
      () => parseTransitRoutesCsv(headerOnly(ROUTES), 'routes.csv'),
      'routes.csv, ligne 2 : aucune ligne de données'
    ],
    [
      'contours',
      () =>
        parseFeatureCollection(
          '{"type":"FeatureCollection","features":[]}',
          'c.geojson',
          communeContourFeatureSchema
        ),
      'c.geojson, champ « features » : aucune entité'
    ],
    [
      'lines',
      () => parseTransitLinesGeojson('{"type":"FeatureCollection","features":[]}', 'l.geojson'),
      'l.geojson, champ features : aucune entité'
    ]
  ])('%s with a header (or a collection) and nothing else', (_name, run, message) => {
    expect(run).toThrow(message);
  });

  it('a GeoJSON cut mid-way names the feature being written', () => {
    const cut = GRID.slice(0, GRID.indexOf('CRS3035RES1000mN1001000E1000000') + 10);
    expect(() => parseFeatureCollection(cut, 'g.geojson', gridCellFeatureSchema)).toThrow(
      /^g\.geojson, ligne 1, entité 1 : JSON invalide .*\(fichier tronqué \?\)$/
    );
  });

  it('a CSV row cut short names its line', () => {
    const cut = `${SRU.trimEnd().slice(0, -40)}\n`;
    expect(() => parseSruCsv(cut, 'sru.csv')).toThrow(
      /^sru\.csv, ligne 6 : 23 champs attendus, \d+ trouvés/
    );
  });

  it('a quote left open names the line and the column', () => {
    const open = editLine(POPULATION, 2, 'Quartier Fictif – Nord', '"Quartier Fictif – Nord');
    expect(() => parseQpvPopulation(open, 'pop.csv')).toThrow(
      /^pop\.csv, ligne 2, champ « qpv_name » : guillemets déséquilibrés \(.*\) : les lignes suivantes ont pu être fusionnées dans celle-ci$/
    );
  });

  it('a quote closed one line later (right field count, no parser error) is still caught', () => {
    // Line 3 would be swallowed into line 2, leaving a row with exactly 7 fields.
    const opened = editLine(POPULATION, 2, 'Quartier Fictif – Nord', '"Quartier Fictif – Nord');
    const merged = editLine(opened, 3, 'Quartier Inconnu,', 'Quartier Inconnu",');
    expect(() => parseQpvPopulation(merged, 'pop.csv')).toThrow(
      'pop.csv, ligne 2, champ « qpv_name » : valeur entre guillemets sur plusieurs lignes : un guillemet n’est pas fermé et les lignes suivantes ont été fusionnées dans celle-ci'
    );
  });
});

describe('geometry errors name the file, the feature, the commune or QPV code and the field', () => {
  const withFirstRing = (fc: string, ring: number[][]) => {
    const json = JSON.parse(fc) as { features: { geometry: { coordinates: number[][][] } }[] };
    const first = json.features[0];
    if (first) first.geometry.coordinates = [ring];
    return JSON.stringify(json);
  };
  const bowtie = [
    [2.0, 40.0],
    [2.1, 40.1],
    [2.1, 40.0],
    [2.0, 40.1],
    [2.0, 40.0]
  ];
  const unclosed = [
    [2.0, 40.0],
    [2.1, 40.0],
    [2.1, 40.1],
    [2.0, 40.1],
    [2.0, 40.05]
  ];
  const lon500 = [
    [2.0, 40.0],
    [500, 40.0],
    [2.1, 40.1],
    [2.0, 40.0]
  ];

  it.each([
    [
      'self-intersection',
      bowtie,
      'geometry.coordinates',
      /polygone auto-sécant \(1 croisement\(s\), le premier en \[2\.05, 40\.05\]\)/
    ],
    [
      'unclosed ring',
      unclosed,
      'geometry.coordinates[0]',
      /anneau non fermé : sa dernière position \[2, 40\.05\] diffère de la première \[2, 40\]/
    ],
    ['longitude 500', lon500, 'geometry.coordinates[0][1]', /coordonnée \[500, 40\] hors limites/]
  ])('commune contour: %s', (_name, ring, field, detail) => {
    const run = () =>
      parseFeatureCollection(
        withFirstRing(CONTOURS, ring),
        'c.geojson',
        communeContourFeatureSchema,
        {
          idProperty: 'code'
        }
      );
    expect(run).toThrow(`c.geojson, entité 0 (30003), champ « ${field} » : `);
    expect(run).toThrow(detail);
  });

  it('QPV perimeter: a self-intersection names the QPV code', () => {
    expect(() =>
      parseFeatureCollection(withFirstRing(QPV2015, bowtie), 'q.geojson', qpv2015FeatureSchema, {
        idProperty: 'CODE_QP'
      })
    ).toThrow(
      'q.geojson, entité 0 (QP030001), champ « geometry.coordinates » : polygone auto-sécant'
    );
  });

  it('self-intersections are only searched where asked (the EPCI département)', () => {
    const features = parseFeatureCollection(
      withFirstRing(CONTOURS, bowtie),
      'c.geojson',
      communeContourFeatureSchema,
      { idProperty: 'code', checkKinks: (p) => p.code !== '30003' }
    );
    expect(features).toHaveLength(4);
  });
});
