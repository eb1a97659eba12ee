import { describe, expect, it } from 'vitest';
import {
  contextSources,
  contextSourcesLine,
  NO_CONTEXT_LAYER,
  qpvSourceRefs,
  TRANSIT_SOURCE_IDS
} from '../../../src/lib/map/context-sources';
import { TRANSIT_LEGEND } from '../../../src/lib/map/layer-colors';

const manifest = [
  { id: 'mreso-gtfs', vintage: 'octobre 2025' },
  { id: 'mreso-lignes-geo', vintage: 'novembre 2025' },
  { id: 'qpv-2015', vintage: '2015 (manifeste)' }
];
const q2024 = { source: 'qpv-2024-perimetres-extrait', vintage: '2024' };
const q2015 = { source: 'qpv-2015', vintage: '2015' };

describe('contextSources', () => {
  it.each([
    ['no context layer', NO_CONTEXT_LAYER, []],
    [
      'the QPV cite the vintage their perimeters carry, not the manifest’s',
      { qpv: [q2015], lines: false, stops: false },
      [{ layer: 'Périmètres des QPV', source: 'qpv-2015', vintage: '2015' }]
    ],
    [
      'two generations: both datasets, each once',
      { qpv: [q2024, q2015, q2024], lines: false, stops: false },
      [
        { layer: 'Périmètres des QPV', ...q2024 },
        { layer: 'Périmètres des QPV', ...q2015 }
      ]
    ],
    [
      'legend order: QPV, lines, stops, with the transit vintages of the manifest',
      { qpv: [q2024], lines: true, stops: true },
      [
        { layer: 'Périmètres des QPV', ...q2024 },
        { layer: TRANSIT_LEGEND.lines.label, source: 'mreso-lignes-geo', vintage: 'novembre 2025' },
        { layer: TRANSIT_LEGEND.stops.label, source: 'mreso-gtfs', vintage: 'octobre 2025' }
      ]
    ],
    ['an empty QPV layer cites nothing', { qpv: [], lines: false, stops: false }, []]
  ] as const)('%s', (_name, shown, expected) => {
    expect(contextSources(shown, manifest)).toEqual(expected);
  });

  it('leaves out a transit layer whose dataset the manifest lacks', () => {
    expect(contextSources({ qpv: null, lines: true, stops: true }, manifest.slice(1))).toEqual([
      {
        layer: TRANSIT_LEGEND.lines.label,
        source: TRANSIT_SOURCE_IDS.lines,
        vintage: 'novembre 2025'
      }
    ]);
  });
});

describe('qpvSourceRefs', () => {
  it('keeps each dataset and vintage once, in first-seen order', () => {
    expect(
      qpvSourceRefs([
        { geometryRef: q2024 },
        { geometryRef: q2015 },
        { geometryRef: q2024 },
        { geometryRef: { ...q2024, vintage: '2024 bis' } }
      ])
    ).toEqual([q2024, q2015, { ...q2024, vintage: '2024 bis' }]);
  });
  it('no QPV, no dataset', () => expect(qpvSourceRefs([])).toEqual([]));
});

describe('contextSourcesLine', () => {
  const producers = [
    { id: 'qpv-2024-perimetres-extrait', producer: 'ANCT, SIG Ville' },
    { id: 'mreso-gtfs', producer: 'SMMAG / M réso' }
  ];
  it.each([
    ['nothing drawn, nothing said', [], null],
    [
      'the vintage loses its closing parenthesis, not its year',
      [
        {
          layer: 'Périmètres des QPV',
          source: 'qpv-2024-perimetres-extrait',
          vintage: '2024 (décret n° 2023-1314 modifié par le décret n° 2024-806)'
        }
      ],
      'Couches : périmètres des QPV — ANCT, SIG Ville, 2024.'
    ],
    [
      'several layers in legend order; an unknown dataset by its id',
      [
        { layer: 'Périmètres des QPV', source: 'qpv-2015', vintage: '2015' },
        { layer: 'Arrêts', source: 'mreso-gtfs', vintage: "GTFS d'octobre 2025" }
      ],
      "Couches : périmètres des QPV — qpv-2015, 2015 ; arrêts — SMMAG / M réso, GTFS d'octobre 2025."
    ],
    [
      'a vintage that is only a parenthesis stays whole',
      [{ layer: 'Arrêts', source: 'mreso-gtfs', vintage: '(inconnu)' }],
      'Couches : arrêts — SMMAG / M réso, (inconnu).'
    ]
  ] as const)('%s', (_name, sources, line) => {
    expect(contextSourcesLine(sources, producers)).toBe(line);
  });
});
