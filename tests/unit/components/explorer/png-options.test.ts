import { describe, expect, it } from 'vitest';
import {
  localDay,
  pngFileName,
  pngLegend,
  pngSources
} from '../../../../src/lib/components/explorer/png-options';
import { QPV_COLOR, STOP_COLORS, TRANSIT_LEGEND } from '../../../../src/lib/map/layer-colors';
import type { LegendRow } from '../../../../src/lib/map/scheme/scheme';

describe('localDay / pngFileName', () => {
  it.each([
    ['an ordinary day', new Date(2026, 10, 30, 15, 20), '2026-11-30'],
    ['month and day padded', new Date(2026, 0, 5, 9, 0), '2026-01-05'],
    // The user's calendar day, not the UTC one (23:30 local is still that day).
    ['late in the evening', new Date(2026, 11, 31, 23, 30), '2026-12-31'],
    ['just after midnight', new Date(2027, 0, 1, 0, 5), '2027-01-01']
  ] as const)('%s', (_name, date, day) => {
    expect(localDay(date)).toBe(day);
    expect(pngFileName('sru_taux_lls', date)).toBe(`atlas-plh-sru_taux_lls-${day}.png`);
    expect(pngFileName('propositions', date)).toBe(`atlas-plh-propositions-${day}.png`);
  });
});

describe('pngLegend', () => {
  const scheme: { legend: LegendRow[] } = {
    legend: [
      { kind: 'class', label: 'de 5 % à moins de 10 %', color: '#deebf7', count: 4 },
      {
        kind: 'not_applicable' as const,
        label: 'Non soumise à la loi SRU',
        color: '#ffffff',
        count: 27
      }
    ]
  };
  it.each([
    ['the classes only', null, undefined, []],
    [
      'the QPV perimeters as an outline',
      ['2024'],
      undefined,
      [{ label: 'Quartiers prioritaires (QPV), périmètres 2024', color: QPV_COLOR, outline: true }]
    ],
    [
      'the transit lines as a line, the stops as a dot, after the QPV',
      ['2015', '2024'],
      { lines: true, stops: true },
      [
        {
          label: 'Quartiers prioritaires (QPV), périmètres 2015 et 2024',
          color: QPV_COLOR,
          outline: true
        },
        {
          label: 'Lignes de transport en commun',
          color: TRANSIT_LEGEND.lines.color,
          shape: 'line'
        },
        { label: 'Arrêts', color: STOP_COLORS.tram, shape: 'dot' }
      ]
    ],
    [
      'the stops alone',
      null,
      { lines: false, stops: true },
      [{ label: 'Arrêts', color: STOP_COLORS.tram, shape: 'dot' }]
    ]
  ] as const)('%s', (_name, qpv, transit, context) => {
    expect(pngLegend(scheme, qpv, transit)).toEqual([
      { label: 'de 5 % à moins de 10 %', color: '#deebf7' },
      { label: 'Non soumise à la loi SRU (27)', color: '#ffffff' },
      ...context
    ]);
  });
});

describe('pngSources', () => {
  const manifest = [
    { id: 'sru-inventaire', title: 'Inventaire SRU', producer: 'DGALN', vintage: '2024' },
    { id: 'qpv-2015', title: 'QPV 2015', producer: 'ANCT', vintage: '2015 (décret 2014)' },
    { id: 'mreso-gtfs', title: 'Arrêts M réso (GTFS)', producer: 'SMMAG', vintage: 'octobre 2025' },
    { id: 'mreso-lignes-geo', title: 'Tracés M réso', producer: 'SMMAG', vintage: 'novembre 2025' }
  ];
  const sru = { sources: ['sru-inventaire'], vintage: 'LLS au 1er janvier 2024' };
  const qpv2015 = [{ source: 'qpv-2015', vintage: '2015' }];
  it.each([
    ['the indicator only', false, undefined, ['Inventaire SRU (DGALN) — LLS au 1er janvier 2024']],
    [
      'then the lines and the stops drawn, with their own vintage',
      false,
      { qpv: null, lines: true, stops: true },
      [
        'Inventaire SRU (DGALN) — LLS au 1er janvier 2024',
        'Tracés M réso (SMMAG) — novembre 2025',
        'Arrêts M réso (GTFS) (SMMAG) — octobre 2025'
      ]
    ],
    [
      'the QPV perimeters with the vintage they carry, before the transit layers',
      false,
      { qpv: qpv2015, lines: true, stops: false },
      [
        'Inventaire SRU (DGALN) — LLS au 1er janvier 2024',
        'QPV 2015 (ANCT) — 2015',
        'Tracés M réso (SMMAG) — novembre 2025'
      ]
    ],
    [
      'the workshop base, then the stops',
      true,
      { qpv: null, lines: false, stops: true },
      [
        'Base des ateliers de la concertation du PLH (propositions ciblées par commune)',
        'Arrêts M réso (GTFS) (SMMAG) — octobre 2025'
      ]
    ],
    [
      'a QPV dataset missing from the manifest is cited by its id',
      false,
      { qpv: [{ source: 'qpv-2024-perimetres', vintage: '2024' }], lines: false, stops: false },
      ['Inventaire SRU (DGALN) — LLS au 1er janvier 2024', 'qpv-2024-perimetres — 2024']
    ]
  ] as const)('%s', (_name, propositions, context, lines) => {
    expect(pngSources(propositions, sru, manifest, context)).toEqual(lines);
  });
});
