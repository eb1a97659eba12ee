import { describe, expect, it } from 'vitest';
import {
  buildPages,
  buildSlides,
  findAnchor,
  move,
  navigate,
  pageAnchor,
  paginate,
  parseTerritories,
  type SlideData
} from '../../../../src/lib/components/presentation/slides';
import { slideDataSchema } from '../../../../src/lib/schemas/slides';
import type { IndicatorsFile, IndicatorValue } from '../../../../src/lib/schemas/indicators';
import type { TerritoryProfile } from '../../../../src/lib/schemas/tags';
import type { WorkshopItem } from '../../../../src/lib/schemas/workshop';
import { ok } from '../../../fixtures/indicators/values';

describe('parseTerritories', () => {
  it.each([
    ['38185,38111,38229', ['38185', '38111', '38229'], []],
    [' 38185 , qp038012,,', ['38185', 'QP038012'], []],
    ['38185,38185,2A004', ['38185', '2A004'], []],
    ['38185,grenoble,3818', ['38185'], ['grenoble', '3818']],
    [null, [], []]
  ])('%s', (param, codes, invalid) => {
    expect(parseTerritories(param)).toEqual({ codes, invalid });
  });
});

describe('navigate (keyboard and presenter clickers)', () => {
  it.each([
    [0, 'ArrowRight', false, 1],
    [0, 'PageDown', false, 1],
    [0, ' ', false, 1],
    [1, ' ', true, 0],
    [1, 'ArrowLeft', false, 0],
    [1, 'PageUp', false, 0],
    [2, 'Home', false, 0],
    [0, 'End', false, 2],
    [2, 'ArrowRight', false, 2],
    [0, 'ArrowLeft', false, 0],
    [1, 'a', false, null],
    [1, 'Enter', false, null]
  ])('from %i, %j (shift %s) → %s', (index, key, shift, expected) => {
    expect(navigate(index, 3, key, shift)).toBe(expected);
  });
  it('does nothing without slides', () => {
    expect(navigate(0, 0, 'ArrowRight')).toBeNull();
  });
});

