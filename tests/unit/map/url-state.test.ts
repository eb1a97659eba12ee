import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  checkViewAgainstData,
  decodeView,
  decodeViewChecked,
  encodeView,
  parseBreaks,
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
      { mode: 'propositions', theme: '2', column: 'action', topic: 'mixité' }
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
    ['seuils=3_x_1,5', { breaks: [] }],
    ['vue=autre', { mode: 'indicateur' }]
  ] as const)('falls back on bad input: %s', (query, expected) => {
    expect(decodeView(new URLSearchParams(query))).toMatchObject(expected);
  });

  it('drops manual thresholds from the URL when the method is not manual', () => {
    expect(encodeView({ ...DEFAULT_VIEW, breaks: [1, 2] }).toString()).toBe('');
  });

  // Each bad parameter falls back to its default AND is reported, naming the parameter.
  it.each([
    ['indicateur=zz', { indicator: DEFAULT_VIEW.indicator }, ['indicateur']],
    ['vue=zz', { mode: DEFAULT_VIEW.mode }, ['vue']],
    ['methode=kmeans', { method: DEFAULT_VIEW.method }, ['methode']],
    ['classes=0', { classes: DEFAULT_VIEW.classes }, ['classes']],
    ['classes=3.5', { classes: DEFAULT_VIEW.classes }, ['classes']],
    ['classes=8', { classes: DEFAULT_VIEW.classes }, ['classes']],
    ['palette=zz', { palette: DEFAULT_VIEW.palette }, ['palette']],
    ['couches=qpv,zz', { layers: ['qpv'] }, ['couches']],
    ['theme=zz', { theme: null }, ['theme']],
    ['theme=9', { theme: null }, ['theme']],
    ['colonne=zz', { column: null }, ['colonne']],
    ['selection=<script>', { selected: null }, ['selection']],
    // Equal thresholds would give an empty class and a MapLibre exception: default method.
    ['methode=manuel&seuils=1_1_1', { method: DEFAULT_VIEW.method, breaks: [] }, ['seuils']],
    ['methode=manuel&seuils=1_x', { method: DEFAULT_VIEW.method, breaks: [] }, ['seuils']],
    [
      'methode=manuel&seuils=1_2_3_4_5_6_7',
      { method: DEFAULT_VIEW.method, breaks: [] },
      ['seuils']
    ],
    [
      'methode=zz&seuils=1_1&palette=zz',
      { method: 'quantiles', palette: 'bleus' },
      ['methode', 'seuils', 'palette']
    ]
  ] as const)('reports %s and falls back', (query, expected, params) => {
    const { state, warnings } = decodeViewChecked(new URLSearchParams(query));
    expect(state).toMatchObject(expected);
    expect(warnings.map((w) => w.param)).toEqual(params);
    for (const w of warnings) expect(w.message).toMatch(new RegExp(`^${w.param} « `));
  });

  it.each([
    ['', DEFAULT_VIEW],
    ['methode=manuel&seuils=10_20,5', { method: 'manuel', breaks: [10, 20.5] }],
    ['methode=manuel', { method: 'manuel', breaks: [] }],
    ['couches=', { layers: [] }],
    ['selection=QP038009', { selected: 'QP038009' }],
    ['utm_source=mail&sujet=foncier', { topic: 'foncier' }]
  ] as const)('accepts %s without a warning', (query, expected) => {
    const { state, warnings } = decodeViewChecked(new URLSearchParams(query));
    expect(warnings).toEqual([]);
    expect(state).toMatchObject(expected);
  });

  it.each([
    ['10_20_30', [10, 20, 30]],
    ['30_10', [10, 30]],
    ['-5_2,5', [-5, 2.5]],
    ['1_1', null],
    ['1_abc', null],
    ['1e3', null],
    ['', null],
    ['1_2_3_4_5_6', [1, 2, 3, 4, 5, 6]],
    ['1_2_3_4_5_6_7', null]
  ] as const)('parseBreaks(%s)', (raw, expected) => {
    expect(parseBreaks(raw)).toEqual(expected);
  });

  it('checks the selection and the topic against the data', () => {
    const view = { ...DEFAULT_VIEW, selected: '99999', topic: 'MIXITE' };
    const known = { territories: new Set(['38185']), topics: ['foncier', 'mixité'] };
    const { state, warnings } = checkViewAgainstData(view, known);
    expect(state.selected).toBeNull();
    // Case and accents ignored, the base's spelling kept.
    expect(state.topic).toBe('mixité');
    expect(warnings.map((w) => w.param)).toEqual(['selection']);

    const bad = checkViewAgainstData({ ...DEFAULT_VIEW, topic: 'zz' }, known);
    expect(bad.state.topic).toBeNull();
    expect(bad.warnings[0]?.message).toBe('sujet « zz » : aucun sujet de ce nom dans les ateliers');

    // Topics not loaded yet: the topic is kept for later.
    const later = checkViewAgainstData(
      { ...DEFAULT_VIEW, topic: 'zz' },
      { territories: known.territories }
    );
    expect(later.state.topic).toBe('zz');
    expect(later.warnings).toEqual([]);
    const same = { ...DEFAULT_VIEW, selected: '38185' };
    expect(checkViewAgainstData(same, known).state).toBe(same);
  });
});
