import { describe, expect, it } from 'vitest';
import {
  defaultTableColumns,
  isTableColumnId,
  tableColumns
} from '../../../src/lib/map/table-columns';
import { decodeViewChecked, encodeView, DEFAULT_VIEW } from '../../../src/lib/map/url-state';

describe('defaultTableColumns', () => {
  it.each([
    [
      'an SRU indicator brings the whole SRU picture, then population',
      'sru_taux_lls',
      [
        'sru_taux_lls',
        'sru_taux_cible',
        'sru_ecart_cible_points',
        'sru_lls_manquants',
        'statut_sru',
        'population'
      ]
    ],
    [
      'another SRU indicator comes first, the set follows without it',
      'sru_lls_manquants',
      [
        'sru_lls_manquants',
        'sru_taux_lls',
        'sru_taux_cible',
        'sru_ecart_cible_points',
        'statut_sru',
        'population'
      ]
    ],
    [
      'any other indicator comes with the population',
      'taux_pauvrete',
      ['taux_pauvrete', 'population']
    ],
    ['population alone', 'population', ['population']]
  ] as const)('%s', (_name, indicator, expected) => {
    expect(defaultTableColumns(indicator)).toEqual(expected);
  });
});

describe('tableColumns', () => {
  it('puts the map indicator first whatever the choice, without repeats', () => {
    expect(tableColumns('revenu_median', ['population', 'revenu_median', 'population'])).toEqual([
      'revenu_median',
      'population'
    ]);
    expect(tableColumns('revenu_median', [])).toEqual(['revenu_median']);
  });
});

describe('tableau URL parameter', () => {
  it('round-trips a choice and leaves the defaults out of the URL', () => {
    const view = { ...DEFAULT_VIEW, tableColumns: ['sru_taux_lls', 'statut_sru'] as const };
    const q = encodeView({ ...view, tableColumns: [...view.tableColumns] });
    expect(q.get('tableau')).toBe('sru_taux_lls,statut_sru');
    expect(decodeViewChecked(q).state.tableColumns).toEqual(['sru_taux_lls', 'statut_sru']);
    expect(encodeView({ ...DEFAULT_VIEW }).has('tableau')).toBe(false);
  });

  it('drops an unknown column with a French warning naming it', () => {
    const { state, warnings } = decodeViewChecked(
      new URLSearchParams('tableau=population,zz,taux_pauvrete')
    );
    expect(state.tableColumns).toEqual(['population', 'taux_pauvrete']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.param).toBe('tableau');
    expect(warnings[0]?.value).toBe('zz');
    expect(warnings[0]?.message).toBe('tableau « zz » : colonne de tableau inconnue');
  });

  it.each([
    ['statut_sru', true],
    ['sru_taux_lls', true],
    ['zz', false],
    ['', false]
  ])('isTableColumnId(%j) = %s', (id, ok) => {
    expect(isTableColumnId(id)).toBe(ok);
  });
});