describe('move', () => {
  it.each([
    [1, -1, ['b', 'a', 'c']],
    [1, 1, ['a', 'c', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [2, 1, ['a', 'b', 'c']]
  ] as const)('moves index %i by %i', (i, d, out) => {
    expect(move(['a', 'b', 'c'], i, d)).toEqual(out);
  });
});

// Partial values: the file type requires every indicator id, a sheet only a few.
type Values = IndicatorsFile['communes'][number]['values'];

const na: IndicatorValue = {
  value: null,
  status: 'not_applicable',
  estimate: false,
  low: null,
  high: null
};

const profile = (code: string, kind: 'commune' | 'qpv', tags: string[]): TerritoryProfile => ({
  code,
  nom: code,
  kind,
  evidence: tags.map((tag) => ({
    tag: tag as TerritoryProfile['evidence'][number]['tag'],
    strength: 0.8,
    reason: `raison ${tag}`,
    source: 'sru-inventaire',
    vintage: 'test'
  }))
});

const item = (over: Partial<WorkshopItem>): WorkshopItem => ({
  id: 'T1-PB-1',
  theme: 1,
  themeQuestion: 'Question ?',
  tables: 'Tables 1',
  column: 'probleme',
  kind: 'bullet',
  order: 1,
  parentId: null,
  text: 'Texte',
  tags: ['sru_deficitaire'],
  condition: 'any',
  keywords: [],
  ...over
});

const def = (id: string, label: string, unit: string, decimals = 0) => ({
  id: id as IndicatorsFile['definitions'][number]['id'],
  label,
  unit,
  decimals,
  method: 'm',
  sources: ['sru-inventaire'],
  vintage: 'v',
  higherIsBetter: null
});

const indicators: IndicatorsFile = {
  epci: '200040715',
  params: { radiusTramM: 500, radiusChronoM: 400, radiusBusM: 300 },
  definitions: [
    def('population', 'Population', 'hab.'),
    def('sru_taux_lls', 'Taux de LLS', '%', 1),
    def('sru_taux_cible', 'Taux cible', '%'),
    def('qpv_nombre', 'QPV', 'QPV'),
    def('qpv_population', 'Population en QPV', 'hab.'),
    def('tc_couverture_population', 'Population desservie', '%', 1),
    def('tc_distance_tram_chrono', 'Distance', 'm')
  ],
  communes: [
    {
      code: '38001',
      nom: 'Alpha',
      sruStatus: 'deficitaire',
      qpvCodes: ['QP038001'],
      values: {
        population: ok(12000),
        sru_taux_lls: ok(14.3),
        sru_taux_cible: ok(20),
        qpv_nombre: ok(1),
        tc_couverture_population: ok(80)
      } as Values,
      profile: profile('38001', 'commune', ['sru_deficitaire', 'qpv'])
    },
    {
      code: '38002',
      nom: 'Bêta',
      sruStatus: 'non_soumise',
      qpvCodes: [],
      values: { sru_taux_lls: na, qpv_nombre: ok(0) } as Values,
      profile: profile('38002', 'commune', ['non_soumise_sru'])
    }
  ],
  qpv: [
    {
      code: 'QP038001',
      nom: 'Le Quartier',
      communes: ['38001'],
      values: { tc_couverture_population: ok(95), population: ok(3000) } as Values,
      profile: profile('QP038001', 'qpv', ['qpv'])
    }
  ]
};

const items: WorkshopItem[] = [
  item({ id: 'T1-PB-1', text: 'Problème déficit' }),
  item({ id: 'T1-PB-2', order: 2, text: 'Pour tous', tags: ['tous'] }),
  item({ id: 'T1-AC-1', column: 'action', text: 'Titre :', tags: ['qpv'] }),
  item({
    id: 'T1-AC-1.1',
    column: 'action',
    kind: 'sub_bullet',
    parentId: 'T1-AC-1',
    order: 2,
    text: 'Action précise',
    tags: ['qpv']
  })
];

describe('buildSlides', () => {
  const slides = buildSlides(indicators, items, { qpvGeneration: new Map([['QP038001', '2015']]) });

  it('builds slides that meet the contract of the published slide files', () => {
    expect(slides.size).toBe(indicators.communes.length + indicators.qpv.length);
    for (const slide of slides.values()) expect(slideDataSchema.parse(slide)).toEqual(slide);
  });

  it('gives a commune its three key figures with sources, SRU status and target', () => {
    const a = slides.get('38001');
    expect(a?.subtitle).toBe('Commune · 12\u202f000\u00a0hab.');
    expect(a?.figures.map((f) => [f.label, f.value])).toEqual([
      ['Taux de LLS', '14,3\u202f%'],
      ['QPV', '1\u00a0QPV'],
      ['Population desservie', '80,0\u202f%']
    ]);
    expect(a?.figures[0]?.detail).toBe('commune déficitaire · cible 20\u202f%');
    expect(a?.figures[0]?.sources).toEqual(['sru-inventaire']);
  });

  it('says « non concernée », never 0 %, for a commune not subject to SRU', () => {
    const b = slides.get('38002');
    expect(b?.figures[0]?.value).toBe('non concernée');
    expect(b?.figures[0]?.detail).toBe('commune non soumise à la loi SRU');
  });

  it('ranks targeted items first, with their « why », and shows a sub-bullet under its heading', () => {
    const a = slides.get('38001');
    expect(a?.problems.map((p) => p.id)).toEqual(['T1-PB-1', 'T1-PB-2']);
    expect(a?.problems[0]?.why).toMatch(/^Affiché car la commune raison sru_deficitaire/);
    expect(a?.problems[1]?.universal).toBe(true);
    expect(a?.actions.map((p) => [p.id, p.parentText])).toEqual([['T1-AC-1.1', 'Titre :']]);
  });

  it('builds QPV slides framed on their communes, stating the perimeter generation', () => {
    const q = slides.get('QP038001');
    expect(q?.kind).toBe('qpv');
    expect(q?.focus).toEqual(['38001']);
    expect(q?.subtitle).toBe('Quartier prioritaire (périmètre 2015) · Alpha');
    // Available figures first: coverage and population; the missing QPV population last.
    expect(q?.figures.map((f) => f.id)).toEqual([
      'tc_couverture_population',
      'population',
      'qpv_population'
    ]);
    expect(q?.figures[2]?.value).toBe('pas de donnée');
  });
});

describe('buildSlides: sub-bullets of one heading stay together', () => {
  const many: WorkshopItem[] = [
    item({ id: 'T1-AC-1', column: 'action', text: "Auprès de l'État :", tags: ['qpv'] }),
    item({
      id: 'T1-AC-1.1',
      column: 'action',
      kind: 'sub_bullet',
      parentId: 'T1-AC-1',
      order: 2,
      text: 'Sous 1',
      tags: ['sru_deficitaire']
    }),
    item({ id: 'T1-AC-2', column: 'action', order: 3, text: 'Autre', tags: ['sru_deficitaire'] }),
    item({
      id: 'T1-AC-1.2',
      column: 'action',
      kind: 'sub_bullet',
      parentId: 'T1-AC-1',
      order: 4,
      text: 'Sous 2',
      tags: ['tous']
    })
  ];
  it('puts the second sub-bullet right after the first, each carrying the heading', () => {
    const a = buildSlides(indicators, many).get('38001');
    expect(a?.actions.map((x) => [x.id, x.parentText])).toEqual([
      ['T1-AC-1.1', "Auprès de l'État :"],
      ['T1-AC-1.2', "Auprès de l'État :"],
      ['T1-AC-2', null]
    ]);
  });
});

describe('paginate', () => {
  it.each([
    { heights: [], available: 100, gap: 10, pages: [] },
    { heights: [40, 40], available: 100, gap: 10, pages: [[0, 1]] },
    { heights: [40, 40, 40], available: 100, gap: 10, pages: [[0, 1], [2]] },
    // Exactly full: 45 + 10 + 45 = 100.
    { heights: [45, 45, 1], available: 100, gap: 10, pages: [[0, 1], [2]] },
    // A block taller than a page gets its own page, never dropped.
    { heights: [30, 150, 30], available: 100, gap: 10, pages: [[0], [1], [2]] },
    { heights: [10, 10, 10], available: Infinity, gap: 10, pages: [[0, 1, 2]] }
  ])('$heights in $available px → $pages', ({ heights, available, gap, pages }) => {
    expect(paginate(heights, available, gap)).toEqual(pages);
  });
});

describe('buildPages, pageAnchor, findAnchor', () => {
  const slide = (code: string, problems: number, actions: number) =>
    ({
      code,
      problems: Array.from({ length: problems }, (_, i) => ({ id: `p${i}` })),
      actions: Array.from({ length: actions }, (_, i) => ({ id: `a${i}` }))
    }) as unknown as SlideData;
  const seq = [slide('38111', 3, 0), slide('38185', 1, 2)];
  it('gives each territory an overview then its column pages, numbered per column', () => {
    const pages = buildPages(seq, (s, col) =>
      s.code === '38111' && col === 'problems' ? [[0, 1], [2]] : [s[col].map((_, i) => i)]
    );
    expect(
      pages.map((p) =>
        p.kind === 'overview' ? `${p.code}` : `${p.code} ${p.column} ${p.part}/${p.of}`
      )
    ).toEqual([
      '38111',
      '38111 problems 1/2',
      '38111 problems 2/2',
      '38185',
      '38185 problems 1/1',
      '38185 actions 1/1'
    ]);
  });
  it('finds the page showing the same first item after a re-pagination', () => {
    const coarse = buildPages(seq, (s, col) => [s[col].map((_, i) => i)]);
    const fine = buildPages(seq, (s, col) => s[col].map((_, i) => [i]));
    const anchor = pageAnchor(fine[3]!); // 38111 problems, item 2
    expect(anchor).toBe('38111|problems|2');
    expect(findAnchor(coarse, anchor)).toBe(1);
    expect(findAnchor(fine, '38185|overview')).toBe(4);
    expect(findAnchor(fine, '99999|overview')).toBe(0);
  });
});
