import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseTransitLinesGeojson,
  parseTransitModeRules,
  parseTransitRoutesCsv,
  parseTransitStopsCsv
} from '../../../src/lib/data/transit';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/transit/${name}`, import.meta.url), 'utf8');

const STOPS = 'sem_stops_with_lines.csv';
const ROUTES = 'sem_routes.csv';
const LINES = 'lignes_tag_sem.geojson';

describe('parseTransitStopsCsv', () => {
  const rows = parseTransitStopsCsv(fixture(STOPS), STOPS);

  it('reads every row, keeping ids as strings and splitting the pipe lists', () => {
    expect(rows).toHaveLength(9);
    const first = rows[0];
    expect(first).toEqual({
      stop_id: '0001',
      stop_code: '0001',
      stop_name: 'Ville-A, Gare',
      lon: 5.005,
      lat: 45.005,
      n_lines: 2,
      line_names: ['A', 'NAVA'],
      route_ids: ['A', 'NAVA'],
      route_types: ['0', '3']
    });
  });

  it('reads a stop area (no line) as empty lists', () => {
    const area = rows.find((r) => r.stop_code === 'GENGAREA');
    expect(area?.route_ids).toEqual([]);
    expect(area?.line_names).toEqual([]);
    expect(area?.n_lines).toBe(0);
  });

  it('does not carry the non-official derived_ columns', () => {
    expect(Object.keys(rows[0] ?? {}).filter((k) => k.startsWith('derived_'))).toEqual([]);
  });

  it('strips the CRLF line endings of the real files', () => {
    expect(rows.every((r) => !r.route_types.some((t) => t.includes('\r')))).toBe(true);
  });
});

describe('parseTransitRoutesCsv', () => {
  it('reads routes with numeric route_type and upper-case colours', () => {
    const rows = parseTransitRoutesCsv(fixture(ROUTES), ROUTES);
    expect(rows.map((r) => r.route_short_name)).toEqual(['A', 'B', '12', '20', 'C1', 'NAVA']);
    expect(rows[0]).toEqual({
      route_id: 'A',
      route_short_name: 'A',
      route_type: 0,
      route_color: '0055AA',
      route_text_color: 'FFFFFF'
    });
  });

  it('accepts lower-case and empty (GTFS default) colours', () => {
    const text = fixture(ROUTES).replace('0055AA,FFFFFF,1,TRAM', '0055aa,,1,TRAM');
    const rows = parseTransitRoutesCsv(text, ROUTES);
    expect(rows[0]?.route_color).toBe('0055AA');
    expect(rows[0]?.route_text_color).toBe('');
  });
});

describe('parseTransitLinesGeojson', () => {
  it('reads the features with their CODE and geometry', () => {
    const features = parseTransitLinesGeojson(fixture(LINES), LINES);
    expect(features.map((f) => f.properties.CODE)).toEqual([
      'SEM_A',
      'SEM_B',
      'SEM_C1',
      'SEM_12',
      'SEM_C6N'
    ]);
    expect(features[3]?.geometry.type).toBe('MultiLineString');
  });
});

describe('parseTransitModeRules', () => {
  it('reads the shipped parameters file', () => {
    const text = readFileSync(
      new URL('../../../data/parameters/transit-modes.json', import.meta.url),
      'utf8'
    );
    const rules = parseTransitModeRules(text, 'transit-modes.json');
    expect(new RegExp(rules.chronoShortNamePattern).test('C10')).toBe(true);
    expect(new RegExp(rules.temporaryShuttlePattern).test('NAVE')).toBe(true);
    expect(rules.tramRouteTypes).toContain(0);
  });
});

describe('bad input gives a message naming the file, the line and the field', () => {
  const stops = fixture(STOPS);
  const routes = fixture(ROUTES);
  const lines = fixture(LINES);
  const cases: { name: string; run: () => unknown; message: string | RegExp }[] = [
    {
      name: 'missing column',
      run: () => parseTransitStopsCsv(stops.replace(',lon,lat,', ',lon,latitude,'), STOPS),
      message: 'sem_stops_with_lines.csv, ligne 1 : colonne manquante « lat »'
    },
    {
      name: 'two missing columns',
      run: () =>
        parseTransitRoutesCsv(
          routes.replace('route_color,route_text_color', 'couleur,couleur_texte'),
          ROUTES
        ),
      message: 'sem_routes.csv, ligne 1 : colonnes manquantes « route_color », « route_text_color »'
    },
    {
      name: 'non-numeric lat',
      run: () => parseTransitStopsCsv(stops.replace('5.003,45.007', '5.003,abc'), STOPS),
      message: 'sem_stops_with_lines.csv, ligne 3, champ lat : nombre attendu, reçu « abc »'
    },
    {
      name: 'decimal comma in lon',
      run: () => parseTransitStopsCsv(stops.replace('5.015,45.005', '"5,015",45.005'), STOPS),
      message: 'sem_stops_with_lines.csv, ligne 5, champ lon : nombre attendu, reçu « 5,015 »'
    },
    {
      name: 'latitude out of range',
      run: () => parseTransitStopsCsv(stops.replace('5.003,45.007', '5.003,145.007'), STOPS),
      message: 'sem_stops_with_lines.csv, ligne 3, champ lat : latitude hors de [-90, 90]'
    },
    {
      name: 'n_lines disagreeing with route_ids',
      run: () => parseTransitStopsCsv(stops.replace('45.007,1,NAVA', '45.007,2,NAVA'), STOPS),
      message:
        'sem_stops_with_lines.csv, ligne 3, champ n_lines : n_lines (2) ne correspond pas au nombre de route_ids (1)'
    },
    {
      name: 'row cut short',
      run: () => parseTransitStopsCsv(stops.replace(/\r\n0004,.*\r\n/, '\r\n0004,0004\r\n'), STOPS),
      message: /^sem_stops_with_lines\.csv, ligne 5 : CSV illisible/
    },
    {
      name: 'empty route_type',
      run: () => parseTransitRoutesCsv(routes.replace('B,B,0,', 'B,B,,'), ROUTES),
      message: 'sem_routes.csv, ligne 3, champ route_type : entier attendu, reçu «  »'
    },
    {
      name: 'bad colour',
      run: () => parseTransitRoutesCsv(routes.replace('33AA66', 'vert'), ROUTES),
      message:
        'sem_routes.csv, ligne 4, champ route_color : couleur hexadécimale à 6 chiffres attendue, reçu « vert »'
    },
    {
      name: 'duplicate route_id',
      run: () => parseTransitRoutesCsv(routes.replace('B,B,0', 'A,B,0'), ROUTES),
      message: 'sem_routes.csv, ligne 3, champ route_id : identifiant en double « A »'
    },
    {
      name: 'truncated GeoJSON',
      run: () => parseTransitLinesGeojson(lines.slice(0, lines.length - 40), LINES),
      message:
        /^lignes_tag_sem\.geojson, entité \d+ : JSON invalide à la ligne \d+, colonne \d+ : le texte s'arrête avant la fin des données \(fichier tronqué \?\)$/
    },
    {
      name: 'not a FeatureCollection',
      run: () => parseTransitLinesGeojson('{"type":"Feature"}', LINES),
      message: /^lignes_tag_sem\.geojson : FeatureCollection attendue, champ type : /
    },
    {
      name: 'feature with a point geometry',
      run: () =>
        parseTransitLinesGeojson(
          lines.replace(
            '"CODE":"SEM_B","type":"ligne","id":"SEM_B"},"geometry":{"type":"MultiLineString"',
            '"CODE":"SEM_B","type":"ligne","id":"SEM_B"},"geometry":{"type":"Point"'
          ),
          LINES
        ),
      message: /^lignes_tag_sem\.geojson, entité 2 \(SEM_B\), champ geometry/
    },
    {
      name: 'feature without CODE',
      run: () => parseTransitLinesGeojson(lines.replace('"CODE":"SEM_C1",', ''), LINES),
      message: /^lignes_tag_sem\.geojson, entité 3, champ properties\.CODE : /
    },
    {
      name: 'invalid regular expression in the rules',
      run: () =>
        parseTransitModeRules(
          JSON.stringify({
            version: 1,
            tramRouteTypes: [0],
            chronoShortNamePattern: '^C(\\d+$',
            temporaryShuttlePattern: '^NAV[A-Z]$',
            lineCodePrefix: 'SEM_',
            nearBorderM: 500
          }),
          'transit-modes.json'
        ),
      message:
        'transit-modes.json, champ chronoShortNamePattern : expression régulière invalide, reçu « ^C(\\d+$ »'
    }
  ];

  it.each(cases)('$name', ({ run, message }) => {
    expect(run).toThrow(message);
  });
});
