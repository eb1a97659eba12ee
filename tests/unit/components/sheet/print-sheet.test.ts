import { describe, expect, it } from 'vitest';
import {
  citeMapSources,
  PrintNotes,
  printSection,
  refMarks,
  transitMethodText
} from '../../../../src/lib/components/sheet/print-sheet';
import {
  topItems,
  type SheetWorkshopItem,
  type SheetWorkshopTheme
} from '../../../../src/lib/components/sheet/workshop-view';
import type { IndicatorDefinition, IndicatorId } from '../../../../src/lib/schemas/indicators';

// Made-up definitions, titles and values.
function def(
  over: Partial<IndicatorDefinition> & Pick<IndicatorDefinition, 'id'>
): IndicatorDefinition {
  return {
    label: `Libellé ${over.id}`,
    unit: '%',
    decimals: 1,
    method: 'Méthode test.',
    sources: ['src-a'],
    vintage: '2000',
    ...over
  } as IndicatorDefinition;
}
const titles = { 'src-a': 'Source A', 'src-b': 'Source B' };
const definitions: Partial<Record<IndicatorId, IndicatorDefinition>> = {
  sru_taux_lls: def({ id: 'sru_taux_lls' }),
  sru_lls_manquants: def({ id: 'sru_lls_manquants', unit: 'logements', decimals: 0 }),
  sru_objectif_triennal: def({ id: 'sru_objectif_triennal', unit: 'logements', decimals: 0 }),
  tc_couverture_population: def({
    id: 'tc_couverture_population',
    sources: ['src-a', 'src-b'],
    vintage: 'A 2001 ; B 2002'
  }),
  logement_vacance: def({ id: 'logement_vacance', sources: ['src-b', 'src-a'], vintage: 'mixte' })
};
const ok = (
  value: number,
  estimate = false,
  low: number | null = null,
  high: number | null = null
) => ({ value, status: 'ok', estimate, low, high }) as const;

describe('PrintNotes', () => {
  it('numbers each « title — vintage » once, pairing a split vintage with its sources', () => {
    const notes = new PrintNotes(titles);
    expect(notes.cite(['src-a'], '2000')).toEqual([1]);
    expect(notes.cite(['src-a', 'src-b'], 'A 2001 ; B 2002')).toEqual([2, 3]);
    expect(notes.cite(['src-b', 'src-a'], 'mixte')).toEqual([4, 5]);
    expect(notes.cite(['src-a'], '2000')).toEqual([1]);
    expect(notes.cite(['inconnue'], '1999')).toEqual([6]);
    expect(notes.notes).toEqual([
      'Source A — 2000',
      'Source A — A 2001',
      'Source B — B 2002',
      'Source B — mixte',
      'Source A — mixte',
      'inconnue — 1999'
    ]);
  });
});

describe('printSection', () => {
  it('formats values in French, keeps estimate ranges and missing data, drops not applicable', () => {
    const notes = new PrintNotes(titles);
    const sec = printSection(
      'SRU',
      [
        'sru_taux_lls',
        'sru_lls_manquants',
        'sru_objectif_triennal',
        'tc_couverture_population',
        'revenu_median'
      ],
      {
        sru_taux_lls: ok(14.25),
        sru_lls_manquants: ok(320, true, 310, 331),
        sru_objectif_triennal: {
          value: null,
          status: 'not_applicable',
          estimate: false,
          low: null,
          high: null
        },
        tc_couverture_population: {
          value: null,
          status: 'secret',
          estimate: false,
          low: null,
          high: null
        }
      },
      definitions,
      notes
    );
    expect(sec.title).toBe('SRU');
    // revenu_median has no definition, the triennial objective does not apply.
    expect(sec.rows.map((r) => r.key)).toEqual([
      'sru_taux_lls',
      'sru_lls_manquants',
      'tc_couverture_population'
    ]);
    expect(sec.rows[0]?.value).toBe('14,3\u202f%');
    expect(sec.rows[1]?.value).toBe(
      '≈\u00a0320\u00a0logements (estimation, entre 310\u00a0logements et 331\u00a0logements)'
    );
    expect(sec.rows[1]?.estimate).toBe(true);
    expect(sec.rows[2]?.value).toBe('secret statistique');
    expect(sec.rows.map((r) => refMarks(r.refs))).toEqual(['[1]', '[1]', '[2][3]']);
  });
});

