import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCms } from '../../../scripts/lib/cms';
import { parsePlhObjectifs } from '../../../src/lib/data/plh-objectifs';
import { cmsFileSchema } from '../../../src/lib/schemas/cms';

const HEADER =
  'plh_period,scope,code_insee,nom,indicator,value,unit,source_url,source_publisher,source_date,note';
const URL = 'https://example.org/article';
const ref = { source: 'plh-objectifs-transcrits', vintage: 'test' };
const members = ['38111', '38229', '38185'];
const build = (lines: string[]) =>
  buildCms(parsePlhObjectifs([HEADER, ...lines].join('\n'), 'f.csv'), 'f.csv', members, ref);

describe('contrats de mixité sociale from the transcribed PLH figures', () => {
  it('reads the signatories, their year and source; ignores non-members and other figures', () => {
    const cms = build([
      `c,commune,38229,Meylan,cms_signe_2022,1,oui/non,${URL},Journal,2022-05-06,"signed, with a comma"`,
      `c,commune,38111,Claix,cms_signe_2023,1,oui/non,${URL},Journal,,`,
      `c,commune,38001,Ailleurs,cms_signe_2022,1,oui/non,${URL},Journal,2022-05-06,`,
      `c,commune,38185,Grenoble,cms_signe_2022,0,oui/non,${URL},Journal,2022-05-06,`,
      `2025-2030,commune,38185,Grenoble,objectif_production_logements,880,logements/an,${URL},Site,,`,
      `c,groupe,38111|38229,"Claix, Meylan",cms_potentiel_lls,915,logements,${URL},Journal,2022-05-06,quoted`
    ]);
    expect(cmsFileSchema.parse(cms)).toEqual(cms);
    expect(cms.communes).toEqual([
      {
        code: '38111',
        nom: 'Claix',
        year: 2023,
        source: { url: URL, publisher: 'Journal', date: null }
      },
      {
        code: '38229',
        nom: 'Meylan',
        year: 2022,
        source: { url: URL, publisher: 'Journal', date: '2022-05-06' }
      }
    ]);
    expect(cms.groups).toHaveLength(1);
    expect(cms.groups[0]).toMatchObject({ codes: ['38111', '38229'], value: 915 });
  });

  it.each([
    [
      'a commune listed twice',
      [
        `c,commune,38229,Meylan,cms_signe_2022,1,oui/non,${URL},J,,`,
        `c,commune,38229,Meylan,cms_signe_2022,1,oui/non,${URL},J,,`
      ],
      /f\.csv, ligne 3, champ « code_insee » : commune 38229 citée deux fois \(déjà ligne 2\)/
    ],
    [
      'a value that is not 0/1',
      [`c,commune,38229,Meylan,cms_signe_2022,oui,oui/non,${URL},J,,`],
      /f\.csv, ligne 2, champ « value »/
    ],
    [
      'a signature without a commune code',
      [`c,metropole,,Métropole,cms_signe_2022,1,oui/non,${URL},J,,`],
      /f\.csv, ligne 2, champ « code_insee » : une signature de CMS nomme une seule commune/
    ],
    [
      'a missing source URL',
      [`c,commune,38229,Meylan,cms_signe_2022,1,oui/non,,J,,`],
      /f\.csv, ligne 2, champ « source_url »/
    ],
    [
      'a numeric value with a decimal comma',
      [`c,commune,38229,Meylan,objectif,"1,5",x,${URL},J,,`],
      /f\.csv, ligne 2, champ « value »/
    ]
  ])('stops on %s, naming file, line and field', (_n, lines, message) => {
    expect(() => build(lines)).toThrow(message);
  });

  it('reads the mirror in place: the five communes that signed in May 2022, with the press URL', () => {
    const file = resolve(
      import.meta.dirname,
      '../../../../shared/sources/indicators/plh/plh_objectifs_transcribed.csv'
    );
    const rows = parsePlhObjectifs(readFileSync(file, 'utf8'), file);
    // The 49 members are not needed here: the five signatories are members of the Métropole.
    const cms = buildCms(rows, file, ['38111', '38229', '38485', '38126', '38524'], ref);
    expect(cms.communes.map((c) => c.code).sort()).toEqual([
      '38111',
      '38126',
      '38229',
      '38485',
      '38524'
    ]);
    expect(new Set(cms.communes.map((c) => c.year))).toEqual(new Set([2022]));
    for (const c of cms.communes) {
      expect(c.source.url).toMatch(/^https:\/\/www\.placegrenet\.fr\/2022\/05\//);
      expect(c.source.date).toMatch(/^2022-05-/);
    }
  });
});
