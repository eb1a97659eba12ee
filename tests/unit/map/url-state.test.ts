import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  decodeView,
  encodeView,
  type ViewParams
} from '../../../src/lib/map/url-state';

describe('url-state', () => {
  it('encodes the default view as an empty query string', () => {
    expect(encodeView({ ...DEFAULT_VIEW }).toString()).toBe('');
    expect(decodeView(new URLSearchParams())).toEqual(DEFAULT_VIEW);
  });

  const views: [string, Partial<ViewParams>][] = [
    ['indicator and Jenks', { indicator: 'tc_couverture_population', method: 'jenks', classes: 4 }],
    ['manual breaks', { method: 'manuel', breaks: [10, 20, 25.5] }],
    ['layers off', { layers: [] }],
    ['all layers', { layers: ['qpv', 'lignes', 'arrets', 'noms', 'fond'] }],
    [
      'propositions filters',
      { mode: 'propositions', theme: 'Parc social', column: 'actions', topic: 'mixité' }
    ],
    ['selected commune', { selected: '38185' }],
    ['selected QPV', { selected: 'QP038009' }],
    ['palette', { palette: 'viridis' }]
  ];
  it.each(views)('round-trips %s', (_name, change) => {
    const view = { ...DEFAULT_VIEW, ...change };
    const query = encodeView(view).toString();
    expect(decodeView(new URLSearchParams(query))).toEqual(view);
  });

  it.each([
    ['indicateur=inconnu', { indicator: DEFAULT_VIEW.indicator }],
    ['classes=12', { classes: DEFAULT_VIEW.classes }],
    ['classes=abc', { classes: DEFAULT_VIEW.classes }],
    ['methode=kmeans', { method: DEFAULT_VIEW.method }],
    ['selection=<script>', { selected: null }],
    ['couches=qpv,inconnue', { layers: ['qpv'] }],
    ['seuils=3_x_1,5', { breaks: [1.5, 3] }],
    ['vue=autre', { mode: 'indicateur' }]
  ] as const)('falls back on bad input: %s', (query, expected) => {
    expect(decodeView(new URLSearchParams(query))).toMatchObject(expected);
  });

  it('drops manual thresholds from the URL when the method is not manual', () => {
    expect(encodeView({ ...DEFAULT_VIEW, breaks: [1, 2] }).toString()).toBe('');
  });
});
