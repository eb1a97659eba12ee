import { describe, expect, it } from 'vitest';
import {
  buildOutlines2015,
  buildQpv,
  compareQpvPerimeterSets,
  normaliseName,
  overlapShares,
  symmetricDifferenceSharePct
} from '../../../scripts/lib/qpv';
import type { CommuneContourFeature } from '../../../src/lib/schemas/sources/geo';

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
const contours = [
  contour('99001', sq(0, 0, 0.1, 0.1)),
  contour('99002', sq(0.1, 0, 0.2, 0.1)),
  contour('99003', sq(0.3, 0, 0.4, 0.1))
];
const ref = { source: 'qpv-2015', vintage: '2015' };

describe('overlapShares', () => {
  it('gives the share of the area in each commune, largest first', () => {
    const shares = overlapShares(sq(0.09, 0.01, 0.11, 0.03), contours);
    expect(shares.map((s) => s.code)).toEqual(['99001', '99002']);
    expect(shares[0]?.share).toBeCloseTo(0.5, 2);
  });
});

describe('normaliseName', () => {
  it.each([
    ['La Luire – Viscose', 'la luire viscose'],
    ['Alma - Très Cloîtres - Chenoise', 'alma tres cloitres chenoise'],
    ["Saint-Martin-d'Hères", 'saint martin d heres']
  ])('%s → %s', (a, b) => expect(normaliseName(a)).toBe(b));
});

describe('buildQpv', () => {
  const perimeters = [
    // Straddles 99001 (60 %) and 99002 (40 %).
    {
      code: 'QP099001',
      nom: 'Les Tours – Est',
      generation: '2015' as const,
      geometry: sq(0.07, 0.01, 0.12, 0.03)
    },
    // Inside 99001 but its 2024 pair points to a QPV of another commune.
    {
      code: 'QP099002',
      nom: 'Le Mail',
      generation: '2015' as const,
      geometry: sq(0.01, 0.05, 0.02, 0.06)
    },
    // Outside the EPCI (members 99001, 99002).
    {
      code: 'QP099003',
      nom: 'Ailleurs',
      generation: '2015' as const,
      geometry: sq(0.32, 0.01, 0.33, 0.02)
    }
  ];
  const result = buildQpv({
    perimeters,
    contours,
    memberCodes: ['99001', '99002'],
    list2024: [
      { code_qp: 'QN09901M', lib_qp: 'Les Tours', insee_com: '99002' },
      { code_qp: 'QN09902I', lib_qp: 'Le Mail', insee_com: '99003' },
      { code_qp: 'QN09903N', lib_qp: 'Nouveau', insee_com: '99001' }
    ],
    correspondance: [
      { code_2015: 'QP099001', code_2024: 'QN09901M', documented_in: 'test' },
      { code_2015: 'QP099002', code_2024: 'QN09902I', documented_in: 'test' }
    ],
    population: [
      { qpv_name: 'Les Tours - Est', code_insee: '99001', population_2018: 2000, line: 2 },
      { qpv_name: 'Inconnu', code_insee: '99002', population_2018: 10, line: 3 }
    ],
    geometryRef: ref,
    populationRef: { source: 'qpv-population-2018', vintage: '2018' }
  });
  const byCode = new Map(result.collection.features.map((f) => [f.properties.code, f.properties]));

  it('keeps only perimeters in the EPCI and computes their communes by overlap', () => {
    expect([...byCode.keys()]).toEqual(['QP099001', 'QP099002']);
    expect(byCode.get('QP099001')?.communes).toEqual(['99001', '99002']);
    expect(byCode.get('QP099002')?.communes).toEqual(['99001']);
  });

  it('sets the 2024 successor when the list commune agrees, else reports the mismatch', () => {
    expect(byCode.get('QP099001')).toMatchObject({
      code2024: 'QN09901M',
      nom2024: 'Les Tours',
      contourModified2024: true
    });
    expect(byCode.get('QP099002')).toMatchObject({ code2024: null, contourModified2024: null });
    expect(result.diagnostics.correspondanceMismatch).toEqual([
      'QP099002 → QN09902I : commune(s) de la liste 2024 99003 ≠ commune(s) du périmètre 99001'
    ]);
  });

  it('joins the population by commune and normalised name, with diagnostics', () => {
    expect(byCode.get('QP099001')).toMatchObject({
      population: 2000,
      populationRef: { source: 'qpv-population-2018', vintage: '2018' }
    });
    expect(byCode.get('QP099002')).toMatchObject({ population: null, populationRef: null });
    expect(result.diagnostics.withoutPopulation).toEqual(['QP099002 Le Mail']);
    expect(result.diagnostics.populationRowsUnmatched).toEqual(['ligne 3 : 99002 Inconnu']);
  });

  it('lists the 2024 QPV of the members, a new (N) QPV without 2015 code', () => {
    expect(result.list2024).toEqual([
      { code: 'QN09901M', nom: 'Les Tours', communes: ['99002'], code2015: 'QP099001' },
      { code: 'QN09903N', nom: 'Nouveau', communes: ['99001'], code2015: null }
    ]);
  });

  it('measures areas in hectares', () => {
    expect(byCode.get('QP099002')?.areaHa).toBeGreaterThan(100);
  });
});

