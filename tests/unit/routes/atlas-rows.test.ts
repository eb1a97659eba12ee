import { describe, expect, it } from 'vitest';
import { atlasRows } from '../../../src/routes/atlas/atlas-rows';
import { COMMUNE_PRINT_SECTIONS } from '../../../src/lib/components/sheet/print-sheet';
import type { CommuneIndicators, IndicatorDefinition } from '../../../src/lib/schemas/indicators';

const def = (
  id: IndicatorDefinition['id'],
  sources: string[],
  vintage: string,
  unit = '%'
): IndicatorDefinition => ({
  id,
  label: id,
  unit,
  decimals: 1,
  method: 'm',
  sources,
  vintage,
  higherIsBetter: null
});

const commune: CommuneIndicators = {
  code: '38001',
  nom: 'Alpha',
  sruStatus: 'non_soumise',
  qpvCodes: [],
  values: {
    sru_taux_lls: { value: null, status: 'not_applicable', estimate: false, low: null, high: null },
    sru_rp_estimees: { value: 1000, status: 'ok', estimate: true, low: 990, high: 1010 },
    tc_couverture_population: { value: 50, status: 'ok', estimate: false, low: null, high: null }
    // Partial on purpose: the file type requires every indicator id.
  } as CommuneIndicators['values'],
  profile: { code: '38001', nom: 'Alpha', kind: 'commune', evidence: [] }
};

describe('atlasRows', () => {
  it('gives the sections of the printed commune sheet, each source numbered once', () => {
    const t = atlasRows(
      commune,
      [
        def('sru_taux_lls', ['sru'], 'LLS 2024'),
        def('sru_rp_estimees', ['sru'], 'LLS 2024', 'logements'),
        def('tc_couverture_population', ['gtfs', 'grid'], 'GTFS 2025 ; Filosofi 2019')
      ],
      { sru: 'Inventaire SRU', gtfs: 'Réseau M réso', grid: 'Carreaux' }
    );
    expect(t.sections.map((s) => s.title)).toEqual(COMMUNE_PRINT_SECTIONS.map((s) => s.title));
    const rows = t.sections.flatMap((s) => s.rows);
    // A rate that does not apply (commune not subject to SRU) is left out, as on the sheet.
    expect(rows.map((r) => [r.key, r.refs])).toEqual([
      ['sru_rp_estimees', [1]],
      ['tc_couverture_population', [2, 3]]
    ]);
    expect(t.notes).toEqual([
      'Inventaire SRU — LLS 2024',
      'Réseau M réso — GTFS 2025',
      'Carreaux — Filosofi 2019'
    ]);
    expect(rows[0]?.estimate).toBe(true);
    expect(rows[0]?.value).toMatch(/^≈/);
    // Indicators without a definition are left out, not shown empty.
    expect(t.sections.find((s) => s.title.startsWith('Logement et'))?.rows).toEqual([]);
  });

  it('cites the map sources after the figures, reusing a source already cited', () => {
    const t = atlasRows(
      commune,
      [def('tc_couverture_population', ['gtfs', 'grid'], 'GTFS 2025 ; Filosofi 2019')],
      { gtfs: 'Réseau M réso', grid: 'Carreaux', admin: 'Contours' },
      [
        { source: 'admin', vintage: 'COG 2018' },
        { source: 'gtfs', vintage: 'GTFS 2025' }
      ]
    );
    expect(t.notes).toEqual([
      'Réseau M réso — GTFS 2025',
      'Carreaux — Filosofi 2019',
      'Contours — COG 2018'
    ]);
    expect(t.mapRefs).toEqual([1, 3]);
  });

  it('has no map note without map sources', () => {
    expect(atlasRows(commune, [], {}).mapRefs).toEqual([]);
  });
});
