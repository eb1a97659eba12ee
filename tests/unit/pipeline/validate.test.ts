/**
 * Cross-source checks of the build (scripts/lib/validate.ts) and the walking-radius bounds, on the
 * synthetic fixtures and on the real mirror read in place.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJson } from '../../../scripts/lib/indicators-step';
import {
  assertFeaturesInBbox,
  assertLlsWithinDwellings,
  assertStopsInBbox,
  checkSruRates,
  departementBbox,
  departementOf
} from '../../../scripts/lib/validate';
import { parseFeatureCollection } from '../../../src/lib/data/geojson';
import { parseInseeComparateur } from '../../../src/lib/data/insee';
import { decodeWindows1252, parseSruCsv } from '../../../src/lib/data/sru';
import { parseTransitLinesGeojson, parseTransitStopsCsv } from '../../../src/lib/data/transit';
import { coverageDefaultsSchema } from '../../../src/lib/schemas/parameters';
import {
  communeContourFeatureSchema,
  gridCellFeatureSchema
} from '../../../src/lib/schemas/sources/geo';

const HERE = import.meta.dirname;
const FIXTURES = join(HERE, '../../fixtures/sources/mirror');
const REAL = join(HERE, '../../../../shared/sources');
const fixture = (p: string) => readFileSync(join(FIXTURES, p), 'utf8');

const contours = parseFeatureCollection(
  fixture('geo/communes-38-isere-adminexpress-cog2018.geojson'),
  'c.geojson',
  communeContourFeatureSchema
);
const MEMBERS = ['30003', '30133', '30276'];

describe('département bounding box', () => {
  it('is computed from the contours of the members’ département, not typed', () => {
    expect(departementOf('38185')).toBe('38');
    expect(departementOf('2A004')).toBe('2A');
    expect(departementOf('97120')).toBe('971');
    // The fixture squares of département 30 span 2.0–2.3 °E, 40.0–40.2 °N.
    expect(departementBbox(contours, MEMBERS, 'c.geojson')).toEqual({
      bbox: [2.0, 40.0, 2.3, 40.2],
      departements: ['30']
    });
  });

  it('cannot be computed without a contour of the département', () => {
    expect(() => departementBbox(contours, ['38185'], 'c.geojson')).toThrow(
      'c.geojson, champ « properties.code » : aucun contour de commune du département 38'
    );
  });

  const box = departementBbox(contours, MEMBERS, 'c.geojson');

  it('refuses a grid cell outside it, naming the file, the feature, the cell and the field', () => {
    const fc = JSON.parse(
      fixture('indicators/population_grid/filosofi2019_grid1km_men_metropole.geojson')
    ) as { features: { geometry: { coordinates: number[][][] } }[] };
    const cells = () =>
      parseFeatureCollection(JSON.stringify(fc), 'grid.geojson', gridCellFeatureSchema);
    expect(() =>
      assertFeaturesInBbox(cells(), { file: 'grid.geojson', idProperty: 'idcar_1km', ...box })
    ).not.toThrow();
    const ring = fc.features[1]?.geometry.coordinates[0];
    if (ring) ring.forEach((p) => (p[0] = (p[0] ?? 0) + 3));
    expect(() =>
      assertFeaturesInBbox(cells(), { file: 'grid.geojson', idProperty: 'idcar_1km', ...box })
    ).toThrow(
      'grid.geojson, entité 1 (CRS3035RES1000mN1001000E1000000), champ « geometry.coordinates » : coordonnée [5.15, 40.15] hors de l’emprise du département 30 [2.0000, 40.0000, 2.3000, 40.2000] (calculée d’après les contours des communes)'
    );
  });

  it('refuses a stop whose longitude and latitude were swapped, naming its line and id', () => {
    const stops = [
      { stop_id: 'A1', lon: 2.05, lat: 40.05 },
      { stop_id: 'B2', lon: 40.05, lat: 2.05 }
    ];
    expect(() => assertStopsInBbox(stops, { file: 'stops.csv', ...box })).toThrow(
      /^stops\.csv, ligne 3 \(B2\), champ « lon » : arrêt en \[40\.05, 2\.05\] hors de l’emprise/
    );
  });
});

describe('SRU against INSEE: more social dwellings than dwellings', () => {
  const sruText = decodeWindows1252(
    readFileSync(join(FIXTURES, 'indicators/sru/donnees-sru-data-gouv-2025-v2_national.csv'))
  );
  const inseeText = fixture(
    'indicators/logement/insee_base_cc_comparateur_rp2022_metropole_extract.csv'
  );
  const sru = { table: parseSruCsv(sruText, 'sru.csv'), file: 'sru.csv' };

  it('passes when every member has fewer LLS than dwellings', () => {
    const insee = { table: parseInseeComparateur(inseeText, 'insee.csv'), file: 'insee.csv' };
    expect(() => assertLlsWithinDwellings(sru, insee, MEMBERS)).not.toThrow();
  });

  it('stops, naming both files, lines and fields', () => {
    // 30133 has 2 100 LLS; its census row says 7 000 dwellings, made 2 000 here (and its parts with it).
    const edited = inseeText.replace(
      '30133;8000;7900;12;450;420;3500;85;70;7000;3500;3100;400;2000',
      '30133;8000;7900;12;450;420;3500;85;70;2000;1500;100;400;1000'
    );
    const insee = { table: parseInseeComparateur(edited, 'insee.csv'), file: 'insee.csv' };
    expect(() => assertLlsWithinDwellings(sru, insee, MEMBERS)).toThrow(
      'sru.csv, ligne 3 (30133), champ « Nombre_lls_ Inventaire_au_01_01_2024 » : 2100 logements sociaux (LLS) mais seulement 2000 logements au recensement (insee.csv, ligne 3, champ « P22_LOG ») : l’un des deux fichiers est faux'
    );
    // Not a member: not checked (its figure is not shown).
    expect(() => assertLlsWithinDwellings(sru, insee, ['30003'])).not.toThrow();
  });
});

describe('SRU rates outside 0–100 %', () => {
  const sruText = decodeWindows1252(
    readFileSync(join(FIXTURES, 'indicators/sru/donnees-sru-data-gouv-2025-v2_national.csv'))
  );
  const table = parseSruCsv(sruText.replace('26,10%', '2610%'), 'sru.csv');

  it('stop the build for a member', () => {
    expect(() => checkSruRates(table, 'sru.csv', MEMBERS)).toThrow(
      'sru.csv, ligne 3 (30133), champ « Taux_SRU_au_01_01_2024 » : taux de 2610 % hors de 0–100 %'
    );
  });

  it('are a warning for another commune of the national file', () => {
    expect(checkSruRates(table, 'sru.csv', ['30003'])).toEqual([
      'ligne 3 (30133), champ « Taux_SRU_au_01_01_2024 » : taux de 2610 % hors de 0–100 %, commune non membre'
    ]);
  });
});

describe('walking radius 50–2 000 m (data/parameters/coverage.json)', () => {
  it('accepts the shipped parameters', () => {
    expect(() => readJson('data/parameters/coverage.json', coverageDefaultsSchema)).not.toThrow();
  });

  it.each([
    [
      'tests/fixtures/parameters/coverage-radius-5000.json',
      /coverage-radius-5000\.json, ligne 5, champ « radiusBusM » : rayon de marche de 5000 m, supérieur à 2000 m/
    ],
    [
      'tests/fixtures/parameters/coverage-radius-20.json',
      /coverage-radius-20\.json, ligne 3, champ « radiusTramM » : rayon de marche de 20 m, inférieur à 50 m/
    ]
  ])('refuses %s, naming the line and the field', (path, message) => {
    expect(() => readJson(path, coverageDefaultsSchema)).toThrow(message);
  });
});

describe.skipIf(!existsSync(REAL))('on the real mirror, read in place', () => {
  const real = (p: string) => readFileSync(join(REAL, p), 'utf8');
  const realContours = parseFeatureCollection(
    real('geo/communes-38-isere-adminexpress-cog2018.geojson'),
    'communes.geojson',
    communeContourFeatureSchema
  );
  const grenoble = ['38185', '38151', '38421'];
  const box = departementBbox(realContours, grenoble, 'communes.geojson');

  it('derives the box of Isère from its 521 contours', () => {
    expect(box.departements).toEqual(['38']);
    const [w, s, e, n] = box.bbox;
    // Isère lies around 4.7–6.4 °E and 44.7–45.9 °N.
    expect(w).toBeGreaterThan(4.5);
    expect(e).toBeLessThan(6.5);
    expect(s).toBeGreaterThan(44.5);
    expect(n).toBeLessThan(46);
  });

  it('holds every stop and line vertex of the M réso extract, and refuses one swapped stop', () => {
    const stopsText = real('indicators/transport/mreso_gtfs_2025/sem_stops_with_lines.csv');
    const stops = parseTransitStopsCsv(stopsText, 'stops.csv');
    expect(() => assertStopsInBbox(stops, { file: 'stops.csv', ...box })).not.toThrow();
    const lines = parseTransitLinesGeojson(
      real('indicators/transport/smmag_2025/lignes_tag_sem.geojson'),
      'lines.geojson'
    );
    expect(() =>
      assertFeaturesInBbox(lines, { file: 'lines.geojson', idProperty: 'CODE', ...box })
    ).not.toThrow();
    const swapped = stops.map((s, i) => (i === 10 ? { ...s, lon: s.lat, lat: s.lon } : s));
    expect(() => assertStopsInBbox(swapped, { file: 'stops.csv', ...box })).toThrow(
      new RegExp(`^stops\\.csv, ligne 12 \\(${stops[10]?.stop_id}\\), champ « lon » : arrêt en`)
    );
  });

  it('finds no SRU rate outside 0–100 % among the Métropole’s rows, two elsewhere in France', () => {
    const table = parseSruCsv(
      decodeWindows1252(
        readFileSync(join(REAL, 'indicators/sru/donnees-sru-data-gouv-2025-v2_national.csv'))
      ),
      'sru.csv'
    );
    const metropole = table.rows.filter((r) => r.epci === '200040715').map((r) => r.code);
    expect(metropole.length).toBeGreaterThan(20);
    const warnings = checkSruRates(table, 'sru.csv', metropole);
    // Gap « 2126% » (a misplaced comma) and Pointe-à-Pitre 124,24 %: reported, not fatal here.
    expect(warnings.map((w) => /\((\d+)\)/.exec(w)?.[1])).toEqual(['05061', '97120']);
  });
});