describe('symmetricDifferenceSharePct', () => {
  it.each([
    ['same perimeter', sq(0, 0, 0.01, 0.01), sq(0, 0, 0.01, 0.01), 0],
    ['half overlap', sq(0, 0, 0.02, 0.01), sq(0.01, 0, 0.03, 0.01), 66.67],
    ['disjoint', sq(0, 0, 0.01, 0.01), sq(0.05, 0, 0.06, 0.01), 100],
    ['one inside the other (a quarter)', sq(0, 0, 0.02, 0.02), sq(0, 0, 0.01, 0.01), 75]
  ])('%s', (_, a, b, expected) => {
    expect(symmetricDifferenceSharePct(a, b)).toBeCloseTo(expected, 0);
  });
});

describe('buildOutlines2015', () => {
  const collection = buildQpv({
    perimeters: [
      {
        code: 'QN99001M',
        nom: 'Redessiné',
        generation: '2024',
        geometry: sq(0.01, 0.01, 0.03, 0.02)
      },
      {
        code: 'QN99002M',
        nom: 'Presque pareil',
        generation: '2024',
        geometry: sq(0.05, 0.05, 0.07, 0.07)
      }
    ],
    contours,
    memberCodes: ['99001'],
    list2024: [],
    correspondance: [],
    population: null,
    geometryRef: { source: 'qpv-2024-perimetres-extrait', vintage: '2024' },
    populationRef: null
  }).collection;
  const perimeters2015 = [
    {
      code: 'QP99001',
      nom: 'Ancien Redessiné',
      generation: '2015' as const,
      geometry: sq(0.02, 0.01, 0.04, 0.02)
    },
    {
      code: 'QP99002',
      nom: 'Ancien Pareil',
      generation: '2015' as const,
      geometry: sq(0.05, 0.05, 0.07, 0.0702)
    }
  ];
  const correspondance = [
    { code_2015: 'QP99001', code_2024: 'QN99001M' },
    { code_2015: 'QP99002', code_2024: 'QN99002M' }
  ];
  it('keeps the 2015 outline only where the perimeters differ beyond the threshold', () => {
    const { outlines, compared } = buildOutlines2015({
      collection,
      perimeters2015,
      correspondance: correspondance as never,
      minSharePct: 25,
      geometryRef: ref
    });
    expect(outlines.features.map((f) => f.properties)).toEqual([
      {
        code: 'QN99001M',
        code2015: 'QP99001',
        nom2015: 'Ancien Redessiné',
        symDiffSharePct: 66.7,
        geometryRef: ref
      }
    ]);
    expect(compared).toHaveLength(2);
    expect(compared[0]).toMatch(/^QN99001M \/ QP99001 : 66\.7 % \(contour 2015 gardé\)$/);
  });
  it('keeps none when the threshold is 100 %', () => {
    const { outlines } = buildOutlines2015({
      collection,
      perimeters2015,
      correspondance: correspondance as never,
      minSharePct: 100,
      geometryRef: ref
    });
    expect(outlines.features).toEqual([]);
  });
});

describe('compareQpvPerimeterSets (official national file vs the mirror extract)', () => {
  const p = (code: string, nom: string, g: ReturnType<typeof sq>, insee = '99001') => ({
    code,
    nom,
    generation: '2024' as const,
    geometry: g,
    insee
  });
  it('reports nothing when they agree', () => {
    const a = [p('QN99001M', 'A', sq(0, 0, 0.01, 0.01))];
    expect(compareQpvPerimeterSets(a, a)).toEqual([]);
  });
  it('names missing QPV, renamed ones, other communes and moved perimeters', () => {
    const official = [
      p('QN99001M', 'A', sq(0, 0, 0.01, 0.01)),
      p('QN99002M', 'B officiel', sq(0.02, 0, 0.03, 0.01), '99002'),
      p('QN99003M', 'C', sq(0.04, 0, 0.05, 0.01))
    ];
    const extract = [
      p('QN99001M', 'A', sq(0, 0, 0.01, 0.011)),
      p('QN99002M', 'B', sq(0.02, 0, 0.03, 0.01)),
      p('QN99004M', 'D', sq(0.06, 0, 0.07, 0.01))
    ];
    expect(compareQpvPerimeterSets(official, extract)).toEqual([
      'QN99001M : périmètres différents sur 9.09 % de leur union',
      'QN99002M : nom « B officiel » (officiel) ≠ « B » (extrait)',
      'QN99002M : commune 99002 (officiel) ≠ 99001 (extrait)',
      'QN99003M C : dans le fichier officiel, pas dans l’extrait',
      'QN99004M D : dans l’extrait, pas dans le fichier officiel'
    ]);
  });
});
