/**
 * The full build on the real offline mirror (read in place), skipped when it is absent.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { booleanValid, kinks } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildOutputs,
  type PipelineOutputs,
  type PipelineReport
} from '../../../scripts/lib/build';

const SOURCES = resolve(import.meta.dirname, '../../../../shared/sources');
const hasMirror = existsSync(SOURCES);
const offline = (async () => {
  throw new Error('offline (test)');
}) as typeof fetch;

describe.skipIf(!hasMirror)('buildOutputs on the mirror: Grenoble-Alpes Métropole', () => {
  let outputs: PipelineOutputs;
  let report: PipelineReport;
  beforeAll(async () => {
    ({ outputs, report } = await buildOutputs({
      sourcesDir: SOURCES,
      epci: '200040715',
      cacheDir: null,
      fetchImpl: offline
    }));
    // The whole build with every source check; slow on a loaded machine.
  }, 60_000);

  it('has the 49 members, each with a valid polygon and a positive area', () => {
    expect(outputs.communes.features).toHaveLength(49);
    expect(outputs.meta.epci).toMatchObject({ code: '200040715', communes: 49 });
    for (const f of outputs.communes.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(kinks(f).features, f.properties.code).toHaveLength(0);
      if (f.geometry.type === 'Polygon') expect(booleanValid(f), f.properties.code).toBe(true);
      expect(f.properties.areaKm2).toBeGreaterThan(0);
    }
    expect(report.diagnostics['communes-ign.missingGeometry']).toBeUndefined();
  });

  it('names communes with their article', () => {
    const names = outputs.communes.features.map((f) => f.properties.nom);
    expect(names).toContain('La Tronche');
    expect(names).toContain('Le Pont-de-Claix');
  });

  it('gives an SRU record to every member and covers the 22 communes subject to SRU', () => {
    expect(outputs.sru.records).toHaveLength(49);
    const subject = outputs.sru.records.filter((r) => r.subject);
    expect(subject).toHaveLength(22);
    for (const r of subject) {
      expect(r.inInventory).toBe(true);
      expect(r.ratePct).not.toBeNull();
      expect(r.targetPct).not.toBeNull();
    }
  });

  it('has no coverage gap for INSEE, the grid or transit', () => {
    expect(outputs.meta.gaps['insee-comparateur']).toBeUndefined();
    expect(outputs.meta.gaps['filosofi-carreaux-1km']).toBeUndefined();
    expect(outputs.meta.gaps['mreso-gtfs']).toBeUndefined();
    expect(outputs.populationGrid.features.length).toBeGreaterThan(0);
    expect(outputs.transitStops.features.length).toBeGreaterThan(0);
  });

  it('draws the 10 QPV of the Métropole from the 2024 extract, labelled 2024', () => {
    expect(outputs.qpv.features).toHaveLength(10);
    for (const f of outputs.qpv.features) {
      expect(f.properties.generation).toBe('2024');
      expect(f.properties.code).toMatch(/^QN038\d\d[MI]$/);
      expect(f.properties.code2024).toBe(f.properties.code);
      expect(f.properties.geometryRef.source).toBe('qpv-2024-perimetres-extrait');
      expect(f.properties.communes).toHaveLength(1);
      // The 2018 population belongs to the 2015 perimeters: the grid estimates the 2024 one.
      expect(f.properties.population).toBeNull();
    }
    expect(outputs.meta.qpv2024).toHaveLength(10);
    expect(report.diagnostics['qpv.correspondanceMismatch']).toBeUndefined();
    expect(report.diagnostics['qpv.withoutPopulation']).toBeUndefined();
    // Offline: the national file is reported unavailable, not compared.
    expect(report.diagnostics['qpv-2024-perimetres.unavailable']?.[0]).toMatch(/offline \(test\)/);
    expect(report.diagnostics['qpv.extractDiffersFromOfficial']).toBeUndefined();
  });

  it('keeps the 2015 outline of the much-redrawn QPV, Renaudie among them', () => {
    const kept = outputs.qpvOutlines2015.features.map((f) => f.properties);
    const renaudie = kept.find((p) => p.code === 'QN03811M');
    expect(renaudie).toMatchObject({ code2015: 'QP038011' });
    // PROVENANCE §9: IoU 0.41, so 59 % of the union differs.
    expect(renaudie?.symDiffSharePct).toBeGreaterThan(50);
    expect(renaudie?.symDiffSharePct).toBeLessThan(65);
    // Village Sud (IoU 0.97) is not kept.
    expect(kept.some((p) => p.code === 'QN03804I')).toBe(false);
    for (const p of kept) expect(p.symDiffSharePct).toBeGreaterThanOrEqual(25);
    expect(report.diagnostics['qpv.symmetricDifference2015vs2024']).toHaveLength(10);
  });

  it('lists the sources used, the mirror ones with their location', () => {
    for (const s of outputs.meta.sources) {
      if (s.origin === 'mirror') {
        expect(s.location.startsWith('/'), s.location).toBe(false);
        expect(existsSync(resolve(SOURCES, s.location)), s.location).toBe(true);
      }
    }
  });
});

describe.skipIf(!hasMirror)('buildOutputs on the mirror: CA du Pays Voironnais', () => {
  let outputs: PipelineOutputs;
  beforeAll(async () => {
    ({ outputs } = await buildOutputs({
      sourcesDir: SOURCES,
      epci: '243800984',
      cacheDir: null,
      fetchImpl: offline
    }));
    // The whole build with every source check; slow on a loaded machine.
  }, 60_000);

  it('draws its QPV with the 2015 perimeters, labelled as such (no 2024 extract here)', () => {
    expect(outputs.qpv.features.length).toBeGreaterThan(0);
    for (const f of outputs.qpv.features) {
      expect(f.properties.generation).toBe('2015');
      expect(f.properties.geometryRef.source).toBe('qpv-2015');
    }
    expect(outputs.qpvOutlines2015.features).toEqual([]);
  });

  it('builds with the members of decoupage-administratif, each with a polygon', () => {
    expect(outputs.meta.epci).toMatchObject({ code: '243800984', communes: 31 });
    expect(outputs.communes.features).toHaveLength(31);
    expect(outputs.communes.features.map((f) => f.properties.code)).toContain('38563');
  });

  it('records transit, INSEE and the grid as gaps for every member, never as zeros', () => {
    const members = outputs.communes.features.map((f) => f.properties.code).sort();
    for (const id of [
      'mreso-gtfs',
      'mreso-routes',
      'mreso-lignes-geo',
      'insee-comparateur',
      'filosofi-carreaux-1km'
    ]) {
      expect([...(outputs.meta.gaps[id] ?? [])].sort(), id).toEqual(members);
    }
    expect(outputs.insee.records.every((r) => r.population === null)).toBe(true);
    expect(outputs.populationGrid.features).toEqual([]);
  });

  it('still has real SRU records for its subject communes', () => {
    expect(outputs.sru.records.find((r) => r.code === '38563')).toMatchObject({
      subject: true,
      inInventory: true
    });
  });
});
