import { describe, expect, it } from 'vitest';
import {
  tableRowsHtml,
  type RowsHtmlOptions
} from '../../../../src/lib/components/table/rows-html';
import type { TableRow } from '../../../../src/lib/components/table/sort-rows';
import { SRU_STATUS_COLUMN } from '../../../../src/lib/map/table-columns';

const ok = (
  value: number,
  estimate = false,
  low: number | null = null,
  high: number | null = null
) => ({
  value,
  status: 'ok' as const,
  estimate,
  low,
  high
});
const rows: TableRow[] = [
  {
    code: '38185',
    nom: 'Grenoble',
    value: ok(25.1),
    values: { sru_lls_manquants: ok(0, true, 0, 0), population: ok(156389) },
    sruStatus: 'conforme'
  },
  {
    code: '38999',
    nom: 'Saint-<Test> & « Cie »',
    value: { value: null, status: 'not_applicable', estimate: false, low: null, high: null },
    values: {},
    sruStatus: null
  }
];
const options: RowsHtmlOptions = {
  definition: { label: 'Taux de logements sociaux (SRU)', unit: '%', decimals: 1 },
  mapIndicator: 'sru_taux_lls',
  extra: [SRU_STATUS_COLUMN, 'sru_lls_manquants', 'population'],
  definitions: new Map([
    ['sru_lls_manquants', { label: 'LLS manquants', unit: 'logements', decimals: 0 }],
    ['population', { label: 'Population', unit: 'hab.', decimals: 0 }]
  ]),
  colorOf: (row) => (row.code === '38185' ? '#3b6fb6' : null),
  hrefOf: (code) => `/commune/${code}`,
  selected: '38185'
};

describe('tableRowsHtml', () => {
  const html = tableRowsHtml(rows, options);
  const [first = '', second = ''] = html.split('</tr>');

  it('draws one row per commune, in the given order, with its link and select button', () => {
    expect(html.match(/<tr /g)).toHaveLength(2);
    expect(first).toContain('<tr data-code="38185" class="selected">');
    expect(first).toContain('<a href="/commune/38185">Grenoble</a>');
    expect(first).toContain('aria-pressed="true"><span class="dot" aria-hidden="true"></span>');
    expect(second).toContain('aria-pressed="false"><span class="dot" aria-hidden="true"></span>');
  });

  it('writes the figures in French, the class swatch, the SRU status and « non soumise »', () => {
    expect(first).toMatch(
      /<td class="num"><span class="swatch" style="background: #3b6fb6;"[^>]*><\/span>25,1\u202f%<\/td>/
    );
    expect(first).toContain('<td class="status">atteint son objectif</td>');
    expect(first).toContain('156\u202f389');
    expect(second).toContain('non soumise');
    expect(second).toContain('<td class="status">—</td>');
  });

  it('says « objectif atteint » for a deficit of 0 and gives an estimate its range as a title', () => {
    expect(first).toMatch(/<td class="num" title="[^"]+">0 \(objectif atteint\)<\/td>/);
  });

  it('escapes every text', () => {
    expect(second).toContain('Saint-&lt;Test&gt; &amp; « Cie »');
    expect(second).not.toContain('<Test>');
  });
});
