/**
 * End-to-end build of a second EPCI (CC Terre de Camargue, 243000650: three real member codes of
 * decoupage-administratif) from the synthetic fixture mirror with made-up squares and figures.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildOutputs,
  indicatorsStep,
  PIPELINE_STEPS,
  PIPELINE_VERSION,
  type PipelineOutputs,
  type PipelineReport
} from '../../../scripts/lib/build';
import { rebuildReason } from '../../../scripts/lib/stamp';
import { OUTPUT_FILES, STAMP_PATH, writeOutputs } from '../../../scripts/lib/write';

const HERE = import.meta.dirname;
const MIRROR = join(HERE, '../../fixtures/sources/mirror');
const CORRESPONDANCE = join(HERE, '../../fixtures/sources/qpv-correspondance.csv');
const EPCI = '243000650';
const offline = (async () => {
  throw new Error('offline (test)');
}) as typeof fetch;

let tmp: string;
let manifestPath: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'plh-build-'));
  // The real manifest, with the grid declared as covering the fixture EPCI (the real mirror's grid
  // covers only Grenoble-Alpes Métropole); transit keeps its real coverage, so it is a gap here.
  const manifest = JSON.parse(readFileSync(join(HERE, '../../../data/sources.json'), 'utf8')) as {
    sources: { id: string; coverageEpci?: string[] }[];
  };
  for (const s of manifest.sources) {
    if (s.id === 'filosofi-carreaux-1km') s.coverageEpci = [EPCI];
  }
  manifestPath = join(tmp, 'sources.json');
  writeFileSync(manifestPath, JSON.stringify(manifest));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const build = (sourcesDir = MIRROR, epci = EPCI) =>
  buildOutputs({
    sourcesDir,
    epci,
    manifestPath,
    cacheDir: null,
    fetchImpl: offline,
    qpvCorrespondancePath: CORRESPONDANCE
  });

describe('buildOutputs on the fixture mirror (second EPCI)', () => {
  let outputs: PipelineOutputs;
  let report: PipelineReport;
  beforeAll(async () => {
    ({ outputs, report } = await build());
  });

  it('takes members, names with article and populations from decoupage-administratif', () => {
    const props = outputs.communes.features.map((f) => f.properties);
    expect(props.map((p) => [p.code, p.nom])).toEqual([
      ['30003', 'Aigues-Mortes'],
      ['30133', 'Le Grau-du-Roi'],
      ['30276', "Saint-Laurent-d'Aigouze"]
    ]);
    for (const p of props) {
      expect(p.population).toBeGreaterThan(0);
      expect(p.populationVintage).toMatch(/populations légales 2022/);
    }
    expect(outputs.epci.features[0]?.properties).toMatchObject({ code: EPCI, communes: 3 });
  });

  it('measures areas geodesically (a 0.1° square at 40° N is about 94.8 km²)', () => {
    const a = outputs.communes.features[0]?.properties.areaKm2 ?? 0;
    expect(a).toBeGreaterThan(93);
    expect(a).toBeLessThan(96);
  });

  it('draws the outline as the union of the members (one polygon)', () => {
    const g = outputs.epci.features[0]?.geometry;
    expect(g?.type).toBe('Polygon');
    const xs = (g?.type === 'Polygon' ? g.coordinates[0] : [])?.map((p) => p[0]) ?? [];
    expect(Math.min(...xs)).toBe(2);
    expect(Math.max(...xs)).toBe(2.2);
  });

  it('builds SRU records for every member, absent ones not in the inventory', () => {
    expect(outputs.sru.records.map((r) => [r.code, r.inInventory, r.subject, r.ratePct])).toEqual([
      ['30003', true, true, 14.3],
      ['30133', true, true, 26.1],
      ['30276', false, false, null]
    ]);
    expect(outputs.sru.records[0]).toMatchObject({
      levyEur: 46559.19,
      inventoryDate: '2024-01-01',
      period: '2023-2025'
    });
    expect(report.diagnostics['sru-inventaire.rowsOfEpciMatchingNoMember']).toEqual([
      'ligne 4 : 30189 VOISINE FICTIVE'
    ]);
  });

  it('keeps « s » as secret and records members absent from INSEE as a gap (null)', () => {
    const byCode = new Map(outputs.insee.records.map((r) => [r.code, r]));
    expect(byCode.get('30133')?.tauxPauvretePct).toBe('secret');
    expect(byCode.get('30276')?.population).toBeNull();
    expect(outputs.meta.gaps['insee-comparateur']).toEqual(['30276']);
    expect(outputs.insee.housingRef).toEqual({ source: 'insee-comparateur', vintage: 'RP 2022' });
  });

  it('keeps the grid cells intersecting the EPCI only', () => {
    expect(outputs.populationGrid.features.map((f) => f.properties)).toEqual([
      {
        id: 'CRS3035RES1000mN1000000E1000000',
        population: 120.5,
        households: 50,
        poorHouseholds: 5.5,
        ownerHouseholds: 30,
        collectiveHouseholds: 35,
        houseHouseholds: 15,
        singleParentHouseholds: 4,
        largeHouseholds: 3.2
      },
      {
        id: 'CRS3035RES1000mN1001000E1000000',
        population: 80,
        households: 35.2,
        poorHouseholds: 2,
        ownerHouseholds: 20.1,
        collectiveHouseholds: 5.2,
        houseHouseholds: 30,
        singleParentHouseholds: 1.5,
        largeHouseholds: 2
      }
    ]);
  });

  it('builds the QPV with commune, 2024 successor and population; lists the 2024 QPV', () => {
    expect(outputs.qpv.features.map((f) => f.properties)).toEqual([
      expect.objectContaining({
        code: 'QP030001',
        communes: ['30003'],
        generation: '2015',
        code2024: 'QN03001M',
        nom2024: 'Quartier Fictif Nord Élargi',
        contourModified2024: true,
        population: 1234,
        populationRef: { source: 'qpv-population-2018', vintage: '2018' },
        geometryRef: expect.objectContaining({ source: 'qpv-2015' })
      })
    ]);
    expect(outputs.meta.qpv2024).toEqual([
      {
        code: 'QN03001M',
        nom: 'Quartier Fictif Nord Élargi',
        communes: ['30003'],
        code2015: 'QP030001'
      },
      { code: 'QN03002N', nom: 'Quartier Neuf', communes: ['30133'], code2015: null }
    ]);
    expect(report.diagnostics['qpv.populationRowsUnmatched']).toEqual([
      'ligne 3 : 30133 Quartier Inconnu'
    ]);
    expect(report.diagnostics['qpv.listedWithoutPerimeter']).toEqual(['QN03002N Quartier Neuf']);
    expect(outputs.meta.gaps['qpv-2015']).toEqual(['30133']);
    expect(report.diagnostics['qpv-2024-perimetres.unavailable']?.[0]).toMatch(
      /offline \(test\)\)$/
    );
    // The extract covers another EPCI only: the 2015 perimeters are drawn, labelled as such.
    expect(report.diagnostics['qpv-2024-perimetres-extrait.unavailable']).toBeUndefined();
    expect(report.diagnostics['qpv.perimeters2015Used']?.[0]).toMatch(/« périmètres 2015 »/);
    expect(outputs.qpvOutlines2015.features).toEqual([]);
  });

  it('records transit as « no data » for every member, never as zero stops', () => {
    expect(outputs.transitStops.features).toEqual([]);
    for (const id of ['mreso-gtfs', 'mreso-routes', 'mreso-lignes-geo']) {
      expect(outputs.meta.gaps[id]).toEqual(['30003', '30133', '30276']);
    }
  });

  it('lists the sources used with their origin', () => {
    const ids = outputs.meta.sources.map((s) => `${s.id}:${s.origin}`);
    expect(ids).toContain('communes-ign:mirror');
    expect(ids).toContain('decoupage-administratif:package');
    expect(ids).toContain('sru-inventaire:mirror');
    expect(ids).not.toContain('mreso-gtfs:mirror');
  });

  let withIndicators: PipelineOutputs;
  it('runs the appended indicators step on the built outputs', async () => {
    ({ outputs: withIndicators } = await buildOutputs({
      sourcesDir: MIRROR,
      epci: EPCI,
      manifestPath,
      cacheDir: null,
      fetchImpl: offline,
      qpvCorrespondancePath: CORRESPONDANCE,
      steps: [...PIPELINE_STEPS, indicatorsStep]
    }));
    expect(withIndicators.indicators?.epci).toBe(EPCI);
    expect(withIndicators.indicators?.communes.map((c) => c.code)).toEqual([
      '30003',
      '30133',
      '30276'
    ]);
  });

  it('writes every output atomically, with the stamp read by ensure-data', () => {
    const root = join(tmp, 'root');
    expect(rebuildReason(root, EPCI)).toBe(`${STAMP_PATH} absent`);
    const written = writeOutputs(outputs, root);
    for (const f of written) {
      expect(existsSync(join(root, f.path))).toBe(true);
      expect(f.gzipBytes).toBeGreaterThan(0);
    }
    expect(written.map((f) => f.path)).toContain(OUTPUT_FILES.sru.path);
    expect(JSON.parse(readFileSync(join(root, STAMP_PATH), 'utf8'))).toEqual({
      pipelineVersion: PIPELINE_VERSION,
      epci: EPCI
    });
    // npm run data appends the indicators step: without indicators.json the outputs are stale.
    expect(rebuildReason(root, EPCI)).toBe(`${OUTPUT_FILES.indicators.path} absent`);
    writeOutputs({ ...outputs, indicators: withIndicators.indicators }, root);
    expect(rebuildReason(root, EPCI)).toBeNull();
    expect(rebuildReason(root, '200040715')).toBe(
      `sorties construites pour l’EPCI ${EPCI}, pas 200040715`
    );
    rmSync(join(root, OUTPUT_FILES.qpv.path));
    expect(rebuildReason(root, EPCI)).toBe(`${OUTPUT_FILES.qpv.path} absent`);
  });

  it('refuses to write outputs that break their contract, leaving the old files untouched', () => {
    const root = join(tmp, 'root2');
    writeOutputs(outputs, root);
    const before = readFileSync(join(root, OUTPUT_FILES.sru.path), 'utf8');
    const broken = structuredClone(outputs);
    broken.sru.records[0] = { ...broken.sru.records[0]!, code: '3003' };
    broken.communes.features = [];
    expect(() => writeOutputs(broken, root)).toThrow(
      'static/data/sru.json : la sortie ne respecte pas son contrat, champ « records.0.code » : code INSEE invalide'
    );
    expect(readFileSync(join(root, OUTPUT_FILES.sru.path), 'utf8')).toBe(before);
  });
});

describe('buildOutputs with the official 2024 QPV perimeters in the mirror', () => {
  it('uses them instead of the 2015 ones, with no code change', async () => {
    const mirror = join(tmp, 'mirror-2024');
    cpSync(MIRROR, mirror, { recursive: true });
    const ring = [
      [2.11, 40.01],
      [2.13, 40.01],
      [2.13, 40.03],
      [2.11, 40.03],
      [2.11, 40.01]
    ];
    writeFileSync(
      join(mirror, 'geo/QP2024_France_Hexagonale_Outre_Mer_WGS84.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code_qp: 'QN03002N', lib_qp: 'Quartier Neuf', insee_com: '30133' },
            geometry: { type: 'Polygon', coordinates: [ring] }
          }
        ]
      })
    );
    const { outputs, report } = await build(mirror);
    expect(outputs.qpv.features.map((f) => f.properties)).toEqual([
      expect.objectContaining({
        code: 'QN03002N',
        generation: '2024',
        communes: ['30133'],
        code2024: 'QN03002N',
        population: null,
        geometryRef: expect.objectContaining({ source: 'qpv-2024-perimetres' })
      })
    ]);
    expect(outputs.meta.sources.map((s) => s.id)).toContain('qpv-2024-perimetres');
    expect(report.diagnostics['qpv-2024-perimetres.unavailable']).toBeUndefined();
    // QN03001M has no 2024 perimeter in this file: its commune is a gap, not « no QPV ».
    expect(outputs.meta.gaps['qpv-2024-perimetres']).toEqual(['30003']);
  });
});

describe('buildOutputs errors', () => {
  it('rejects an unknown EPCI code', async () => {
    await expect(build(MIRROR, '999999999')).rejects.toThrow(
      'PLH_EPCI : EPCI 999999999 inconnu de @etalab/decoupage-administratif@6.0.0 (data/epci.json)'
    );
  });

  it('rejects a malformed EPCI code', async () => {
    await expect(build(MIRROR, 'grenoble')).rejects.toThrow(
      'PLH_EPCI : « grenoble » n’est pas un SIREN (9 chiffres attendus)'
    );
  });

  it('names the truncated GeoJSON of a broken mirror', async () => {
    const broken = join(tmp, 'broken-mirror');
    cpSync(MIRROR, broken, { recursive: true });
    const file = join(broken, 'geo/communes-38-isere-adminexpress-cog2018.geojson');
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 300));
    // The cut falls inside the second feature (index 1) of the one-line file.
    await expect(build(broken)).rejects.toThrow(
      `${file}, ligne 1, entité 1 : JSON invalide à la ligne 1, colonne 301 : le texte s'arrête avant la fin des données (fichier tronqué ?)`
    );
  });

  it('names the missing required source', async () => {
    const empty = join(tmp, 'empty-mirror');
    cpSync(MIRROR, empty, { recursive: true });
    rmSync(join(empty, 'geo/communes-38-isere-adminexpress-cog2018.geojson'));
    await expect(build(empty)).rejects.toThrow(
      /source « communes-ign » introuvable : absente du miroir .*échec du téléchargement depuis https:\/\/etalab-datasets/
    );
  });
});