function wItem(
  over: Partial<SheetWorkshopItem> & Pick<SheetWorkshopItem, 'id'>
): SheetWorkshopItem {
  return {
    text: over.id,
    why: 'Affiché car …',
    sources: [],
    universal: false,
    parentText: null,
    parentId: null,
    score: 0.5,
    reasons: [],
    allOf: false,
    ...over
  };
}
function theme(
  theme: number,
  probleme: SheetWorkshopItem[],
  action: SheetWorkshopItem[]
): SheetWorkshopTheme {
  return {
    theme,
    question: `Q${theme}`,
    tables: '',
    columns: [
      { column: 'probleme', label: 'Problèmes', intros: [], items: probleme },
      {
        column: 'ideal',
        label: 'Idéal',
        intros: [],
        items: [wItem({ id: `I${theme}`, score: 1 })]
      },
      { column: 'action', label: 'Actions', intros: [], items: action }
    ]
  };
}

describe('topItems', () => {
  const themes = [
    theme(
      1,
      [
        wItem({ id: 'P1', score: 0.4 }),
        wItem({ id: 'P1.1', score: 0.4, parentId: 'P1', parentText: 'P1' }),
        wItem({ id: 'P2', score: 0.9 }),
        wItem({ id: 'PU', universal: true, score: 0 })
      ],
      [wItem({ id: 'A1', score: 0.2 }), wItem({ id: 'AU1', universal: true, score: 0 })]
    ),
    theme(
      2,
      [wItem({ id: 'P3', score: 0.4 }), wItem({ id: 'P4', score: 0.6 })],
      [wItem({ id: 'AU2', universal: true, score: 0 })]
    )
  ];
  it.each([
    ['probleme', 3, ['P2', 'P4', 'P1.1']],
    ['probleme', 5, ['P2', 'P4', 'P1.1', 'P3', 'PU']],
    ['action', 3, ['A1', 'AU1', 'AU2']],
    ['ideal', 1, ['I1']]
  ] as const)('%s, %i items: %j', (column, n, ids) => {
    expect(topItems(themes, column, n).map((i) => i.id)).toEqual(ids);
  });
  it('returns nothing for no themes', () => {
    expect(topItems([], 'action', 3)).toEqual([]);
  });
});

describe('citeMapSources', () => {
  it('numbers the map sources after those already cited, once each, ascending', () => {
    const notes = new PrintNotes(titles);
    notes.cite(['src-b'], '2002');
    const refs = citeMapSources(notes, [
      { source: 'src-a', vintage: '2001' },
      { source: 'src-b', vintage: '2002' },
      { source: 'src-a', vintage: '2001' }
    ]);
    expect(refs).toEqual([1, 2]);
    expect(notes.notes).toEqual(['Source B — 2002', 'Source A — 2001']);
  });
});

describe('transitMethodText', () => {
  it.each([
    [
      { radiusTramM: 500, radiusChronoM: 400, radiusBusM: 300 },
      'Desserte calculée à 500\u202fm d’un arrêt de tram, 400\u202fm d’un arrêt Chrono, 300\u202fm des autres bus (sans les fréquences).'
    ],
    [
      { radiusTramM: 1200, radiusChronoM: 804, radiusBusM: 250 },
      'Desserte calculée à 1,2\u202fkm d’un arrêt de tram, 800\u202fm d’un arrêt Chrono, 250\u202fm des autres bus (sans les fréquences).'
    ]
  ])('%o → %s', (radii, text) => {
    expect(transitMethodText(radii)).toBe(text);
  });
});
