import { describe, expect, it } from 'vitest';
import { buildCommunes } from '../../../scripts/lib/communes';
import type { CommuneContourFeature } from '../../../src/lib/schemas/sources/geo';
import type { DecoupageEpci } from '../../../src/lib/schemas/sources/decoupage';

const sq = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0]
    ] as [number, number][]
  ]
});
const contour = (code: string, g: ReturnType<typeof sq>): CommuneContourFeature => ({
  type: 'Feature',
  properties: { code, nom: code },
  geometry: g
});
const epci: DecoupageEpci = {
  code: '200000001',
  nom: 'CC Fictive',
  populationMunicipale: 3000,
  membres: [
    { code: '99001', nom: 'La Première', populationMunicipale: 1000 },
    { code: '99002', nom: 'Nouvelle Commune', populationMunicipale: 1500 },
    { code: '99004', nom: 'Sans Contour', populationMunicipale: 500 }
  ]
};

describe('buildCommunes', () => {
  const result = buildCommunes({
    epci,
    contours: [
      contour('99001', sq(0, 0, 0.1, 0.1)),
      contour('99002', sq(0.1, 0, 0.2, 0.1)),
      // A former commune merged into 99002 after the contour vintage.
      contour('99003', sq(0.2, 0, 0.3, 0.1)),
      contour('99009', sq(5, 5, 5.1, 5.1))
    ],
    formerCodes: new Map([['99002', ['99003', '99008']]]),
    populationVintage: 'PL 2022'
  });

  it('completes a commune nouvelle with the contours of the communes it absorbed', () => {
    const f = result.communes.features.find((c) => c.properties.code === '99002');
    const single = result.communes.features.find((c) => c.properties.code === '99001');
    expect(f?.properties.areaKm2).toBeCloseTo(2 * (single?.properties.areaKm2 ?? 0), 1);
    expect(result.diagnostics.completedWithFormerCodes).toEqual(['99002 ← 99003']);
  });

  it('anchors each label at the centre of its commune, rounded like the geometry', () => {
    const anchors = Object.fromEntries(
      result.communes.features.map((f) => [f.properties.code, f.properties.labelAt])
    );
    // A square's pole of inaccessibility is its centre; the merged 0.2 × 0.1 rectangle's lies on
    // its long axis, half its height from either side.
    expect(anchors['99001']).toEqual([0.05, 0.05]);
    expect(anchors['99002']?.[1]).toBe(0.05);
    expect(anchors['99002']?.[0]).toBeGreaterThanOrEqual(0.15);
    expect(anchors['99002']?.[0]).toBeLessThanOrEqual(0.25);
  });

  it('reports members without contour and leaves them out', () => {
    expect(result.diagnostics.missingGeometry).toEqual(['99004']);
    expect(result.communes.features.map((f) => f.properties.code)).toEqual(['99001', '99002']);
  });

  it('takes names and populations from the membership, not the contours', () => {
    expect(result.communes.features[0]?.properties).toMatchObject({
      nom: 'La Première',
      population: 1000,
      populationVintage: 'PL 2022'
    });
    expect(result.epci.features[0]?.properties).toEqual({
      code: '200000001',
      nom: 'CC Fictive',
      population: 3000,
      populationVintage: 'PL 2022',
      communes: 3
    });
  });

  it('fails clearly when no member has a contour', () => {
    expect(() =>
      buildCommunes({ epci, contours: [], formerCodes: new Map(), populationVintage: 'x' })
    ).toThrow(
      'EPCI 200000001 : aucune commune membre n’a de contour, le périmètre ne peut pas être tracé'
    );
  });
});
