/**
 * Pipeline step: the contrats de mixité sociale (CMS) of the member communes, read from the
 * transcribed PLH figures (`plh-objectifs-transcrits`). A row `cms_signe_<year>` with value 1
 * names a signatory; rows of scope « groupe » about CMS (e.g. the potential quoted for the
 * signatories together) are kept as context. A malformed or contradictory row stops the build
 * naming the file, line and field; a missing file is a coverage gap, never « no contract ».
 */
import { parsePlhObjectifs } from '../../src/lib/data/plh-objectifs';
import { SourceFormatError } from '../../src/lib/data/errors';
import { decodeSource } from '../../src/lib/data/sources';
import type { CmsFile } from '../../src/lib/schemas/cms';
import type { PlhObjectifRow } from '../../src/lib/schemas/sources/plh-objectifs';
import type { PipelineStep } from './build';

export const CMS_SOURCE_ID = 'plh-objectifs-transcrits';
const SIGNED = /^cms_signe_(\d{4})$/;

/** The CMS facts of the member communes; throws `SourceFormatError` on a bad row. */
export function buildCms(
  rows: readonly (PlhObjectifRow & { line: number })[],
  file: string,
  memberCodes: readonly string[],
  ref: CmsFile['ref']
): CmsFile {
  const members = new Set(memberCodes);
  const communes: CmsFile['communes'] = [];
  const groups: CmsFile['groups'] = [];
  const seen = new Map<string, number>();
  const source = (r: PlhObjectifRow) => ({
    url: r.source_url,
    publisher: r.source_publisher,
    date: r.source_date === '' ? null : r.source_date
  });
  for (const r of rows) {
    const signed = SIGNED.exec(r.indicator);
    if (signed) {
      if (r.scope !== 'commune' || !/^\d[\dAB]\d{3}$/.test(r.code_insee))
        throw new SourceFormatError(file, 'une signature de CMS nomme une seule commune', {
          line: r.line,
          field: 'code_insee'
        });
      if (r.value !== '1' && r.value !== '0')
        throw new SourceFormatError(file, `1 (signé) ou 0 attendu (reçu « ${r.value} »)`, {
          line: r.line,
          field: 'value'
        });
      const first = seen.get(r.code_insee);
      if (first !== undefined)
        throw new SourceFormatError(
          file,
          `commune ${r.code_insee} citée deux fois (déjà ligne ${first})`,
          { line: r.line, field: 'code_insee' }
        );
      seen.set(r.code_insee, r.line);
      if (r.value === '1' && members.has(r.code_insee))
        communes.push({
          code: r.code_insee,
          nom: r.nom,
          year: Number(signed[1]),
          source: source(r)
        });
      continue;
    }
    if (r.scope === 'groupe' && r.indicator.startsWith('cms_')) {
      const codes = r.code_insee.split('|').filter((c) => c !== '');
      if (codes.some((c) => members.has(c)))
        groups.push({
          codes,
          indicator: r.indicator,
          value: Number(r.value),
          unit: r.unit,
          note: r.note,
          source: source(r)
        });
    }
  }
  communes.sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
  return { ref, available: true, communes, groups };
}

export const cmsStep: PipelineStep = {
  name: 'cms',
  async run(ctx) {
    const entry = ctx.source(CMS_SOURCE_ID);
    const ref = { source: entry.id, vintage: entry.vintage };
    const src = await ctx.tryRead(CMS_SOURCE_ID);
    if ('missing' in src) {
      ctx.diag(`${CMS_SOURCE_ID}.unavailable`, [src.missing]);
      ctx.outputs.cms = { ref, available: false, communes: [], groups: [] };
      ctx.report.gaps[CMS_SOURCE_ID] = [...ctx.memberCodes];
      return;
    }
    const rows = parsePlhObjectifs(decodeSource(entry, src.bytes), src.location);
    const cms = buildCms(rows, src.location, ctx.memberCodes, ref);
    ctx.outputs.cms = cms;
    ctx.report.datasets.push({ dataset: entry.id, read: rows.length, kept: cms.communes.length });
  }
};
